package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What the integrity tests share: which user works on each task, the variables the models compute,
 * the fields a task's form lets its user write (read from the deployed form, as Tasklist reads it)
 * and a fingerprint of an instance's data that a refused request must leave unchanged.
 */
final class Integrity {

  static final String CERTIFICATION = "certification";
  static final String SUPERVISION = "supervision";

  /** Every user task of both models, as model:taskKey. */
  static Stream<String> allTasks() {
    return Stream.concat(
        Stream.of(TASK_SUPPLEMENT, TASK_FIRST_REVIEW, TASK_INSPECTION, TASK_FALSE_MATERIALS, TASK_ORGANISE_EXPERTS,
            TASK_EXPERT_REVIEW, TASK_BUREAU_DECISION, TASK_HANDLE_OBJECTION).map(k -> CERTIFICATION + ":" + k),
        SupervisionFixtures.TASKS.stream().map(k -> SUPERVISION + ":" + k));
  }

  /**
   * Variables the models compute (policy, scores and aggregates, grades, outcomes, numbers,
   * deadlines, registry data), whether or not the instance holds them yet.
   */
  static final Set<String> COMPUTED = Set.of(POLICY, SCORE, RECOMMEND, EXPERT_PASSED, "averageScore", "recommendRatio",
      RECOMMEND_RATIO_TEXT, EXPERT_OPINIONS,
      OUTCOME, OUTCOME_REASON, CERTIFICATE_NUMBER, "certifiedOn", "validUntil", "applicationNumber", APPLICANT,
      "reviewGroup", SupervisionProcess.ASSESSMENT_GRADE, SupervisionProcess.ASSESSMENT_SCORE, "reportDueAt",
      "validityEndsAt", "rectificationDeadlineAt", "revocationReason", "minExperts", "expertCandidates");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  Integrity(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The demo user who works on the task (candidate or assignee). */
  static String worker(String taskKey) {
    return switch (taskKey) {
      case TASK_SUPPLEMENT, SupervisionProcess.TASK_SUBMIT_REPORT, SupervisionProcess.TASK_RECTIFY,
          SupervisionProcess.TASK_RENEWAL_REMINDER -> "operator1";
      case TASK_FIRST_REVIEW -> "shuocheng1";
      case TASK_INSPECTION -> "inspector1";
      case TASK_EXPERT_REVIEW -> "expert1";
      case TASK_BUREAU_DECISION -> "leader1";
      default -> "city1";
    };
  }

  /** The fields of the task's deployed form that are neither disabled nor readonly. */
  Set<String> writable(String taskId) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      Set<String> keys = new TreeSet<>();
      collect(JSON.readTree(form), keys);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode container, Set<String> keys) {
    for (JsonNode c : container.path("components")) {
      if (c.has("key") && !c.path("disabled").asBoolean() && !c.path("readonly").asBoolean()) {
        keys.add(c.get("key").asText());
      }
      collect(c, keys);
    }
  }

  /** Computed variables: what the instance holds that its task may not write, and the models' outputs. */
  Set<String> computed(Task task) {
    Set<String> writable = writable(task.getId());
    Set<String> names = new TreeSet<>(COMPUTED);
    engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId()).list()
        .forEach(v -> names.add(v.getName()));
    names.removeAll(writable);
    return names;
  }

  /** Every variable of the instance (all scopes) with its stored value, plus its history's length. */
  Map<String, String> fingerprint(String processInstanceId) {
    Map<String, String> values = new TreeMap<>();
    for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).disableCustomObjectDeserialization().list()) {
      TypedValue typed = v.getTypedValue();
      values.put(v.getName() + "@" + v.getActivityInstanceId(), typed instanceof SerializableValue s
          ? s.getValueSerialized() : String.valueOf(typed.getValue()));
    }
    values.put("#history", String.valueOf(engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(processInstanceId).count()));
    values.put("#openTasks", String.valueOf(engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).list().stream().map(Task::getId).sorted().toList()));
    return values;
  }
}
