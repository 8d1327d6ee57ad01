package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.BUREAU_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_CONFIRMED;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_UPHELD;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OPERATION_VERIFIED;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Service;

/**
 * 已办: the tasks the current user completed or sent back (退回), newest first, read from the history
 * as that user (the engine's history authorizations apply), each with what they decided. Tasklist's
 * filters list running tasks only.
 */
@Service
public class DoneTasks {

  static final int MAX_ROWS = 200;
  static final String COMPLETED = "completed";

  /** The decision a task records, and its Chinese labels (a task not listed was "已提交"). */
  static final Map<String, Map<String, String>> OUTCOMES = Map.of(
      FIRST_REVIEW_DECISION, Map.of("approve", "同意上报", "return", "退回补正", "reject", "不予通过"),
      BUREAU_DECISION, Map.of("approve", "同意认定", "reject", "不同意认定"),
      OPERATION_VERIFIED, Map.of("true", "运营情况属实", "false", "运营情况不属实"),
      FALSE_MATERIALS_CONFIRMED, Map.of("true", "确属虚假材料", "false", "不属虚假材料"),
      OBJECTION_UPHELD, Map.of("true", "异议成立", "false", "异议不成立"),
      "rectificationPassed", Map.of("true", "整改合格", "false", "整改不合格"),
      "sanction", Map.of("warning", "警告", "rectification", "限期整改", "revoke", "撤销认定"));

  static final String SUBMITTED = "已提交";

  /** {@code taskKey}: the task's id in the model (Tasklist offers 加签 on 组织专家评审). */
  public record DoneTask(String taskId, String taskName, String caseNumber, String spaceName, Date completedAt,
      String outcome, String taskKey) {}

  private final HistoryService history;
  private final TaskService tasks;

  public DoneTasks(HistoryService history, TaskService tasks) {
    this.history = history;
    this.tasks = tasks;
  }

  public List<DoneTask> of(String userId) {
    return history.createHistoricTaskInstanceQuery()
        .taskAssignee(userId)
        .finished()
        .orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, MAX_ROWS)
        .stream()
        .map(this::row)
        .flatMap(Optional::stream)
        .toList();
  }

  /** A completed task with its decision, a sent-back one with the note 退回 left on it; else none. */
  Optional<DoneTask> row(HistoricTaskInstance task) {
    Optional<String> outcome = COMPLETED.equals(task.getDeleteReason()) ? Optional.of(outcome(task)) : sentBack(task);
    return outcome.map(text -> new DoneTask(task.getId(), task.getName(), businessKey(task), spaceName(task),
        task.getEndTime(), text, task.getTaskDefinitionKey()));
  }

  /** "退回初审：reason", the comment {@link TaskCommands#sendBack} leaves on the task it ends. */
  private Optional<String> sentBack(HistoricTaskInstance task) {
    return tasks.getTaskComments(task.getId()).stream()
        .map(Comment::getFullMessage)
        .filter(message -> message != null && message.startsWith(TaskCommands.SENT_BACK_NOTE))
        .findFirst();
  }

  /** The label of the decision the task wrote in its own activity, else {@link #SUBMITTED}. */
  private String outcome(HistoricTaskInstance task) {
    List<HistoricDetail> updates = history.createHistoricDetailQuery()
        .variableUpdates()
        .activityInstanceId(task.getActivityInstanceId())
        .list();
    return updates.stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> OUTCOMES.containsKey(update.getVariableName()) && update.getValue() != null)
        .map(update -> OUTCOMES.get(update.getVariableName()).get(String.valueOf(update.getValue())))
        .filter(Objects::nonNull)
        .reduce((first, last) -> last)
        .orElse(SUBMITTED);
  }

  private String businessKey(HistoricTaskInstance task) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private String spaceName(HistoricTaskInstance task) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(SPACE_NAME).disableCustomObjectDeserialization().list().stream()
        .map(variable -> variable.getValue())
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .findFirst().orElse(null);
  }
}
