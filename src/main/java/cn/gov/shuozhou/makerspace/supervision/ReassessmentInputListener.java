package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code reassessment} (Art. 8): passed or not, with the grounds; a failure revokes the title. */
@Component("reassessmentInput")
public class ReassessmentInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean passed = in.bool(RECTIFICATION_PASSED, "整改合格", true);
    String comment = in.text(REASSESSMENT_COMMENT, "复核意见", true, Inputs.MAX_COMMENT);
    in.throwIfInvalid();
    task.setVariable(RECTIFICATION_PASSED, passed);
    task.setVariable(REASSESSMENT_COMMENT, comment);
  }
}
