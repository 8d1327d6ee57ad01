package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.portal.MyApplication.OwnTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

  private final ProcessEngine engine;
  private final RequiredMaterials materials;

  public MyApplications(ProcessEngine engine, RequiredMaterials materials) {
    this.engine = engine;
    this.materials = materials;
  }

  public List<MyApplication> of(String creditCode, String userId) {
    return WithoutAuthorization.call(engine, () -> {
      List<MyApplication> list = new ArrayList<>();
      List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(KEY).variableValueEquals(CREDIT_CODE, creditCode)
          .orderByProcessInstanceStartTime().desc().list();
      for (HistoricProcessInstance instance : instances) {
        list.add(describe(instance, userId));
      }
      return list;
    });
  }

  /** The application as its organisation sees it (also the head of its case page). */
  MyApplication describe(HistoricProcessInstance instance, String userId) {
    Map<String, Object> v = variables(instance.getId());
    boolean running = instance.getEndTime() == null;
    // the case's own tasks and those of the hearing it calls (same business key)
    List<Task> tasks = new ArrayList<>(tasks(instance.getBusinessKey()));
    Object supervision = v.get(SUPERVISION_INSTANCE_ID);
    if (supervision != null) {
      HistoricProcessInstance supervised = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(supervision.toString()).singleResult();
      if (supervised != null && supervised.getBusinessKey() != null) {
        tasks.addAll(tasks(supervised.getBusinessKey()));
      }
    }
    List<String> stages = tasks.stream().map(Task::getName).distinct().toList();
    List<OwnTask> own = tasks.stream().filter(t -> userId.equals(t.getAssignee()))
        .sorted(Comparator.comparing(Task::getCreateTime))
        .map(t -> new OwnTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    String county = County.nameOf(v.get(COUNTY));
    return new MyApplication(instance.getBusinessKey(), (String) v.get(SPACE_NAME), county,
        instance.getStartTime().toInstant(), running, stages, own,
        running && !own.isEmpty() ? (String) v.get(RETURN_REASON) : null,
        (String) v.get(OUTCOME), (String) v.get(OUTCOME_REASON),
        instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
        (String) v.get(CERTIFICATE_NUMBER), validUntil(v.get(VALID_UNTIL)),
        materials.of(v));
  }

  /** The last day of validity as an ISO date (2029-12-05); the certification holds it as a date. */
  private static String validUntil(Object value) {
    return value instanceof Date date ? EngineClock.toLocalDate(date).toString() : value == null ? null : value.toString();
  }

  private Map<String, Object> variables(String instanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableNameIn(VISIBLE.toArray(String[]::new)).list()) {
      if (instanceId.equals(variable.getExecutionId())) { // the process's own, not a task's local copy
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private List<Task> tasks(String businessKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .orderByTaskCreateTime().asc().list();
  }
}
