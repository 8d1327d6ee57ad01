package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code decideSanction} (Art. 10): warning, rectification or revocation, with the grounds. */
@Component("sanctionInput")
public class SanctionInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String sanction = in.choice(SANCTION, "拟作出的处理", List.of(SANCTION_WARNING, SANCTION_RECTIFICATION, SANCTION_REVOKE));
    String note = in.text(SANCTION_NOTE, "处理意见", true, Inputs.MAX_COMMENT);
    in.throwIfInvalid();
    task.setVariable(SANCTION, sanction);
    task.setVariable(SANCTION_NOTE, note);
  }
}
