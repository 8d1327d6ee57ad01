package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code acknowledgeRenewalReminder} (Art. 11): the operator has read it; optionally whether it plans to renew. */
@Component("renewalReminderInput")
public class RenewalReminderInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean intended = in.bool(RENEWAL_INTENDED, "计划申请重新认定", false);
    in.throwIfInvalid();
    task.setVariable(RENEWAL_INTENDED, Boolean.TRUE.equals(intended));
  }
}
