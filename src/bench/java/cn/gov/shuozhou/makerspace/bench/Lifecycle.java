package cn.gov.shuozhou.makerspace.bench;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One complete certification through the Java API, every step as the person who does it in
 * Tasklist: the organisation account of a fresh credit code applies; the county reviewer, the inspector, the city bureau and the leader
 * find their task, claim it and complete it; expert1..3 complete their assigned reviews; the async
 * steps and the public-notice timer are executed as the job executor would (the timer without
 * waiting its five working days). The same steps drive the bare model ({@link #BARE_KEY}).
 */
final class Lifecycle {

  static final String BARE_KEY = "bench-bare-certification";
  static final List<String> EXPERT_IDS = List.of("expert1", "expert2", "expert3");

  private final String processKey;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final ProcessEngine engine;

  Lifecycle(ProcessEngine engine, boolean bare) {
    this.engine = engine;
    this.processKey = bare ? BARE_KEY : KEY;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
  }

  /** Business dates as in the process tests: the working-day calendar covers them whatever today is. */
  static void runClockFrom(LocalDateTime shanghai) {
    long target = shanghai.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    ClockUtil.offset(target - System.currentTimeMillis());
  }

  /** Deploys the bare model and lets operators start it, as they may start the real one. */
  static void deployBareModel(ProcessEngine engine) {
    Deployment d = engine.getRepositoryService().createDeployment().name("bench-bare")
        .addClasspathResource("bench/bare-certification.bpmn").enableDuplicateFiltering(true).deploy();
    var auth = engine.getAuthorizationService();
    if (auth.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(BARE_KEY).count() == 0) {
      Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId("operators");
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId(BARE_KEY);
      a.addPermission(Permissions.READ);
      a.addPermission(Permissions.CREATE_INSTANCE);
      auth.saveAuthorization(a);
    }
    Log.info("deployed %s (%s)", BARE_KEY, d.getId());
  }

  /** Runs one lifecycle to its end; returns the process instance id. */
  String run() {
    String pi = decided();
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(pi).list();
      if (jobs.isEmpty()) {
        break;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() != 0) {
      throw new IllegalStateException("lifecycle " + pi + " did not end");
    }
    return pi;
  }

  /** Takes a new application to its public notice, which keeps running; returns its application number. */
  String toNotice() {
    String pi = decided();
    for (int round = 0; round < 10 && runtime.createEventSubscriptionQuery().processInstanceId(pi)
        .eventName(MESSAGE_OBJECTION).count() == 0; round++) {
      for (Job job : management.createJobQuery().processInstanceId(pi).messages().list()) {
        management.executeJob(job.getId());
      }
    }
    return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
  }

  /** Files a new application and takes it through every staff step to the bureau's approval. */
  private String decided() {
    Map<String, Object> application = application();
    String applicant = OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
    String pi = as(applicant, List.of("operators"), () -> runtime.startProcessInstanceByKey(processKey, application).getId());
    groupTask(pi, TASK_FIRST_REVIEW, "shuocheng1", "county-shuocheng",
        Map.of(FIRST_REVIEW_DECISION, "approve", FIRST_REVIEW_COMMENT, "材料齐全，同意上报"));
    groupTask(pi, TASK_INSPECTION, "inspector1", "inspection-team", inspection());
    groupTask(pi, TASK_ORGANISE_EXPERTS, "city1", "city-bureau", Variables.createVariables()
        .putValueTyped(EXPERTS, Variables.objectValue(EXPERT_IDS).serializationDataFormat("application/json").create()));
    for (String expert : EXPERT_IDS) {
      as(expert, List.of("experts"), () -> {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_EXPERT_REVIEW)
            .taskAssignee(expert).singleResult();
        tasks.complete(t.getId(), Map.of(SCORE, 86.0, RECOMMEND, true, COMMENT, "运营规范，服务能力较强"));
        return null;
      });
    }
    groupTask(pi, TASK_BUREAU_DECISION, "leader1", "bureau-leaders", Map.of(BUREAU_DECISION, "approve"));
    return pi;
  }

  private void groupTask(String pi, String taskKey, String user, String group, Map<String, Object> variables) {
    as(user, List.of(group), () -> {
      Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
      if (t == null) {
        throw new IllegalStateException(user + " sees no task " + taskKey + " of " + pi);
      }
      tasks.claim(t.getId(), user);
      tasks.complete(t.getId(), variables);
      return null;
    });
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A valid application that meets every condition of Art. 4, with a credit code of its own. */
  static Map<String, Object> application() {
    return Applications.valid("shuocheng");
  }

  static Map<String, Object> inspection() {
    return Applications.inspection(true, false);
  }
}
