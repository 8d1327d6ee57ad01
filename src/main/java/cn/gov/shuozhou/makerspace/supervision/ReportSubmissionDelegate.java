package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordSubmission} (Art. 7): the report is in; it is on time when it arrived
 * by the end of the due day and had not been marked late before.
 */
@Component("reportSubmission")
public class ReportSubmissionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Date now = EngineClock.now();
    boolean markedLate = Boolean.FALSE.equals(execution.getVariable(REPORT_ON_TIME));
    Date due = (Date) execution.getVariable(REPORT_DUE_AT);
    execution.setVariable(REPORT_SUBMITTED, true);
    execution.setVariable(REPORT_SUBMITTED_AT, now);
    execution.setVariable(REPORT_ON_TIME, !markedLate && !now.after(due));
  }
}
