package cn.gov.shuozhou.makerspace.publicnotice;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code handleObjection}: upheld or not, with the finding; an upheld finding becomes the rejection's reason. */
@Component("objectionHandlingInput")
public class ObjectionHandlingInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean upheld = in.bool(OBJECTION_UPHELD, "异议成立", true);
    String finding = in.text(OBJECTION_FINDING, "核查意见", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(OBJECTION_UPHELD, upheld);
    task.setVariable(OBJECTION_FINDING, finding);
    if (upheld) {
      task.getExecution().getProcessInstance().setVariable(UPHELD_OBJECTION_FINDING, finding);
    }
  }
}
