package cn.gov.shuozhou.makerspace.sanction;

import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/** Completion of {@code leaderSanctionDecision} (局领导审定处理决定): approve or reject the proposal, with reasons. */
@Component("leaderSanctionInput")
public class LeaderSanctionInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String decision = in.choice(LEADER_DECISION, "审定结果", List.of(APPROVE, REJECT));
    String comment = in.text(LEADER_COMMENT, "审定意见", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(LEADER_DECISION, decision);
    task.setVariable(LEADER_COMMENT, comment);
    String user = Context.getCommandContext().getAuthenticatedUserId();
    task.setVariable(LEADER_DECIDED_BY, user == null ? task.getAssignee() : user);
  }
}
