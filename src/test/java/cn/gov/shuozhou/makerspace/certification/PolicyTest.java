package cn.gov.shuozhou.makerspace.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;

/** Each number of {@link Policy} is read from the output column of decision certification-policy it names. */
class PolicyTest {

  @Test
  void everyNumberNamesAnOutputOfTheDecision() {
    var outputs = Dmn.readModelFromFile(Path.of("dmn", Policy.DECISION_KEY + ".dmn").toFile())
        .getModelElementsByType(Output.class).stream().map(Output::getName).toList();
    assertThat(Arrays.stream(Policy.Output.values()).map(Policy.Output::column)).isSubsetOf(outputs);
    assertThat(Policy.Output.UPLOAD_MAX_FILE_MB.column()).isEqualTo("uploadMaxFileMb");
  }

  @Test
  void readsTheNumberOfItsColumnAndRefusesAMissingOne() {
    Policy policy = Policy.ofValue(Map.of("banYears", 3, "objectionEvidenceMaxFileMb", 20));
    assertThat(policy.number(Policy.Output.BAN_YEARS)).isEqualTo(3);
    assertThat(policy.number(Policy.Output.OBJECTION_EVIDENCE_MAX_FILE_MB)).isEqualTo(20);
    assertThatThrownBy(() -> policy.number(Policy.Output.VALIDITY_YEARS))
        .hasMessageContaining("validityYears");
  }
}
