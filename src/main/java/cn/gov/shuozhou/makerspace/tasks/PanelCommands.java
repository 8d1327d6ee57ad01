package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERTS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.expertreview.ExpertPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加签: the city bureau adds an expert to a panel that is reviewing. The new review is one more
 * instance of the running multi-instance {@code expertReview} (the panel's conclusion waits for it
 * and counts it); {@code experts} lists the new member; the reason is a comment on the new task.
 */
@Service
public class PanelCommands {

  private static final String PANEL = TASK_EXPERT_REVIEW + "#multiInstanceBody";

  private final ProcessEngine engine;
  private final ExpertPanel panel;

  public PanelCommands(ProcessEngine engine, ExpertPanel panel) {
    this.engine = engine;
    this.panel = panel;
  }

  /** A panel reviewing: its case's instance, the multi-instance body and the experts on it. */
  private record Reviewing(ProcessInstance instance, String panelInstance, List<String> members) {}

  /** The experts who may be added to the panel of {@code applicationNumber}: not on it yet, by name. */
  public List<Person> candidates(String applicationNumber) {
    AccessPolicy.require(engine.getIdentityService(), Capability.ADD_EXPERTS);
    List<String> members = reviewing(applicationNumber).members();
    return asProcess(panel::candidates).entrySet().stream().filter(candidate -> !members.contains(candidate.getKey()))
        .map(candidate -> new Person(candidate.getKey(), candidate.getValue())).toList();
  }

  private Reviewing reviewing(String applicationNumber) {
    ProcessInstance instance = asProcess(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(applicationNumber).active().singleResult());
    String panelInstance = Optional.ofNullable(instance)
        .map(pi -> asProcess(() -> engine.getRuntimeService().getActivityInstance(pi.getId())))
        .flatMap(tree -> find(tree, PANEL))
        .orElseThrow(() -> new ApiRefusal(ProblemType.NO_RUNNING_PROCESS,
            "申请 " + applicationNumber + " 当前没有正在进行的专家评审"));
    return new Reviewing(instance, panelInstance, panel.ids(
        asProcess(() -> engine.getRuntimeService().getVariable(instance.getId(), EXPERTS))));
  }

  /** Answers the new review task. */
  @Transactional
  public Task addExpert(String applicationNumber, String expert, String reason) {
    String user = AccessPolicy.require(engine.getIdentityService(), Capability.ADD_EXPERTS).userId();
    Reviewing reviewing = reviewing(applicationNumber);
    ProcessInstance instance = reviewing.instance();
    String panelInstance = reviewing.panelInstance();
    List<String> members = new ArrayList<>(reviewing.members());
    if (!asProcess(panel::candidates).containsKey(expert)) {
      throw new InvalidInputException("expert", "增补专家（expert）须是评审专家组的成员");
    }
    if (members.contains(expert)) {
      throw new InvalidInputException("expert", expert + " 已在本次评审的专家组中");
    }
    members.add(expert);
    asProcess(() -> {
      engine.getRuntimeService().createProcessInstanceModification(instance.getId())
          .startBeforeActivity(TASK_EXPERT_REVIEW, panelInstance)
          .setVariableLocal(EXPERT, expert)
          .execute();
      engine.getRuntimeService().setVariable(instance.getId(), EXPERTS,
          Variables.objectValue(members).serializationDataFormat("application/json").create());
      return null;
    });
    Task review = asProcess(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult());
    asProcess(() -> engine.getTaskService().createComment(review.getId(), instance.getId(),
        "加签（" + user + "）：增补评审专家 " + expert + "：" + reason));
    return review;
  }

  private static Optional<String> find(ActivityInstance tree, String activityId) {
    if (tree == null) {
      return Optional.empty();
    }
    if (activityId.equals(tree.getActivityId())) {
      return Optional.of(tree.getId());
    }
    for (ActivityInstance child : tree.getChildActivityInstances()) {
      Optional<String> found = find(child, activityId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private <T> T asProcess(Supplier<T> work) {
    return WithoutAuthorization.call(engine, work);
  }
}
