package cn.gov.shuozhou.makerspace.expertreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * The forms a chosen panel may arrive in: a JSON array of user ids (Tasklist and REST clients send
 * {@code experts} as a Json variable) or a Java list (process tests). Anything else is refused in
 * Chinese, naming the field.
 */
class ExpertPanelTest {

  private final ExpertPanel panel = new ExpertPanel(null); // ids() needs no identity service

  @Test
  void aJsonArrayOfIdsAsTasklistSendsIt() {
    assertThat(panel.ids(Spin.JSON("[\"expert1\",\"expert2\",\"expert3\"]")))
        .containsExactly("expert1", "expert2", "expert3");
  }

  @Test
  void aJavaList() {
    assertThat(panel.ids(List.of("expert3", "expert1"))).containsExactly("expert3", "expert1");
  }

  @Test
  void anythingElseIsRefused() {
    for (Object bad : Arrays.asList(
        Spin.JSON("[\"expert1\", 2]"),
        Spin.JSON("[{\"value\":\"expert1\",\"label\":\"专家一\"}]"),
        Spin.JSON("{\"experts\":[\"expert1\"]}"),
        "expert1,expert2",
        Map.of("value", "expert1"),
        Arrays.asList("expert1", null),
        null)) {
      assertThatThrownBy(() -> panel.ids(bad)).as("%s", bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("评审专家（experts）");
    }
  }
}
