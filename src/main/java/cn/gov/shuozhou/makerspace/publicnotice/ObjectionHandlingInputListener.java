package cn.gov.shuozhou.makerspace.publicnotice;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code handleObjection}: upheld or not, with the finding; an upheld finding becomes
 * the rejection's reason. An upheld objection may prove false materials (Art. 9): the finding then
 * also becomes the false-materials finding, and the case goes to the hearing before a ban.
 */
@Component("objectionHandlingInput")
public class ObjectionHandlingInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean upheld = in.bool(OBJECTION_UPHELD, "异议成立", true);
    String finding = in.text(OBJECTION_FINDING, "核查意见", true, Inputs.MAX_TEXT);
    boolean falseMaterials = Boolean.TRUE.equals(in.bool(OBJECTION_FALSE_MATERIALS, "异议证实提供虚假材料", false));
    if (falseMaterials && Boolean.FALSE.equals(upheld)) {
      in.fail(OBJECTION_FALSE_MATERIALS, "异议不成立时不能认定提供虚假材料");
    }
    in.throwIfInvalid();
    task.setVariable(OBJECTION_UPHELD, upheld);
    task.setVariable(OBJECTION_FINDING, finding);
    task.setVariable(OBJECTION_FALSE_MATERIALS, falseMaterials);
    if (upheld) {
      var instance = task.getExecution().getProcessInstance();
      instance.setVariable(UPHELD_OBJECTION_FINDING, finding);
      instance.setVariable(UPHELD_OBJECTION_FALSE_MATERIALS, falseMaterials);
      if (falseMaterials) {
        instance.setVariable(FALSE_MATERIALS_FINDING, finding);
      }
    }
  }
}
