package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordSanction} (Art. 10): records the decided sanction; a rectification's
 * reason is handed to the event subprocess 限期整改, a revocation's grounds to 取消称号.
 */
@Component("sanctionRecord")
public class SanctionDelegate implements JavaDelegate {

  private final SupervisionService supervision;

  public SanctionDelegate(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sanction = Vars.text(execution, SANCTION);
    String description = Vars.text(execution, VIOLATION_DESCRIPTION);
    String note = Vars.text(execution, SANCTION_NOTE);
    String reason = supervision.recordViolationSanction(Vars.step(execution), sanction, description, note);
    if (SANCTION_RECTIFICATION.equals(sanction)) {
      execution.getProcessInstance().setVariable(PENDING_RECTIFICATION_REASON, reason);
      execution.getProcessInstance().setVariable(PENDING_RECTIFICATION_SOURCE, SOURCE_VIOLATION);
    }
  }
}
