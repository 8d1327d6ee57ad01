package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code rectify} (Art. 8): the operator's rectification report. */
@Component("rectificationInput")
public class RectificationInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String report = in.text(RECTIFICATION_REPORT, "整改报告", true, Inputs.MAX_LONG_TEXT);
    in.throwIfInvalid();
    task.setVariable(RECTIFICATION_REPORT, report);
  }
}
