package cn.gov.shuozhou.makerspace.hardening;

import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.access.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Certification instances waiting at a given user task, prepared through the engine's Java API
 * (fast, no HTTP): the tests then act on them over HTTP. Every application gets a fresh credit
 * code and is filed by that code's organisation account.
 */
public final class Fixtures {

  static final List<String> PANEL = List.of("expert1", "expert2", "expert3");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final ProcessEngine engine;

  public Fixtures(ProcessEngine engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }



  /** A valid application (Art. 4 met) in the given county, with a fresh credit code. */
  static Map<String, Object> application(String county) {
    return Applications.valid(county);
  }

  /** Valid completion variables of each task kind of the certification process. */
  static Map<String, Object> validCompletion(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case TASK_FIRST_REVIEW -> v.put(FIRST_REVIEW_DECISION, "approve");
      case TASK_INSPECTION -> v.putAll(inspection(false));
      case TASK_FALSE_MATERIALS -> {
        v.put(FALSE_MATERIALS_CONFIRMED, false);
        v.put(FALSE_MATERIALS_FINDING, "经核实材料属实");
      }
      case TASK_ORGANISE_EXPERTS -> v.put(EXPERTS,
          Variables.objectValue(PANEL).serializationDataFormat("application/json").create());
      case TASK_EXPERT_REVIEW -> {
        v.put(SCORE, 85.0);
        v.put(RECOMMEND, true);
        v.put(COMMENT, "符合认定条件");
      }
      case TASK_BUREAU_DECISION -> v.put(BUREAU_DECISION, "approve");
      case TASK_HANDLE_OBJECTION -> {
        v.put(OBJECTION_UPHELD, false);
        v.put(OBJECTION_FINDING, "经核查异议不成立");
      }
      case TASK_SUPPLEMENT -> v.put(WITHDRAWN, true);
      default -> throw new IllegalArgumentException(taskKey);
    }
    return v;
  }

  static Map<String, Object> inspection(boolean suspected) {
    return Applications.inspection(true, suspected);
  }

  /** Starts a valid application as {@code operator} (the applicant). */
  ProcessInstance apply(String operator, Map<String, Object> application) {
    identity.setAuthentication(operator, List.of(Groups.OPERATORS));
    try {
      return runtime.startProcessInstanceByKey(KEY, application);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Starts a valid application as the organisation account of its credit code. */
  ProcessInstance apply(Map<String, Object> application) {
    return apply(OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE)), application);
  }

  ProcessInstance apply(String county) {
    return apply(application(county));
  }

  /**
   * A new instance in county {@code county} waiting at {@code taskKey}; the task is returned. A
   * supplement is operator1's (its assignee is the applicant, and the tests act as that demo
   * user): operator1's earlier open case is withdrawn first. Others have their own organisation.
   */
  public Task waitingAt(String taskKey, String county) {
    ProcessInstance pi;
    if (TASK_SUPPLEMENT.equals(taskKey)) {
      OrganisationAccounts.withdrawOpenApplications(engine, "operator1");
      Map<String, Object> app = Applications.valid(county, DemoOrganisations.creditCodeOf("operator1"));
      app.put(ONLINE_SERVICES, false); // Art. 4 not met: back to the applicant
      pi = apply("operator1", app);
      return awaitTask(pi.getId(), TASK_SUPPLEMENT, null);
    }
    pi = apply(application(county));
    String id = pi.getId();
    if (TASK_FIRST_REVIEW.equals(taskKey)) {
      return task(id, TASK_FIRST_REVIEW, null);
    }
    complete(id, TASK_FIRST_REVIEW, validCompletion(TASK_FIRST_REVIEW));
    if (TASK_INSPECTION.equals(taskKey)) {
      return task(id, TASK_INSPECTION, null);
    }
    if (TASK_FALSE_MATERIALS.equals(taskKey)) {
      complete(id, TASK_INSPECTION, inspection(true));
      return task(id, TASK_FALSE_MATERIALS, null);
    }
    complete(id, TASK_INSPECTION, inspection(false));
    if (TASK_ORGANISE_EXPERTS.equals(taskKey)) {
      return task(id, TASK_ORGANISE_EXPERTS, null);
    }
    complete(id, TASK_ORGANISE_EXPERTS, validCompletion(TASK_ORGANISE_EXPERTS));
    if (TASK_EXPERT_REVIEW.equals(taskKey)) {
      return task(id, TASK_EXPERT_REVIEW, "expert1");
    }
    for (Task review : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      tasks.complete(review.getId(), validCompletion(TASK_EXPERT_REVIEW));
    }
    if (TASK_BUREAU_DECISION.equals(taskKey)) {
      return task(id, TASK_BUREAU_DECISION, null);
    }
    complete(id, TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(id);
    if (TASK_HANDLE_OBJECTION.equals(taskKey)) {
      object(pi.getBusinessKey());
      return task(id, TASK_HANDLE_OBJECTION, null);
    }
    throw new IllegalArgumentException(taskKey);
  }

  /**
   * A new application of a fresh organisation, returned to it for supplement (Art. 4 not met): the
   * task, assigned to the organisation's account ({@link OrganisationAccounts#ownerOf}, password =
   * user id). For tests that go on to certify: a demo operator's certificate would bar its next filing.
   */
  public Task returnedToAFreshOrganisation(String county) {
    Map<String, Object> app = application(county);
    app.put(ONLINE_SERVICES, false);
    ProcessInstance pi = apply(app);
    return awaitTask(pi.getId(), TASK_SUPPLEMENT, null);
  }

  /**
   * Takes a filed application waiting at its first review to its certificate: every step
   * approves, and the public notice ends without objection (its timer is run now).
   */
  public void certify(String id) {
    complete(id, TASK_FIRST_REVIEW, validCompletion(TASK_FIRST_REVIEW));
    complete(id, TASK_INSPECTION, inspection(false));
    complete(id, TASK_ORGANISE_EXPERTS, validCompletion(TASK_ORGANISE_EXPERTS));
    for (Task review : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      tasks.complete(review.getId(), validCompletion(TASK_EXPERT_REVIEW));
    }
    complete(id, TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(id);
    management.executeJob(management.createJobQuery().processInstanceId(id).timers().singleResult().getId());
    runJobsUntil(id, () -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0);
  }

  /** A new instance in its public notice (the objection message can be correlated); returns it. */
  public ProcessInstance inPublicNotice(String county) {
    Task bureau = waitingAt(TASK_BUREAU_DECISION, county);
    complete(bureau.getProcessInstanceId(), TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(bureau.getProcessInstanceId());
    return runtime.createProcessInstanceQuery().processInstanceId(bureau.getProcessInstanceId()).singleResult();
  }

  void object(String businessKey) {
    runtime.createMessageCorrelation(MESSAGE_OBJECTION)
        .processInstanceBusinessKey(businessKey)
        .setVariable(OBJECTION_TEXT, "该空间实际面积不足")
        .setVariable(OBJECTOR_NAME, "李四")
        .setVariable(OBJECTOR_PHONE, "13800001111")
        .correlate();
  }

  void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(processInstanceId, taskKey, null).getId(), variables);
  }

  Task task(String processInstanceId, String taskKey, String assignee) {
    var query = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey);
    if (assignee != null) {
      query.taskAssignee(assignee);
    }
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one open task " + taskKey + " in " + processInstanceId + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The async step before the public notice has run (by us or by the job executor). */
  private void awaitNotice(String processInstanceId) {
    runJobsUntil(processInstanceId, () -> runtime.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId).eventName(MESSAGE_OBJECTION).count() > 0);
  }

  private Task awaitTask(String processInstanceId, String taskKey, String assignee) {
    runJobsUntil(processInstanceId, () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).count() > 0);
    return task(processInstanceId, taskKey, assignee);
  }

  /**
   * Executes the instance's due, non-timer jobs until {@code done}; the job executor of the
   * application runs too, so a job may be taken by it first (then we wait for it to finish).
   */
  void runJobsUntil(String processInstanceId, BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("instance " + processInstanceId + " did not get there in time");
      }
      List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException takenByTheJobExecutor) {
          // the job executor ran it first or is running it: the engine then fails this attempt with an
          // optimistic-locking conflict, or earlier with whatever the moved-on execution causes
        }
      }
      if (jobs.isEmpty() && !done.getAsBoolean()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
  }
}
