package cn.gov.shuozhou.makerspace.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of a certification instance, however it ends (also when cancelled): frees the credit code
 * this instance reserved. Keyed by the instance, so a refused duplicate or any other case never
 * frees a reservation it does not hold.
 */
@Component("applicationClosing")
public class ApplicationClosingListener implements ExecutionListener {

  private final IntakeService intake;

  public ApplicationClosingListener(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    intake.release(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
  }
}
