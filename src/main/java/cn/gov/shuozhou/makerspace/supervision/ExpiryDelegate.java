package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code expire} (Art. 11): the validity is over; registry EXPIRED, outcome EXPIRED. */
@Component("certificateExpiry")
public class ExpiryDelegate implements JavaDelegate {

  private final SupervisionService supervision;

  public ExpiryDelegate(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = supervision.expire(Vars.step(execution), Vars.day(execution, VALID_UNTIL));
    execution.setVariable(OUTCOME, OUTCOME_EXPIRED);
    execution.setVariable(OUTCOME_REASON, reason);
  }
}
