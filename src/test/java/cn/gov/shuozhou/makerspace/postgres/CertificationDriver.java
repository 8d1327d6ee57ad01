package cn.gov.shuozhou.makerspace.postgres;

import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.access.Groups;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives certification instances through the Java API of one engine, as the staff would in
 * Tasklist: the applicant ({@code operator1}) applies, the reviewers, inspectors, organiser,
 * experts and leaders complete their tasks. {@link #advance} takes one instance as far as the
 * people can, whatever state it is in, which is what a restarted node needs after a crash.
 */
public final class CertificationDriver {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** A Monday in a year the working-day calendar covers. */
  public static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 3, 2, 9, 0);
  public static final List<String> PANEL = List.of("expert1", "expert2", "expert3");

  private final ProcessEngine engine;

  public CertificationDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public ProcessEngine engine() {
    return engine;
  }

  // ------------------------------------------------------------------ clock (one per JVM)

  /** Engine time stands still at {@code shanghaiTime} (process tests that run jobs themselves). */
  public static void fixClock(LocalDateTime shanghaiTime) {
    ClockUtil.setCurrentTime(toDate(shanghaiTime));
  }

  /** Engine time runs from {@code shanghaiTime} on (nodes whose job executors run). */
  public static void runClockFrom(LocalDateTime shanghaiTime) {
    ClockUtil.offset(toDate(shanghaiTime).getTime() - System.currentTimeMillis());
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

  /** A complete application that meets every condition of Art. 4. */
  public static Map<String, Object> application(String creditCode) {
    return Applications.valid("shuocheng", creditCode);
  }

  public static Map<String, Object> inspection(boolean verified, boolean suspected) {
    return Applications.inspection(verified, suspected);
  }

  // ------------------------------------------------------------------ people's actions

  /**
   * The organisation account of the application's credit code applies (authenticated, so
   * authorizations apply and the initiator is recorded).
   */
  public ProcessInstance apply(Map<String, Object> variables) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(applicantOf(variables), List.of(Groups.OPERATORS));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The organisation account (created on first use) that files for the application's credit code. */
  public String applicantOf(Map<String, Object> application) {
    return OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
  }

  public Task task(String processInstanceId, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    if (found.size() != 1) {
      throw new AssertionError("expected one open task " + taskKey + " of " + processInstanceId + ", found " + found.size());
    }
    return found.get(0);
  }

  public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(processInstanceId, taskKey).getId(), variables);
  }

  /**
   * The case's sanction hearing (Art. 8–10): the applicant waives its statement, leader1 decides
   * {@code leaderDecision}, and the steps after the decision run.
   */
  public void hear(String processInstanceId, String leaderDecision) {
    String hearing = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId).singleResult().getId();
    complete(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT, Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    complete(hearing, SanctionHearing.TASK_LEADER_DECISION, Map.of(SanctionHearing.LEADER_DECISION, leaderDecision,
        SanctionHearing.LEADER_COMMENT, "经审定，同意处理建议"));
    runDueJobs(hearing);
    runDueJobs(processInstanceId);
  }

  /** The organiser chooses {@code experts}; each of them scores. */
  public void panel(String processInstanceId, List<String> experts, double score, boolean recommend) {
    choosePanel(processInstanceId, experts);
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      engine.getTaskService().complete(t.getId(), Map.of(SCORE, score, RECOMMEND, recommend, COMMENT, "评审意见"));
    }
  }

  private void choosePanel(String processInstanceId, List<String> experts) {
    engine.getTaskService().complete(task(processInstanceId, TASK_ORGANISE_EXPERTS).getId(),
        Variables.createVariables().putValueTyped(EXPERTS,
            Variables.objectValue(experts).serializationDataFormat("application/json").create()));
  }

  /** First review, inspection and expert panel pass: the instance waits for the bureau decision. */
  public void passToBureau(String processInstanceId) {
    complete(processInstanceId, TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(processInstanceId, TASK_INSPECTION, inspection(true, false));
    panel(processInstanceId, PANEL, 85, true);
  }

  /**
   * Completes every open task of the instance the way the happy path goes and, if
   * {@code noticeDueNow}, makes a waiting public-notice timer due now (as if the notice period
   * were over). Returns how many things it did; 0 means the instance waits for jobs (or ended).
   * Steps that lose a race with a job executor are left for the next call.
   */
  public int advance(String processInstanceId, boolean noticeDueNow) {
    int done = 0;
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()) {
      Map<String, Object> input = switch (t.getTaskDefinitionKey()) {
        case TASK_FIRST_REVIEW -> Map.of(FIRST_REVIEW_DECISION, "approve");
        case TASK_INSPECTION -> inspection(true, false);
        case TASK_EXPERT_REVIEW -> Map.of(SCORE, 85.0, RECOMMEND, true, COMMENT, "评审意见");
        case TASK_BUREAU_DECISION -> Map.of(BUREAU_DECISION, "approve");
        case TASK_ORGANISE_EXPERTS -> null;
        default -> throw new IllegalStateException("not on the happy path: task " + t.getTaskDefinitionKey()
            + " of " + processInstanceId);
      };
      try {
        if (input == null) {
          choosePanel(processInstanceId, PANEL);
        } else {
          engine.getTaskService().complete(t.getId(), input);
        }
        done++;
      } catch (OptimisticLockingException lostRace) {
        // another transaction changed the instance at the same moment: try again next time
      }
    }
    if (noticeDueNow) {
      Date now = ClockUtil.getCurrentTime();
      for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .timers().activityId("noticePeriodOver").list()) {
        if (timer.getDuedate() != null && timer.getDuedate().after(now)) {
          try {
            engine.getManagementService().setJobDuedate(timer.getId(), now);
            done++;
          } catch (ProcessEngineException executedMeanwhile) {
            // the job executor took it (or it was changed): nothing to do
          }
        }
      }
    }
    return done;
  }

  // ------------------------------------------------------------------ jobs and state

  /** Executes every job of the instance that is due, repeatedly, as the job executor would. */
  public void runDueJobs(String processInstanceId) {
    var management = engine.getManagementService();
    for (int guard = 0; guard < 50; guard++) {
      Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1);
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).list().stream()
          .filter(j -> j.getDuedate() == null || j.getDuedate().before(now)).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job j : due) {
        management.executeJob(j.getId());
      }
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }

  /** Moves the (fixed) clock past the notice timer and runs the jobs: certify, start supervision. */
  public void finishNotice(String processInstanceId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .timers().singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    runDueJobs(processInstanceId);
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
