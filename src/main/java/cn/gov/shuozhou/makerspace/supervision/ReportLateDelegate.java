package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code markReportLate} (Art. 7, 8): the due day passed without a report; the assessment will count it late. */
@Component("reportLate")
public class ReportLateDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(REPORT_ON_TIME, false);
    execution.setVariable(REPORT_LATE_SINCE, EngineClock.now());
  }
}
