package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of the event subprocess 虚假材料核查 (message {@code FalseMaterialsReported}, Art. 9): a
 * report without its text is refused. Each report and its finding stay in the subprocess's own scope.
 */
@Component("falseMaterialsReportIntake")
public class FalseMaterialsReportIntakeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Inputs in = Inputs.of(execution.getVariables());
    String text = in.text(REPORT_TEXT, "举报内容", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    execution.getProcessInstance().removeVariableLocal(REPORT_TEXT);
    execution.setVariableLocal(REPORT_TEXT, text);
    execution.setVariableLocal(FALSE_MATERIALS_CONFIRMED, null);
    execution.setVariableLocal(FALSE_MATERIALS_FINDING, null);
  }
}
