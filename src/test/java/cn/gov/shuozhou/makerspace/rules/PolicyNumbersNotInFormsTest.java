package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §6: forms take the numbers of the measures from the active policy ({@code {{policy.…}}}
 * templates), so a form never states a period, a validity or a threshold of its own.
 */
class PolicyNumbersNotInFormsTest {

  /** "2年内", "有效期为3年", "不低于200平方米", "5个工作日", "90日内" with a number written out. */
  private static final Pattern STATUTORY_NUMBER =
      Pattern.compile("\\d+\\s*(年内|个工作日|日内)|有效期为\\s*\\d+\\s*年|不(低|少)于\\s*\\d+");

  @Test
  void noFormWritesAStatutoryNumber() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of(System.getProperty("user.dir"), "bpmn", "forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        Matcher m = STATUTORY_NUMBER.matcher(Files.readString(form));
        while (m.find()) {
          found.add(form.getFileName() + ": " + m.group());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void thePatternFindsWhatItIsFor() {
    assertThat(STATUTORY_NUMBER.matcher("2年内不再受理").find()).isTrue();
    assertThat(STATUTORY_NUMBER.matcher("认定有效期为3年").find()).isTrue();
    assertThat(STATUTORY_NUMBER.matcher("不低于200平方米").find()).isTrue();
    assertThat(STATUTORY_NUMBER.matcher("{{policy.banYears}}年内不再受理").find()).isFalse();
    assertThat(STATUTORY_NUMBER.matcher("近一年平均每月").find()).isFalse();
  }
}
