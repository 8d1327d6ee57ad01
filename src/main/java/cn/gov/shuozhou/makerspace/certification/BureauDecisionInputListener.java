package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.BUREAU_COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.BUREAU_DECISION;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code bureauDecision} (Art. 5(3)): approve or reject; a rejection states its grounds. */
@Component("bureauDecisionInput")
public class BureauDecisionInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String decision = in.choice(BUREAU_DECISION, "研究决定", List.of("approve", "reject"));
    String comment = in.text(BUREAU_COMMENT, "决定意见", "reject".equals(decision), Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(BUREAU_COMMENT, comment);
  }
}
