package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.certification.Outcome;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.organisation.Organisation;
import cn.gov.shuozhou.makerspace.portal.MyApplication.OwnTask;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The applications of one organisation, read for it by the system: an operator holds no read
 * right on instances or history (docs/security.md §10), so this service decides what it sees —
 * the cases filed with its own credit code, and of each only what concerns the applicant.
 */
@Service
public class MyApplications {

  /** What an applicant may read of its case; reviews, scores and objections stay with the staff. */
  private static final List<String> VISIBLE = List.of(SPACE_NAME, COUNTY, RETURN_REASON, OUTCOME, OUTCOME_REASON,
      CERTIFICATE_NUMBER, VALID_UNTIL, SUPERVISION_INSTANCE_ID, PREMISES, HOST_TYPE, CONVERTED_OLD_BUILDING, SPACE_FOCUS);

  /** Cases per page of 我的申请: what a screen shows, and what the page costs whatever the organisation's history. */
  public static final int PAGE_SIZE = 20;

  /**
   * One page of an organisation's applications, newest first, and how many it has in all; with the
   * organisation's credit code, which its filings must carry, and what 在线申报 fills in from the
   * account ({@code applicationDefaults}, by start variable: the applicant may change all but the code).
   */
  public record Page(List<MyApplication> applications, long total, int page, int pageSize, String creditCode,
      Map<String, String> applicationDefaults) {}

  private final ProcessEngine engine;
  private final RequiredMaterials materials;
  private final CertificateRegistry certificates;

  public MyApplications(ProcessEngine engine, RequiredMaterials materials, CertificateRegistry certificates) {
    this.engine = engine;
    this.materials = materials;
    this.certificates = certificates;
  }

  /** Page {@code page} (from 1) of the applications filed with the credit code of {@code organisation}. */
  public Page of(Organisation organisation, int page) {
    String creditCode = organisation.creditCode();
    String userId = organisation.userId();
    return WithoutAuthorization.call(engine, () -> {
      HistoricProcessInstanceQuery filed = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(KEY).variableValueEquals(CREDIT_CODE, creditCode);
      long total = filed.count();
      List<HistoricProcessInstance> instances = total == 0 ? List.of()
          : filed.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().desc().listPage((page - 1) * PAGE_SIZE, PAGE_SIZE);
      return new Page(describe(instances, userId), total, page, PAGE_SIZE, creditCode, Map.of(CREDIT_CODE, creditCode,
          OPERATOR_NAME, organisation.organisationName(), COUNTY, organisation.county(),
          CONTACT_NAME, organisation.contactName(), CONTACT_PHONE, organisation.phone()));
    });
  }

