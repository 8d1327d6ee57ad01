package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.BAN_YEARS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Policy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code revoke} in the event subprocess 取消称号 (Art. 8–10): the error code that
 * started it is the {@code revocationReason}; registry REVOKED with reason, note and date.
 */
@Component("certificateRevocation")
public class RevocationDelegate implements JavaDelegate {

  private final SupervisionService supervision;

  public RevocationDelegate(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reasonCode = Vars.text(execution, REVOCATION_REASON);
    String outcomeReason = supervision.revoke(Vars.step(execution), Revocation.valueOf(reasonCode),
        Vars.text(execution, REVOCATION_NOTE), Policy.of(execution).number(BAN_YEARS));
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable(REVOCATION_REASON, reasonCode);
    instance.setVariable(OUTCOME, OUTCOME_REVOKED);
    instance.setVariable(OUTCOME_REASON, outcomeReason);
  }
}
