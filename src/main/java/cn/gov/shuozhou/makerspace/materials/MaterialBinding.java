package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.common.ParseListeners;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Submits the materials of an applicant's step with the step itself: completing 补正申请材料, the
 * annual report, the rectification or the statement binds the assignee's drafts of that step to the
 * case in the completion's transaction (a failed completion leaves them drafts). The filing binds
 * its drafts the same way ({@link ApplicationDrafts}).
 */
@Component
public class MaterialBinding extends AbstractProcessEnginePlugin {

  private final MaterialFiles files;

  public MaterialBinding(MaterialFiles files) {
    this.files = files;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        MaterialStep.ofTask(activity.getId()).ifPresent(step -> {
          if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                task -> submit(task, step));
          }
        });
      }
    });
  }

  private void submit(DelegateTask task, MaterialStep step) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (task.getAssignee() != null && caseNumber != null) {
      files.submit(task.getAssignee(), caseNumber, caseNumber, step.code(), Instant.now());
    }
  }
}
