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
    Integer previousYear = Vars.integer(execution, REPORT_YEAR);
    Optional<SupervisionSchedule.ReportWindow> next = schedule.nextReport(
        new SupervisionSchedule.Title(Vars.day(execution, CERTIFIED_ON), Vars.day(execution, VALID_UNTIL)), previousYear,
        SupervisionSchedule.ReportRules.of(Policy.of(execution), previousYear == null));
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
