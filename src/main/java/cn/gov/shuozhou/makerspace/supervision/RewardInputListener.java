package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code grantReward} (Art. 8): the reward for an excellent space, amount (yuan, ≥ 0) and note. */
@Component("rewardInput")
public class RewardInputListener implements TaskListener {


  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Double amount = in.decimal(REWARD_AMOUNT, "奖励金额", true, 0, Inputs.MAX_MONEY);
    String note = in.text(REWARD_NOTE, "奖励说明", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(REWARD_AMOUNT, amount);
    task.setVariable(REWARD_NOTE, note);
  }
}
