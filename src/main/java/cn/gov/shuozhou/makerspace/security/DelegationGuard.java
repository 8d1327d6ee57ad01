package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;

/**
 * 委派 is handed back with resolve, which Camunda lets anyone working on a task call: it stores the
 * variables it is given on the case without the task's complete listeners, so a form's content
 * checks (a score within 0–100, a decision from its list) would be skipped, and on a task nobody
 * delegated it silently clears the assignee. Here resolve is only the hand-back of a pending
 * delegation and carries no form data: the delegate's findings go in the comment, the owner fills
 * the form and completes it, where every check runs. And a task out on delegation is not
 * completed by the delegate either (Camunda would allow it): the owner gets it back first. Refused
 * with 400 (Chinese, naming the field), nothing stored. Holds for every caller ({@code /engine-rest},
 * Tasklist, our own code).
 */
final class DelegationGuard extends CommandInterceptor {

  static final String TASK_ID = "taskId";

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      CommandContext context = Context.getCommandContext();
      String taskId = Guards.field(command, TASK_ID);
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return next.execute(command); // the command itself answers "task not found"
      }
      boolean handBack = command instanceof ResolveTaskCmd;
      if (handBack || task.getDelegationState() == DelegationState.PENDING) {
        if (Guards.checkedUser(context) != null) {
          // who may not work on the task learns that first (403)
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
          }
        }
        if (handBack) {
          checkHandBack(task, Guards.field(command, "variables"));
        } else {
          throw new InvalidInputException(TASK_ID, "任务“" + task.getName() + "”已委派给 " + task.getAssignee()
              + "，须由其交回后，由任务所有人 " + task.getOwner() + " 完成");
        }
      }
    }
    return next.execute(command);
  }

  /** Every reason at once: not delegated, and each value the hand-back tried to carry. */
  private static void checkHandBack(TaskEntity task, Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (task.getDelegationState() != DelegationState.PENDING) {
      errors.add(new FieldError(TASK_ID, "任务“" + task.getName() + "”没有被委派，无需交回"));
    }
    if (variables != null) {
      for (String name : new TreeSet<>(variables.keySet())) {
        errors.add(new FieldError(name, "交回委派的任务时不填写表单（字段 " + name
            + "）：请把办理意见写在交回理由中，由任务所有人填写表单并完成"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
