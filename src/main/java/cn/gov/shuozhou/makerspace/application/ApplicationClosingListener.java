package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.INTAKE_RESULT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of a certification instance, however it ends (also when cancelled): frees the credit code. */
@Component("applicationClosing")
public class ApplicationClosingListener implements ExecutionListener {

  private final IntakeService intake;

  public ApplicationClosingListener(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (IntakeService.Result.ACCEPTED.name().equals(execution.getVariable(INTAKE_RESULT))) {
      intake.release(execution.getProcessBusinessKey());
    }
  }
}
