package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Delivers reminders where the operator sees them: as a comment on their open task in Tasklist
 * (the report reminder) or on the process instance (the renewal reminder, which also opens a task).
 */
@Component
public class Reminders {

  private final TaskService tasks;

  public Reminders(TaskService tasks) {
    this.tasks = tasks;
  }

  /** Comments the open task {@code taskKey} of the instance, or the instance itself when there is none. */
  public void comment(String processInstanceId, String taskKey, String text) {
    WithoutAuthorization.call(() -> {
      Task task = taskKey == null ? null : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(taskKey).list().stream().findFirst().orElse(null);
      return tasks.createComment(task == null ? null : task.getId(), processInstanceId, text);
    });
  }
}
