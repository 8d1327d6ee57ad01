package cn.gov.shuozhou.makerspace.common;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Two completions of one task at the same moment: the engine reads the task and its execution in
 * separate statements, so under READ COMMITTED the slower command can see the task still open but
 * its execution already moved on by the faster one, and would then signal the <em>next</em>
 * activity (failing there with an unrelated error, or worse, leaving it). This listener, first on
 * every user task's {@code complete} (a built-in listener, so it also runs when custom listeners are
 * skipped), turns that into the optimistic-locking conflict it is
 * (HTTP 409 with the Chinese message), before anything is written.
 */
@Component
public class StaleCompletionGuard extends AbstractProcessEnginePlugin {

  private static final TaskListener CHECK = StaleCompletionGuard::check;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPre(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = taskDefinition(activity);
        if (definition != null) {
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CHECK); // built-ins run first
        }
      }
    });
  }

  private static TaskDefinition taskDefinition(ActivityImpl activity) {
    return activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior ? behavior.getTaskDefinition() : null;
  }

  private static void check(DelegateTask task) {
    if (task.getExecutionId() == null) {
      return; // a stand-alone task has no process to move on
    }
    DelegateExecution execution = task.getExecution();
    if (execution == null || !task.getTaskDefinitionKey().equals(execution.getCurrentActivityId())) {
      throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently: its execution is at "
          + (execution == null ? "nothing" : execution.getCurrentActivityId()));
    }
  }
}
