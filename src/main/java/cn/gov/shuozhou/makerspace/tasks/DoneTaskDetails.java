package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SEARCH_TEXT;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.tasks.DoneTasks.DoneTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * One row of 已办 opened: what the user decided on a task they completed (the values the task wrote,
 * read from the history) and where the case stands now ({@link Next}). Only the user who completed
 * the task gets it ({@link AccessPolicy#completedBy}); anyone else is told it does not exist. The
 * case's next step is read without the user's authorizations (a county reviewer may not read the
 * city's tasks), so it says no more than the step's name and which office handles it: never who,
 * nor any variable of the case beyond what the user wrote themselves.
 */
@Service
public class DoneTaskDetails {

  /** Where the case went: the open steps, or the end it reached ({@code ended}, by the end's name). */
  public record Next(boolean ended, String outcome, List<Step> steps) {}

  /** An open step of the case and the office (group) handling it, in Chinese. */
  public record Step(String name, String handledBy) {}

  /** A value the task wrote ({@code name}: the variable; the client labels both via dictionary.json). */
  public record Value(String name, Object value) {}

  public record Detail(DoneTask task, List<Value> values, Next next) {}

  /** Variables every task writes for the system, not decided by the user. */
  private static final Set<String> NOT_DECIDED = Set.of(SEARCH_TEXT);

  private final ProcessEngine engine;
  private final DoneTasks done;

  public DoneTaskDetails(ProcessEngine engine, DoneTasks done) {
    this.engine = engine;
    this.done = done;
  }

  public Detail of(Caller caller, String taskId) {
    HistoricTaskInstance task = owned(caller, taskId);
    // as 已办 lists it, read with the user's authorizations; a task ended otherwise (cancelled) is no row
    DoneTask row = done.row(task).orElseThrow(() -> notFound(taskId));
    return new Detail(row, values(task), WithoutAuthorization.call(engine, () -> next(task.getProcessInstanceId())));
  }

  /** The finished task, if the caller completed it; else 404 (whether it exists is not told). */
  private HistoricTaskInstance owned(Caller caller, String taskId) {
    HistoricTaskInstance task = WithoutAuthorization.call(engine, () -> engine.getHistoryService()
        .createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult());
    if (task == null || !AccessPolicy.completedBy(caller, task.getAssignee())) {
      throw notFound(taskId);
    }
    return task;
  }

  private static ApiRefusal notFound(String taskId) {
    return new ApiRefusal(ProblemType.TASK_NOT_FOUND, "没有此已办任务：" + taskId);
  }

  /** The plain values the task wrote in its own activity, the last of each variable. */
  private List<Value> values(HistoricTaskInstance task) {
    List<HistoricDetail> updates = WithoutAuthorization.call(engine, () -> engine.getHistoryService()
        .createHistoricDetailQuery().variableUpdates().activityInstanceId(task.getActivityInstanceId())
        .disableCustomObjectDeserialization().orderByTime().asc().list());
    Map<String, Value> values = new LinkedHashMap<>();
    for (HistoricDetail detail : updates) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      Object value = update.getValue();
      String name = update.getVariableName();
      if (NOT_DECIDED.contains(name) || CaseCard.CARD_VARIABLES.containsKey(name)
          || !(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
        continue;
      }
      values.remove(name);
      values.put(name, new Value(name, value));
    }
    return new ArrayList<>(values.values());
  }

  /** Runs without authorizations: the case's open user tasks (also in a called process), else its end. */
  private Next next(String processInstanceId) {
    var history = engine.getHistoryService();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null || instance.getEndTime() != null) {
      String end = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
          .activityType("noneEndEvent").finished().list().stream()
          .max(Comparator.comparing(HistoricActivityInstance::getEndTime))
          .map(HistoricActivityInstance::getActivityName).orElse("流程已结束");
      return new Next(true, end, List.of());
    }
    List<String> instances = new ArrayList<>(List.of(processInstanceId));
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
        .stream().map(ProcessInstance::getId).forEach(instances::add);
    List<Step> steps = new ArrayList<>();
    for (String id : instances) {
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(id).orderByTaskCreateTime().asc().list()) {
        steps.add(new Step(task.getName(), handler(task)));
      }
      if (steps.isEmpty()) {
        steps.addAll(waiting(id));
      }
    }
    // the same step open several times (one 专家评审 per expert) is named once
    return new Next(false, null, steps.stream().distinct().toList());
  }

  /** The office of a task: its candidate groups, else what kind of person holds it. */
  private String handler(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).map(Groups::nameOf).toList();
    if (!groups.isEmpty()) {
      return String.join("、", groups);
    }
    return task.getAssignee() == null ? null : person(task.getAssignee());
  }

  private String person(String userId) {
    return Groups.holderKind(engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).collect(Collectors.toSet()));
  }

  /**
   * No task open yet: the steps the case waits at (a user task about to start asynchronously, a
   * timer, a message), by their names in the model; a user task's office from its model.
   */
  private List<Step> waiting(String processInstanceId) {
    var runtime = engine.getRuntimeService();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return List.of();
    }
    var model = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId());
    Function<String, Step> step = activityId -> {
      if (!(model.getModelElementById(activityId) instanceof FlowNode node) || node.getName() == null) {
        return null;
      }
      return new Step(node.getName(), node instanceof UserTask userTask ? modelHandler(processInstanceId, userTask) : null);
    };
    return runtime.getActiveActivityIds(processInstanceId).stream().map(step).filter(Objects::nonNull).toList();
  }

  /** A user task's office before it starts: its literal or ${variable} candidate groups, or the applicant. */
  private String modelHandler(String processInstanceId, UserTask task) {
    String groups = task.getCamundaCandidateGroups();
    if (groups != null && groups.matches("\\$\\{\\w+}")) {
      Object value = engine.getRuntimeService().getVariable(processInstanceId, groups.substring(2, groups.length() - 1));
      groups = value == null ? null : value.toString();
    }
    if (groups != null && !groups.contains("$")) {
      return Arrays.stream(groups.split(",")).map(String::trim)
          .map(Groups::nameOf).collect(Collectors.joining("、"));
    }
    return "${applicant}".equals(task.getCamundaAssignee()) ? Groups.applicantKind() : null;
  }
}
