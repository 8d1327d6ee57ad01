package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.RENEWAL_REMINDER_DAYS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Policy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code scheduleValidity} (Art. 11): when to remind of renewal, when the title expires. */
@Component("validitySchedule")
public class ValidityScheduleDelegate implements JavaDelegate {

  private final SupervisionSchedule schedule;

  public ValidityScheduleDelegate(SupervisionSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionSchedule.Validity v = schedule.validity(Vars.day(execution, VALID_UNTIL),
        Policy.of(execution).number(RENEWAL_REMINDER_DAYS));
    execution.setVariable(RENEWAL_REMINDER_AT, v.renewalReminderAt());
    execution.setVariable(VALIDITY_ENDS_AT, v.endsAt());
  }
}
