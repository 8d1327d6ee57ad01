package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.RENEWAL_REMINDER_DAYS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code recordRenewalReminder} (Art. 11): the validity ends soon; a renewal application is now possible. */
@Component("renewalReminder")
public class RenewalReminderDelegate implements JavaDelegate {

  private final SupervisionService supervision;
  private final Reminders reminders;

  public RenewalReminderDelegate(SupervisionService supervision, Reminders reminders) {
    this.supervision = supervision;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = supervision.renewalReminder(Vars.text(execution, CERTIFICATE_NUMBER), Vars.day(execution, VALID_UNTIL),
        Policy.of(execution).number(RENEWAL_REMINDER_DAYS));
    reminders.comment(execution.getProcessInstanceId(), null, text);
    execution.setVariable(RENEWAL_REMINDER_TEXT, text);
    execution.setVariable(RENEWAL_REMINDED_AT, EngineClock.now());
  }
}
