package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.RENEWAL_REMINDER_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code intakeCheck}: sets {@code intakeResult} and, when refused, {@code outcomeReason}. */
@Component("intakeCheck")
public class IntakeCheckDelegate implements JavaDelegate {

  private final IntakeService intake;

  public IntakeCheckDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakeService.Decision d = intake.admit(Application.of(execution).space(),
        execution.getProcessBusinessKey(), execution.getProcessInstanceId(), EngineClock.today(),
        Policy.of(execution).number(RENEWAL_REMINDER_DAYS));
    execution.setVariable(INTAKE_RESULT, d.result().name());
    if (d.reason() != null) {
      execution.setVariable(OUTCOME_REASON, d.reason());
    }
  }
}
