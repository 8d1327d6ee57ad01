package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CONVERTED_OLD_BUILDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OLD_BUILDING_PREFERRED;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** Art. 3: the task priorities are the policy's numbers, not the model's. */
class TaskPrioritiesTest {

  private static final Map<String, Object> POLICY_VALUES =
      Map.of("convertedBuildingTaskPriority", 81, "standardTaskPriority", 42);

  private final TaskPriorities priorities = new TaskPriorities();

  @Test
  void theDeclarationDecidesUntilTheInspectionFindsOtherwise() {
    assertThat(priorities.of(scope(true, null))).isEqualTo(81);
    assertThat(priorities.of(scope(false, null))).isEqualTo(42);
    assertThat(priorities.of(scope(true, false))).as("altered building: no preference").isEqualTo(42);
    assertThat(priorities.of(scope(true, true))).isEqualTo(81);
  }

  @Test
  void everyUserTaskOfTheCertificationTakesItsPriorityFromThePolicy() throws IOException {
    String model = Files.readString(Path.of("bpmn/maker-space-certification.bpmn"));
    Matcher userTask = Pattern.compile("<bpmn:userTask [^>]*>").matcher(model);
    int tasks = 0;
    while (userTask.find()) {
      tasks++;
      assertThat(userTask.group()).contains("camunda:priority=\"${taskPriorities.of(execution)}\"");
    }
    assertThat(tasks).isEqualTo(8);
  }

  private static VariableScope scope(boolean declared, Boolean found) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(POLICY)).thenReturn(POLICY_VALUES);
    when(scope.getVariable(CONVERTED_OLD_BUILDING)).thenReturn(declared);
    when(scope.hasVariable(OLD_BUILDING_PREFERRED)).thenReturn(found != null);
    when(scope.getVariable(OLD_BUILDING_PREFERRED)).thenReturn(found);
    return scope;
  }
}
