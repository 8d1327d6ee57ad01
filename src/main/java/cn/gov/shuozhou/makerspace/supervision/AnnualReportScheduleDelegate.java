package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Policy;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code scheduleAnnualReport} (Art. 7, 11): the next report year and its window, or
 * {@code moreReports = false} when no further window opens while the title is valid. Clears the
 * previous cycle's variables.
 */
@Component("annualReportSchedule")
public class AnnualReportScheduleDelegate implements JavaDelegate {

  private final SupervisionSchedule schedule;

  public AnnualReportScheduleDelegate(SupervisionSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Policy policy = Policy.of(execution);
    Integer previousYear = Vars.integer(execution, REPORT_YEAR);
    // needed for the first report only: instances started before the parameter existed are past it
    int firstReportMinWorkingDays = previousYear == null ? policy.firstReportMinWorkingDays() : 0;
    Optional<SupervisionSchedule.ReportWindow> next = schedule.nextReport(Vars.day(execution, CERTIFIED_ON),
        Vars.day(execution, VALID_UNTIL), previousYear, policy.annualReportOpens(),
        policy.annualReportDue(), policy.annualReportReminderDays(), firstReportMinWorkingDays);
    execution.getProcessInstance().removeVariables(CYCLE_VARIABLES);
    execution.setVariable(MORE_REPORTS, next.isPresent());
    // the expiry waits while a cycle runs, so that the last window opened while valid is assessed
    execution.setVariable(REPORT_CYCLE_OPEN, next.isPresent());
    execution.setVariable(REPORT_SUBMITTED, false);
    next.ifPresent(w -> {
      execution.setVariable(REPORT_YEAR, w.year());
      execution.setVariable(REPORT_OPENS_AT, w.opensAt());
      execution.setVariable(REPORT_DUE_AT, w.dueAt());
      execution.setVariable(REPORT_DUE_DATE, w.due().toString());
      execution.setVariable(REPORT_REMINDER_AT, w.reminderAt());
    });
  }
}
