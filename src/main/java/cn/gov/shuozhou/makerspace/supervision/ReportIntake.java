package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The start of an event subprocess that handles a report on the space (Art. 9, 10): a report without
 * its text is refused (the correlation fails, nothing changes); the text moves from process level
 * into the subprocess's own scope, where the answers to an earlier report start empty.
 */
final class ReportIntake {

  private ReportIntake() {}

  static void take(DelegateExecution execution, String field, String label, String... answers) {
    Inputs in = Inputs.of(execution.getVariables());
    String text = in.text(field, label, true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    execution.getProcessInstance().removeVariableLocal(field);
    execution.setVariableLocal(field, text);
    for (String answer : answers) {
      execution.setVariableLocal(answer, null);
    }
  }
}
