package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of the event subprocess 违规处理 (message {@code ViolationReported}, Art. 10): a report
 * without a description is refused (the correlation fails, nothing changes). Each report and its
 * decision stay in the subprocess's own scope.
 */
@Component("violationIntake")
public class ViolationIntakeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ReportIntake.take(execution, VIOLATION_DESCRIPTION, "违规情况描述", SANCTION, SANCTION_NOTE);
  }
}
