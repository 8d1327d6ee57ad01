package cn.gov.shuozhou.makerspace.support;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The one driver that takes certification instances through their lifecycle with the engine's Java
 * API (fast, no HTTP), for the tests and the benchmark alike. Every application is filed by the
 * organisation account of its credit code ({@link OrganisationAccounts}), with the required
 * materials uploaded first as every filing needs them ({@link MaterialDrafts}); the data come from
 * {@link Applications}. Two ways to do a step:
 *
 * <ul>
 *   <li>as the system ({@link #complete}, {@link #waitingAt}, {@link #passToBureau}, {@link #advance}):
 *       no user, for tests that prepare an instance and then act on it over HTTP, and for the
 *       PostgreSQL and cluster tests, whose databases hold no demo users;
 *   <li>as the staff ({@link #work}, {@link #passToBureauAsStaff}, {@link #certifyAsStaff}): each
 *       step claimed and completed by the demo user whose role it is, authenticated, so that
 *       authorizations apply and the user operation log records who did what.
 * </ul>
 *
 * <p>Jobs: {@link #runJobsUntil} works while the application's job executor runs too;
 * {@link #runDueJobs}, {@link #finishNotice} and {@link #runJobsToEnd} expect it off.
 */
public final class CertificationDriver {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** A Monday in a year the working-day calendar covers. */
  public static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 3, 2, 9, 0);
  public static final List<String> PANEL = List.of("expert1", "expert2", "expert3");
  private static final String NOTICE_TIMER = "noticePeriodOver";

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  /** Demo users' groups, read once: the benchmark counts the statements of each lifecycle. */
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  public CertificationDriver(ProcessEngine engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  public ProcessEngine engine() {
    return engine;
  }

  // ------------------------------------------------------------------ clock (one per JVM)

  /** Engine time stands still at {@code shanghaiTime} (tests that run jobs themselves). */
  public static void fixClock(LocalDateTime shanghaiTime) {
    ClockUtil.setCurrentTime(toDate(shanghaiTime));
  }

  /** Engine time runs from {@code shanghaiTime} on (nodes whose job executors run). */
  public static void runClockFrom(LocalDateTime shanghaiTime) {
    runClockFrom(toDate(shanghaiTime));
  }

  /** Engine time runs from {@code instant} on. */
  public static void runClockFrom(Date instant) {
    ClockUtil.offset(instant.getTime() - System.currentTimeMillis());
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  public static Date toDate(LocalDateTime shanghaiTime) {
    return Date.from(shanghaiTime.atZone(SHANGHAI).toInstant());
  }

  // ------------------------------------------------------------------ data

  /**
   * The experts the organiser may choose. Outside the demo profile no user exists until an
   * administrator creates them (Admin webapp); this does the same through the API. Idempotent.
   */
  public static void createExperts(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (int i = 1; i <= 5; i++) {
      String id = "expert" + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        User u = identity.newUser(id);
        u.setFirstName("专家" + i);
        u.setLastName("评审");
        u.setPassword("secret-" + id);
        identity.saveUser(u);
        identity.createMembership(id, Groups.EXPERTS);
      }
    }
  }

  /** The {@code n}-th valid credit code of a series ({@code series} 0..99 keeps test classes apart). */
  public static String creditCode(int series, int n) {
    return Applications.creditCode("MA", series * 100_000L + n);
  }

  /** A valid application of 朔城区 for a space of this name (names tell the audit tests' cases apart). */
  public static Map<String, Object> namedApplication(String spaceName) {
    Map<String, Object> v = Applications.valid("shuocheng");
    v.put(OPERATOR_NAME, "朔州市" + spaceName + "运营管理有限公司");
    v.put(SPACE_NAME, spaceName);
    v.put(SPACE_ADDRESS, "朔州市朔城区民福街1号");
    v.put(TOTAL_AREA, 320.0);
    v.put(PUBLIC_SERVICE_AREA, 300.0);
    v.put(CONTACT_NAME, "张晓");
    return v;
  }

  /** Valid completion variables of each task kind of the certification process (the happy path). */
  public static Map<String, Object> validCompletion(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case TASK_FIRST_REVIEW -> v.put(FIRST_REVIEW_DECISION, "approve");
      case TASK_INSPECTION -> v.putAll(Applications.inspection(true, false));
      case TASK_FALSE_MATERIALS -> {
        v.put(FALSE_MATERIALS_CONFIRMED, false);
        v.put(FALSE_MATERIALS_FINDING, "经核实材料属实");
      }
      case TASK_ORGANISE_EXPERTS -> v.put(EXPERTS, panelOf(PANEL));
      case TASK_EXPERT_REVIEW -> v.putAll(review(85.0, true));
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

  private static Object panelOf(List<String> experts) {
    return Variables.objectValue(experts).serializationDataFormat("application/json").create();
  }

  private static Map<String, Object> review(double score, boolean recommend) {
    return Map.of(SCORE, score, RECOMMEND, recommend, COMMENT, "符合认定条件");
  }

  // ------------------------------------------------------------------ applying

  /** The organisation account of the application's credit code applies. */
  public ProcessInstance apply(Map<String, Object> application) {
    return applyAs(applicantOf(application), application);
  }

  /** A valid application (Art. 4 met) in {@code county}, with a fresh credit code. */
  public ProcessInstance apply(String county) {
    return apply(Applications.valid(county));
  }

  /** {@code applicant} (an operator) applies: authenticated, so authorizations apply and the initiator is recorded. */
  public ProcessInstance applyAs(String applicant, Map<String, Object> application) {
    return startAs(applicant, KEY, application);
  }

  /** Starts another model the applicants may start the same way (the benchmark's bare model). */
  public ProcessInstance applyTo(String processKey, Map<String, Object> application) {
    return startAs(applicantOf(application), processKey, application);
  }

  private ProcessInstance startAs(String applicant, String processKey, Map<String, Object> application) {
    if (KEY.equals(processKey)) {
      MaterialDrafts.of(engine).uploadRequired(applicant, application);
    }
    identity.setAuthentication(applicant, List.of(Groups.OPERATORS));
    try {
      return runtime.startProcessInstanceByKey(processKey, application);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The organisation account (created on first use) that files for the application's credit code. */
  public String applicantOf(Map<String, Object> application) {
    return OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
  }

  // ------------------------------------------------------------------ steps as the system

  /** The one open task {@code taskKey} of the instance. */
  public Task task(String processInstanceId, String taskKey) {
    return task(processInstanceId, taskKey, null);
  }

  /** The one open task {@code taskKey} of the instance, of {@code assignee} when not null. */
  public Task task(String processInstanceId, String taskKey, String assignee) {
    var query = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey);
    if (assignee != null) {
      query.taskAssignee(assignee);
    }
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one open task " + taskKey + " in " + processInstanceId
          + ", found " + found.size());
    }
    return found.get(0);
  }

  public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(processInstanceId, taskKey).getId(), variables);
  }

  /**
   * A new instance in {@code county} waiting at {@code taskKey}; the task is returned. A supplement
   * is operator1's (its assignee is the applicant, and the tests act as that demo user): operator1's
   * earlier open case is withdrawn first. Others have their own organisation.
   */
  public Task waitingAt(String taskKey, String county) {
    if (TASK_SUPPLEMENT.equals(taskKey)) {
      OrganisationAccounts.withdrawOpenApplications(engine, "operator1");
      Map<String, Object> app = Applications.valid(county, DemoOrganisations.creditCodeOf("operator1"));
      app.put(ONLINE_SERVICES, false); // Art. 4 not met: back to the applicant
      String id = applyAs("operator1", app).getId();
      runJobsUntil(id, () -> tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_SUPPLEMENT).count() > 0);
      return task(id, TASK_SUPPLEMENT);
    }
    ProcessInstance pi = apply(county);
    String id = pi.getId();
    if (TASK_FIRST_REVIEW.equals(taskKey)) {
      return task(id, TASK_FIRST_REVIEW);
    }
    complete(id, TASK_FIRST_REVIEW, validCompletion(TASK_FIRST_REVIEW));
    if (TASK_INSPECTION.equals(taskKey)) {
      return task(id, TASK_INSPECTION);
    }
    if (TASK_FALSE_MATERIALS.equals(taskKey)) {
      complete(id, TASK_INSPECTION, Applications.inspection(true, true));
      return task(id, TASK_FALSE_MATERIALS);
    }
    complete(id, TASK_INSPECTION, validCompletion(TASK_INSPECTION));
    if (TASK_ORGANISE_EXPERTS.equals(taskKey)) {
      return task(id, TASK_ORGANISE_EXPERTS);
    }
    complete(id, TASK_ORGANISE_EXPERTS, validCompletion(TASK_ORGANISE_EXPERTS));
    if (TASK_EXPERT_REVIEW.equals(taskKey)) {
      return task(id, TASK_EXPERT_REVIEW, "expert1");
    }
    completeReviews(id, validCompletion(TASK_EXPERT_REVIEW));
    if (TASK_BUREAU_DECISION.equals(taskKey)) {
      return task(id, TASK_BUREAU_DECISION);
    }
    complete(id, TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(id);
    if (TASK_HANDLE_OBJECTION.equals(taskKey)) {
      object(pi.getBusinessKey());
      return task(id, TASK_HANDLE_OBJECTION);
    }
    throw new IllegalArgumentException(taskKey);
  }

  /**
   * A new application of a fresh organisation (Art. 4 not met) returned for supplement: its
   * supplement task, assigned to the organisation's account ({@link OrganisationAccounts#ownerOf},
   * password = user id). For tests that go on to certify: a demo operator's certificate would bar
   * its next filing.
   */
  public Task returnedToAFreshOrganisation(String county) {
    Map<String, Object> app = Applications.valid(county);
    app.put(ONLINE_SERVICES, false);
    String id = apply(app).getId();
    runJobsUntil(id, () -> tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_SUPPLEMENT).count() > 0);
    return task(id, TASK_SUPPLEMENT);
  }

  /** First review, inspection and expert panel pass: the instance waits for the bureau decision. */
  public void passToBureau(String processInstanceId) {
    complete(processInstanceId, TASK_FIRST_REVIEW, validCompletion(TASK_FIRST_REVIEW));
    complete(processInstanceId, TASK_INSPECTION, validCompletion(TASK_INSPECTION));
    panel(processInstanceId, PANEL, 85, true);
  }

  /** A new instance in its public notice (the objection message can be correlated); returns it. */
  public ProcessInstance inPublicNotice(String county) {
    String id = waitingAt(TASK_BUREAU_DECISION, county).getProcessInstanceId();
    complete(id, TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(id);
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * Takes a filed application waiting at its first review to its certificate: every step
   * approves, and the public notice ends without objection (its timer is run now).
   */
  public void certify(String processInstanceId) {
    passToBureau(processInstanceId);
    complete(processInstanceId, TASK_BUREAU_DECISION, validCompletion(TASK_BUREAU_DECISION));
    awaitNotice(processInstanceId);
    management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult().getId());
    runJobsUntil(processInstanceId, () -> !isRunning(processInstanceId));
  }

  /** Someone objects to the application during its public notice. */
  public void object(String businessKey) {
    runtime.createMessageCorrelation(MESSAGE_OBJECTION)
        .processInstanceBusinessKey(businessKey)
        .setVariable(OBJECTION_TEXT, "该空间实际面积不足")
        .setVariable(OBJECTOR_NAME, "李四")
        .setVariable(OBJECTOR_PHONE, "13800001111")
        .correlate();
  }

  /** The organiser chooses {@code experts}; each of them scores. */
  public void panel(String processInstanceId, List<String> experts, double score, boolean recommend) {
    tasks.complete(task(processInstanceId, TASK_ORGANISE_EXPERTS).getId(), Map.of(EXPERTS, panelOf(experts)));
    completeReviews(processInstanceId, review(score, recommend));
  }

  private void completeReviews(String processInstanceId, Map<String, Object> review) {
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      tasks.complete(t.getId(), review);
    }
  }

  /**
   * The case's sanction hearing (Art. 8–10): the applicant waives its statement, the leaders decide
   * {@code leaderDecision}, and the steps after the decision run.
   */
  public void hear(String processInstanceId, String leaderDecision) {
    String hearing = runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult().getId();
    complete(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT, Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    complete(hearing, SanctionHearing.TASK_LEADER_DECISION, Map.of(SanctionHearing.LEADER_DECISION, leaderDecision,
        SanctionHearing.LEADER_COMMENT, "经审定，同意处理建议"));
    runDueJobs(hearing);
    runDueJobs(processInstanceId);
  }

  /**
   * Completes every open task of the instance the way the happy path goes and, if
   * {@code noticeDueNow}, makes a waiting public-notice timer due now (as if the notice period
   * were over). Returns how many things it did; 0 means the instance waits for jobs (or ended).
   * Steps that lose a race with a job executor are left for the next call: this is what a
   * restarted node needs after a crash, whatever state the instance is in.
   */
  public int advance(String processInstanceId, boolean noticeDueNow) {
    int done = 0;
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (!List.of(TASK_FIRST_REVIEW, TASK_INSPECTION, TASK_ORGANISE_EXPERTS, TASK_EXPERT_REVIEW, TASK_BUREAU_DECISION)
          .contains(t.getTaskDefinitionKey())) {
        throw new IllegalStateException("not on the happy path: task " + t.getTaskDefinitionKey() + " of " + processInstanceId);
      }
      try {
        tasks.complete(t.getId(), validCompletion(t.getTaskDefinitionKey()));
        done++;
      } catch (OptimisticLockingException lostRace) {
        // another transaction changed the instance at the same moment: try again next time
      }
    }
    if (noticeDueNow) {
      Date now = ClockUtil.getCurrentTime();
      for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers()
          .activityId(NOTICE_TIMER).list()) {
        if (timer.getDuedate() != null && timer.getDuedate().after(now)) {
          try {
            management.setJobDuedate(timer.getId(), now);
            done++;
          } catch (ProcessEngineException executedMeanwhile) {
            // the job executor took it (or it was changed): nothing to do
          }
        }
      }
    }
    return done;
  }

  // ------------------------------------------------------------------ steps as the staff

  /** Runs {@code work} authenticated as {@code user} with the user's groups. */
  public <T> T as(String user, Supplier<T> work) {
    identity.setAuthentication(user, groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u)
        .list().stream().map(Group::getId).toList()));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** {@code user} claims the task (when it has no assignee), comments (unless null) and completes it. */
  public void work(String processInstanceId, String taskKey, String user, Map<String, Object> variables, String comment) {
    Task task = task(processInstanceId, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      if (comment != null) {
        tasks.createComment(task.getId(), processInstanceId, comment);
      }
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  /** 初审 approved, inspected, three experts in favour, each by its demo user: the instance waits at 局务会研究决定. */
  public void passToBureauAsStaff(String processInstanceId) {
    work(processInstanceId, TASK_FIRST_REVIEW, "shuocheng1", validCompletion(TASK_FIRST_REVIEW),
        "申请材料齐全，同意进入实地考察。");
    Map<String, Object> inspection = Applications.inspection(true, false);
    inspection.put(MEASURED_TOTAL_AREA, 315.0);
    inspection.put(MEASURED_PUBLIC_SERVICE_AREA, 296.0);
    inspection.put(INSPECTION_COMMENT, "现场查验，运营正常。");
    work(processInstanceId, TASK_INSPECTION, "inspector1", inspection, "现场面积与申报基本一致。");
    work(processInstanceId, TASK_ORGANISE_EXPERTS, "city1", validCompletion(TASK_ORGANISE_EXPERTS), null);
    for (String expert : PANEL) {
      Task review = task(processInstanceId, TASK_EXPERT_REVIEW, expert);
      as(expert, () -> {
        tasks.complete(review.getId(), Map.of(SCORE, 84.0, RECOMMEND, true, COMMENT, "服务功能完善，建议认定。"));
        return null;
      });
    }
  }

  /** A finished instance that passed inspection and expert review and was rejected by the bureau. */
  public ProcessInstance rejectedByBureau(String spaceName) {
    ProcessInstance pi = apply(namedApplication(spaceName));
    passToBureauAsStaff(pi.getId());
    work(pi.getId(), TASK_BUREAU_DECISION, "leader1",
        Map.of(BUREAU_DECISION, "reject", BUREAU_COMMENT, "孵化服务能力不足，暂不予认定。"), "经局务会研究，暂不予认定。");
    return pi;
  }

  /** An instance rejected at first review (the quickest finished one). */
  public ProcessInstance rejectedAtFirstReview(String spaceName) {
    ProcessInstance pi = apply(namedApplication(spaceName));
    work(pi.getId(), TASK_FIRST_REVIEW, "shuocheng1",
        Map.of(FIRST_REVIEW_DECISION, "reject", FIRST_REVIEW_COMMENT, "场地不在本辖区。"), null);
    return pi;
  }

  /** Bureau approved by leader1 and the public notice started (the job executor off): the objection message can be correlated. */
  public ProcessInstance inPublicNoticeAsStaff(String spaceName) {
    ProcessInstance pi = apply(namedApplication(spaceName));
    passToBureauAsStaff(pi.getId());
    work(pi.getId(), TASK_BUREAU_DECISION, "leader1", Map.of(BUREAU_DECISION, "approve", BUREAU_COMMENT, "同意认定。"), null);
    runDueJobs(pi.getId());
    return pi;
  }

  /** Certified by the staff: the public notice period is passed by moving the engine clock (reset afterwards). */
  public ProcessInstance certifiedAsStaff(String spaceName) {
    ProcessInstance pi = inPublicNoticeAsStaff(spaceName);
    try {
      finishNotice(pi.getId());
    } finally {
      ClockUtil.reset();
    }
    return pi;
  }

  /**
   * One complete certification of {@code processKey} by the staff, the benchmark's unit of work:
   * the organisation account applies; the county reviewer, the inspector, the city bureau and the
   * leader claim and complete their tasks; expert1..3 their reviews; the asynchronous steps and
   * the public-notice timer run at once (the job executor off). Returns the ended instance's id.
   */
  public String certifyAsStaff(String processKey) {
    String id = applyTo(processKey, Applications.valid("shuocheng")).getId();
    work(id, TASK_FIRST_REVIEW, "shuocheng1", Map.of(FIRST_REVIEW_DECISION, "approve", FIRST_REVIEW_COMMENT, "材料齐全，同意上报"), null);
    work(id, TASK_INSPECTION, "inspector1", validCompletion(TASK_INSPECTION), null);
    work(id, TASK_ORGANISE_EXPERTS, "city1", validCompletion(TASK_ORGANISE_EXPERTS), null);
    for (String expert : PANEL) {
      Task review = task(id, TASK_EXPERT_REVIEW, expert);
      as(expert, () -> {
        tasks.complete(review.getId(), review(86.0, true));
        return null;
      });
    }
    work(id, TASK_BUREAU_DECISION, "leader1", validCompletion(TASK_BUREAU_DECISION), null);
    runJobsToEnd(id);
    return id;
  }

  // ------------------------------------------------------------------ jobs and state

  /** Executes every job of the instance that is due, repeatedly, as the job executor would (which must be off). */
  public void runDueJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }

  /** Moves the (fixed) clock past the notice timer and runs the jobs: certify, start supervision. */
  public void finishNotice(String processInstanceId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    runDueJobs(processInstanceId);
  }

  /** Executes every job of the instance, timers without waiting for them, until it ends (the job executor off). */
  public void runJobsToEnd(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    if (isRunning(processInstanceId)) {
      throw new IllegalStateException("instance " + processInstanceId + " did not end");
    }
  }

  /**
   * Executes the instance's due, non-timer jobs until {@code done}; the job executor of the
   * application may run too, so a job may be taken by it first (then we wait for it to finish).
   */
  public void runJobsUntil(String processInstanceId, BooleanSupplier done) {
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

  /** The asynchronous step before the public notice has run (by us or by the job executor). */
  private void awaitNotice(String processInstanceId) {
    runJobsUntil(processInstanceId, () -> runtime.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId).eventName(MESSAGE_OBJECTION).count() > 0);
  }

  private boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /** A process-level variable from history (works for ended instances too). */
  public Object variable(String processInstanceId, String name) {
    var v = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).list();
    return v.stream().filter(h -> processInstanceId.equals(h.getActivityInstanceId()))
        .findFirst().or(() -> v.stream().findFirst()).map(h -> h.getValue()).orElse(null);
  }

  public boolean isEnded(String processInstanceId) {
    var h = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return h != null && h.getEndTime() != null;
  }
}
