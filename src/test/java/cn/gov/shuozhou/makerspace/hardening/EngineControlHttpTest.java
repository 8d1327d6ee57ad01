package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, reproduction 5: {@code city-bureau} does not own the clock. Executing, rescheduling or
 * deleting a timer, setting retries, creating incidents, signalling executions and suspending job
 * definitions are refused (403) to {@code city1} over {@code /engine-rest} and Cockpit's engine
 * API, and leave the job and the case as they were. An administrator may still override a timer,
 * and the engine's user operation log records who did it, when and what.
 */
class EngineControlHttpTest extends HardeningHttpTest {

  static final String COCKPIT_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired CertificateRegistry certificates;
  ManagementService management;
  SupervisionFixtures supervision;

  @BeforeEach
  void services() {
    management = engine.getManagementService();
    supervision = new SupervisionFixtures(engine, certificates, fixtures);
  }

  @Test
  void cityBureauCannotEndThePublicNoticeEarly() {
    ProcessInstance pi = fixtures.inPublicNotice("shuocheng");
    Job timer = timer(pi.getId(), "noticePeriodOver");

    assertForbidden(rest("city1").post("/job/" + timer.getId() + "/execute", ""));
    WebappSession cockpit = webapp();
    assertThat(cockpit.login("city1", "cockpit").statusCode()).isEqualTo(200);
    assertForbidden(cockpit.post(COCKPIT_ENGINE + "/job/" + timer.getId() + "/execute", ""));

    assertUnchanged(timer);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(MESSAGE_OBJECTION).count()).as("the notice still runs").isEqualTo(1);
  }

  @Test
  void cityBureauCannotLetTheSupplementDeadlinePass() {
    Task supplement = fixtures.waitingAt(TASK_SUPPLEMENT, "shuocheng");
    Job timer = timer(supplement.getProcessInstanceId(), "supplementDeadline");

    assertForbidden(rest("city1").post("/job/" + timer.getId() + "/execute", ""));

    assertUnchanged(timer);
    assertThat(engine.getTaskService().createTaskQuery().taskId(supplement.getId()).count()).isEqualTo(1);
  }

  @Test
  void cityBureauCannotMoveTheExpiryTimer() {
    ProcessInstance pi = supervision.supervised();
    Job timer = timer(pi.getId(), "validityEnds");

    assertForbidden(rest("city1").put("/job/" + timer.getId() + "/duedate",
        "{\"duedate\": \"2099-12-31T00:00:00.000+0800\"}"));
    WebappSession cockpit = webapp();
    assertThat(cockpit.login("city1", "cockpit").statusCode()).isEqualTo(200);
    assertForbidden(cockpit.post(COCKPIT_ENGINE + "/job/" + timer.getId() + "/duedate/recalculate", ""));

    assertUnchanged(timer);
  }

  /**
   * A supervised space's timers: the expiry is always in the future. (The annual report window of
   * the current year may already be open, so its timer can fire at once; the guard is the same.)
   */
  @Test
  void cityBureauCannotDeleteATimer() {
    ProcessInstance pi = supervision.supervised();
    Job timer = timer(pi.getId(), "validityEnds");

    assertForbidden(rest("city1").delete("/job/" + timer.getId()));

    assertUnchanged(timer);
  }

  @Test
  void cityBureauCannotSetRetriesNorCreateIncidents() {
    ProcessInstance pi = supervision.supervised();
    Job timer = timer(pi.getId(), "validityEnds");

    assertForbidden(rest("city1").put("/job/" + timer.getId() + "/retries", "{\"retries\": 0}"));
    assertForbidden(rest("city1").post("/job/retries", "{\"retries\": 0, \"jobIds\": [\"" + timer.getId() + "\"]}"));
    assertForbidden(rest("city1").post("/execution/" + timer.getExecutionId() + "/create-incident",
        "{\"incidentType\": \"failedJob\", \"configuration\": \"x\", \"message\": \"人为制造的事件\"}"));
    assertForbidden(rest("city1").put("/job-definition/" + timer.getJobDefinitionId() + "/suspended",
        "{\"suspended\": true, \"includeJobs\": true}"));

    assertUnchanged(timer);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void cityBureauCannotSignalAnExecutionPastAnOpenTask() {
    Task review = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");

    String approve = engineVariables(java.util.Map.of(FIRST_REVIEW_DECISION, "approve"));
    assertForbidden(rest("city1").post("/execution/" + review.getExecutionId() + "/signal", approve));
    WebappSession cockpit = webapp();
    assertThat(cockpit.login("city1", "cockpit").statusCode()).isEqualTo(200);
    assertForbidden(cockpit.post(COCKPIT_ENGINE + "/execution/" + review.getExecutionId() + "/signal", approve));

    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count())
        .as("the first review is still open").isEqualTo(1);
  }

  /** The guard holds even if someone gives the bureau UPDATE_INSTANCE again in Admin (until the next start revokes it). */
  @Test
  void aHandGrantedUpdateInstanceStillControlsNothing() {
    ProcessInstance pi = supervision.supervised();
    Job timer = timer(pi.getId(), "validityEnds");
    var authorizations = engine.getAuthorizationService();
    var grant = authorizations.createAuthorizationQuery().groupIdIn(Groups.CITY_BUREAU)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(SupervisionProcess.KEY).singleResult();
    grant.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizations.saveAuthorization(grant);
    try {
      assertForbidden(rest("city1").post("/job/" + timer.getId() + "/execute", ""));
      assertForbidden(rest("city1").put("/job/" + timer.getId() + "/duedate", "{\"duedate\": \"2099-12-31T00:00:00.000+0800\"}"));
      assertForbidden(rest("city1").post("/execution/" + timer.getExecutionId() + "/signal", "{}"));
      engine.getIdentityService().setAuthentication("city1", List.of(Groups.CITY_BUREAU));
      assertThatThrownBy(() -> management.setJobRetries(timer.getId(), 0))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("camunda-admin");
    } finally {
      engine.getIdentityService().clearAuthentication();
      grant.removePermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
      authorizations.saveAuthorization(grant);
    }
    assertUnchanged(timer);
  }

  @Test
  void anAdministratorMayOverrideATimerAndTheOverrideIsRecorded() {
    ProcessInstance pi = supervision.supervised();
    Job expiry = timer(pi.getId(), "validityEnds");
    Date before = new Date();

    HttpResponse<String> moved = rest("admin").put("/job/" + expiry.getId() + "/duedate",
        "{\"duedate\": \"2099-12-31T00:00:00.000+0800\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
    HttpResponse<String> executed = rest("admin").post("/job/" + expiry.getId() + "/execute", "");
    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);

    List<UserOperationLogEntry> log = engine.getHistoryService().createUserOperationLogQuery()
        .processInstanceId(pi.getId()).entityType("Job").list();
    assertThat(log).extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getJobId,
            UserOperationLogEntry::getUserId)
        .contains(org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE, expiry.getId(), "admin"),
            org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_EXECUTE, expiry.getId(), "admin"));
    assertThat(log).allSatisfy(entry -> assertThat(entry.getTimestamp()).isAfterOrEqualTo(new Date(before.getTime() - 1000)));
  }

  private Job timer(String processInstanceId, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
        .singleResult();
    assertThat(timer).as("timer %s of %s", activityId, processInstanceId).isNotNull();
    return timer;
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(403);
    assertThat(refusalText(response)).containsPattern(CHINESE);
  }

  /** The job exists as before: same due date, retries, not suspended, no exception recorded. */
  private void assertUnchanged(Job before) {
    Job now = management.createJobQuery().jobId(before.getId()).singleResult();
    assertThat(now).as("job %s still exists", before.getId()).isNotNull();
    assertThat(now.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(now.getRetries()).isEqualTo(before.getRetries());
    assertThat(now.isSuspended()).isFalse();
    assertThat(now.getExceptionMessage()).isNull();
  }
}
