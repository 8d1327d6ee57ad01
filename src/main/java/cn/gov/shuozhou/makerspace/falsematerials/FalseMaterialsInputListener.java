package cn.gov.shuozhou.makerspace.falsematerials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_CONFIRMED;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_FINDING;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code reviewFalseMaterials} (Art. 9), in both processes: a finding and its grounds. */
@Component("falseMaterialsInput")
public class FalseMaterialsInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean confirmed = in.bool(FALSE_MATERIALS_CONFIRMED, "确属提供虚假材料", true);
    String finding = in.text(FALSE_MATERIALS_FINDING, "核定意见", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(FALSE_MATERIALS_CONFIRMED, confirmed);
    task.setVariable(FALSE_MATERIALS_FINDING, finding);
  }
}