  private List<MyApplication> describe(List<HistoricProcessInstance> instances, String userId) {
    if (instances.isEmpty()) {
      return List.of();
    }
    // a few queries for the whole list, not three per case: an organisation's list grows every year
    Map<String, Map<String, Object>> variables = variables(instances.stream().map(HistoricProcessInstance::getId).toList());
    Map<String, String> supervisionKeys = businessKeys(variables.values().stream()
        .map(v -> v.get(SUPERVISION_INSTANCE_ID)).filter(Objects::nonNull).map(Object::toString).toList());
    List<String> keys = new ArrayList<>(instances.stream().map(HistoricProcessInstance::getBusinessKey).toList());
    keys.addAll(supervisionKeys.values());
    Map<String, List<Task>> tasks = tasks(keys);
    Map<String, Certificate> ended = certificates.ended(variables.values().stream()
        .map(v -> v.get(CERTIFICATE_NUMBER)).filter(Objects::nonNull).map(Object::toString).toList());
    List<MyApplication> list = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      List<Task> own = new ArrayList<>(tasks.getOrDefault(instance.getBusinessKey(), List.of()));
      Object supervision = v.get(SUPERVISION_INSTANCE_ID);
      if (supervision != null) {
        own.addAll(tasks.getOrDefault(supervisionKeys.get(supervision.toString()), List.of()));
      }
      list.add(describe(instance, v, own, userId, ended));
    }
    return list;
  }

  /** The application as its organisation sees it (also the head of its case page). */
  MyApplication describe(HistoricProcessInstance instance, String userId) {
    Map<String, Object> v = variables(List.of(instance.getId())).getOrDefault(instance.getId(), Map.of());
    Object supervision = v.get(SUPERVISION_INSTANCE_ID);
    String supervisionKey = supervision == null ? null : businessKeys(List.of(supervision.toString())).get(supervision.toString());
    List<String> keys = supervisionKey == null ? List.of(instance.getBusinessKey()) : List.of(instance.getBusinessKey(), supervisionKey);
    Map<String, List<Task>> open = tasks(keys);
    List<Task> tasks = new ArrayList<>();
    keys.forEach(key -> tasks.addAll(open.getOrDefault(key, List.of())));
    Object number = v.get(CERTIFICATE_NUMBER);
    return describe(instance, v, tasks, userId,
        number == null ? Map.of() : certificates.ended(List.of(number.toString())));
  }

  /**
   * The case with its variables and its open tasks, and those of the hearing it calls (same business
   * key); {@code ended}: the registry's certificates whose title ended since, by number.
   */
  private MyApplication describe(HistoricProcessInstance instance, Map<String, Object> v, List<Task> tasks, String userId,
      Map<String, Certificate> ended) {
    boolean running = instance.getEndTime() == null;
    // an objection is not told to the applicant (docs/security.md, 我的申请): its check is no stage of its
    // own, the case reads 办理中 as during a notice without one
    List<String> stages = tasks.stream().filter(t -> !TASK_HANDLE_OBJECTION.equals(t.getTaskDefinitionKey()))
        .map(Task::getName).distinct().toList();
    List<OwnTask> own = tasks.stream().filter(t -> userId.equals(t.getAssignee()))
        .sorted(Comparator.comparing(Task::getCreateTime))
        .map(t -> new OwnTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    String county = County.nameOf(v.get(COUNTY));
    String outcome = (String) v.get(OUTCOME);
    String outcomeReason = (String) v.get(OUTCOME_REASON);
    Object number = v.get(CERTIFICATE_NUMBER);
    Certificate title = Outcome.CERTIFIED.name().equals(outcome) && number != null ? ended.get(number.toString()) : null;
    if (title != null) {
      // the title ended after the certification (Art. 8–11): the registry says how and when
      outcome = title.status().name();
      String note = Objects.requireNonNullElse(title.statusNote(), "");
      outcomeReason = title.status() == CertificateStatus.REVOKED
          ? note + "。取消日期：" + ReadableValues.date(title.statusChangedOn())
          : note;
    }
    return new MyApplication(instance.getBusinessKey(), (String) v.get(SPACE_NAME), county,
        instance.getStartTime().toInstant(), running, stages, own,
        running && !own.isEmpty() ? (String) v.get(RETURN_REASON) : null,
        outcome, outcomeReason,
        instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
        (String) v.get(CERTIFICATE_NUMBER), validUntil(v.get(VALID_UNTIL)),
        materials.of(v));
  }

  /** The last day of validity as an ISO date (2029-12-05); the certification holds it as a date. */
  private static String validUntil(Object value) {
    return value instanceof Date date ? EngineClock.toLocalDate(date).toString() : value == null ? null : value.toString();
  }

  /** The visible variables of each instance (the process's own, not a task's local copy). */
  private Map<String, Map<String, Object>> variables(List<String> instanceIds) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableNameIn(VISIBLE.toArray(String[]::new)).list()) {
      if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  /** Instance id → business key of these (supervision) instances. */
  private Map<String, String> businessKeys(List<String> instanceIds) {
    Map<String, String> keys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(instanceIds)).list()) {
        if (instance.getBusinessKey() != null) {
          keys.put(instance.getId(), instance.getBusinessKey());
        }
      }
    }
    return keys;
  }

  /** The open tasks of these business keys, oldest first, by key. */
  private Map<String, List<Task>> tasks(List<String> businessKeys) {
    List<Task> open = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
    Map<String, String> keyOf = businessKeys(open.stream().map(Task::getProcessInstanceId).distinct().toList());
    Map<String, List<Task>> tasks = new LinkedHashMap<>();
    for (Task task : open) {
      tasks.computeIfAbsent(keyOf.get(task.getProcessInstanceId()), key -> new ArrayList<>()).add(task);
    }
    return tasks;
  }
}
