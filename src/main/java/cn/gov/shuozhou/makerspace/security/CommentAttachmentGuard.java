package cn.gov.shuozhou.makerspace.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;

/**
 * Comments and attachments carry the permissions of the task or process instance they belong to.
 * Camunda 7.24 checks none for adding comments or attachments, reading them, or changing and
 * deleting attachments: any logged-in user could read a county's review notes or write into
 * another county's task. This command interceptor closes that for every way in (engine REST,
 * the webapps' API, Java): reading needs the task or instance to be visible to the user (running
 * or in history), writing needs the right to work on the task ({@code TASK_WORK}) or to update
 * the process instance ({@code UPDATE}), as the engine's own comment update and delete commands
 * demand. Without an authenticated user (the engine's own work) nothing is checked.
 *
 * <p>The commands keep their targets in protected fields; the names are read reflectively and the
 * tests of every guarded command (CommentAttachmentGuardTest) fail if an engine upgrade renames one.
 */
final class CommentAttachmentGuard extends CommandInterceptor {

  private enum Access { READ, WRITE }

  static final Map<Class<?>, Access> GUARDED = Map.ofEntries(
      Map.entry(AddCommentCmd.class, Access.WRITE),
      Map.entry(CreateAttachmentCmd.class, Access.WRITE),
      Map.entry(DeleteAttachmentCmd.class, Access.WRITE),
      Map.entry(SaveAttachmentCmd.class, Access.WRITE),
      Map.entry(GetTaskCommentsCmd.class, Access.READ),
      Map.entry(GetTaskCommentCmd.class, Access.READ),
      Map.entry(GetTaskAttachmentsCmd.class, Access.READ),
      Map.entry(GetTaskAttachmentCmd.class, Access.READ),
      Map.entry(GetTaskAttachmentContentCmd.class, Access.READ),
      Map.entry(GetProcessInstanceCommentsCmd.class, Access.READ),
      Map.entry(GetProcessInstanceAttachmentsCmd.class, Access.READ),
      Map.entry(GetAttachmentCmd.class, Access.READ),
      Map.entry(GetAttachmentContentCmd.class, Access.READ));

  @Override
  public <T> T execute(Command<T> command) {
    Access access = GUARDED.get(command.getClass());
    if (access != null) {
      CommandContext context = Context.getCommandContext();
      if (Guards.checkedUser(context) != null) {
        check(context, access, command);
      }
    }
    return next.execute(command);
  }

  private static void check(CommandContext context, Access access, Command<?> command) {
    String taskId = Guards.field(command, "taskId");
    String processInstanceId = Guards.field(command, "processInstanceId");
    String attachmentId = Guards.field(command, "attachmentId");
    Object attachment = Guards.field(command, "attachment");
    if (attachment instanceof Attachment given) {
      attachmentId = given.getId();
    }
    if (attachmentId != null) {
      // the stored attachment says where it belongs, not the caller
      AttachmentEntity stored = context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
      if (stored == null) {
        return; // the command reports it missing
      }
      taskId = stored.getTaskId() != null ? stored.getTaskId() : taskId;
      processInstanceId = stored.getProcessInstanceId();
    }
    String user = context.getAuthentication().getUserId();
    if (taskId != null) {
      checkTask(context, access, taskId, user);
    } else if (processInstanceId != null) {
      checkProcessInstance(context, access, processInstanceId, user);
    }
  }

  private static void checkTask(CommandContext context, Access access, String taskId, String user) {
    var engine = context.getProcessEngineConfiguration();
    if (access == Access.WRITE) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        for (CommandChecker checker : engine.getCommandCheckers()) {
          checker.checkTaskWork(task);
        }
      }
      return; // a finished or unknown task: the command refuses it itself
    }
    boolean visible = engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    boolean exists = context.getTaskManager().findTaskById(taskId) != null
        || context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null;
    if (!visible && exists) {
      throw new AuthorizationException(user, "READ", Resources.TASK.resourceName(), taskId);
    }
  }

  private static void checkProcessInstance(CommandContext context, Access access, String id, String user) {
    var engine = context.getProcessEngineConfiguration();
    if (access == Access.WRITE) {
      for (CommandChecker checker : engine.getCommandCheckers()) {
        checker.checkUpdateProcessInstanceById(id);
      }
      return;
    }
    boolean visible = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0
        || engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0;
    boolean exists = context.getExecutionManager().findExecutionById(id) != null
        || context.getHistoricProcessInstanceManager().findHistoricProcessInstance(id) != null;
    if (!visible && exists) {
      throw new AuthorizationException(user, "READ", Resources.PROCESS_INSTANCE.resourceName(), id);
    }
  }
}
