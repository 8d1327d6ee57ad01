package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code recordReportReminder} (Art. 7): reminds the operator on their report task before the due day. */
@Component("reportReminder")
public class ReportReminderDelegate implements JavaDelegate {

  private final SupervisionService supervision;
  private final Reminders reminders;

  public ReportReminderDelegate(SupervisionService supervision, Reminders reminders) {
    this.supervision = supervision;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = supervision.reportReminder(Vars.integer(execution, REPORT_YEAR), Vars.text(execution, REPORT_DUE_DATE));
    reminders.comment(execution.getProcessInstanceId(), TASK_SUBMIT_REPORT, text);
    execution.setVariable(REPORT_REMINDED_AT, EngineClock.now());
  }
}
