package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A claimed task is completed by the one who claimed it. Camunda lets every candidate complete a
 * task that a colleague has claimed and may be filling in, so the colleague's work would be lost
 * or done twice; here the other candidates get 409 (“已由……认领”) until the task is returned or
 * reassigned. Administrators ({@code camunda-admin}) and the engine's own work are not limited.
 */
final class ClaimedTaskGuard extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      CommandContext context = Context.getCommandContext();
      Authentication user = Guards.checkedUser(context);
      if (user != null) {
        String taskId = Guards.field(command, "taskId");
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())
            && !AccessPolicy.allows(user, Capability.COMPLETE_TASKS_CLAIMED_BY_OTHERS)) {
          // who may not work on the task at all is refused as such (403), and learns nothing of the claim
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
          }
          throw new TaskAlreadyClaimedException(taskId, task.getAssignee());
        }
      }
    }
    return next.execute(command);
  }
}
