package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

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
    ReportIntake.take(execution, REPORT_TEXT, "举报内容", FALSE_MATERIALS_CONFIRMED, FALSE_MATERIALS_FINDING);
  }
}
