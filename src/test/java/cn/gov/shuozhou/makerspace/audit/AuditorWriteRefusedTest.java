package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auditors are strictly read-only: every write path of the engine's API answers 403 to auditor1,
 * on {@code /engine-rest} (HTTP Basic) and on the webapps' own {@code /camunda/api/engine} (Cockpit
 * session with CSRF token), and afterwards nothing in the engine has changed. Each request is one
 * that would succeed for an authorised user (valid ids and bodies), so the 403 is the
 * authorization's answer, not a validation error.
 */
class AuditorWriteRefusedTest extends AbstractAuditTest {

  private static final String AUDITOR = "auditor1";
  private static final Map<Integer, HttpChannel> SESSIONS = new HashMap<>();

  private static final String AUDIT_DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="audit" name="x"
          namespace="http://camunda.org/schema/1.0/dmn" xmlns:camunda="http://camunda.org/schema/1.0/dmn">
        <decision id="first-review-routing" name="x" camunda:historyTimeToLive="180">
          <literalExpression id="e"><text>"auditors"</text></literalExpression>
        </decision>
      </definitions>
      """;

  /** Every write: label, method, path (with placeholders), body. */
  static final List<Write> WRITES = List.of(
      // process definitions
      new Write("start an application", "POST", "/process-definition/key/maker-space-certification/start",
          "{\"variables\":{}}"),
      new Write("submit the start form", "POST", "/process-definition/{definition}/submit-form",
          "{\"variables\":{}}"),
      new Write("suspend a process definition", "PUT", "/process-definition/{definition}/suspended",
          "{\"suspended\":true,\"includeProcessInstances\":true}"),
      new Write("suspend definitions by key", "PUT", "/process-definition/key/maker-space-certification/suspended",
          "{\"suspended\":true,\"includeProcessInstances\":true}"),
      new Write("delete a process definition", "DELETE", "/process-definition/{definition}?cascade=true", null),
      new Write("change history time to live", "PUT", "/process-definition/{definition}/history-time-to-live",
          "{\"historyTimeToLive\":1}"),
      new Write("restart a finished instance", "POST", "/process-definition/{definition}/restart",
          "{\"processInstanceIds\":[\"{finished}\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
              + "\"activityId\":\"firstReview\"}]}"),
      // process instances
      new Write("set a process variable", "PUT", "/process-instance/{running}/variables/county",
          "{\"value\":\"pinglu\",\"type\":\"String\"}"),
      new Write("modify process variables", "POST", "/process-instance/{running}/variables",
          "{\"modifications\":{\"auditNote\":{\"value\":\"x\",\"type\":\"String\"}}}"),
      new Write("delete a process variable", "DELETE", "/process-instance/{running}/variables/county", null),
      new Write("set variables asynchronously", "POST", "/process-instance/variables-async",
          "{\"processInstanceIds\":[\"{running}\"],\"variables\":{\"auditNote\":{\"value\":\"x\"}}}"),
      new Write("suspend a process instance", "PUT", "/process-instance/{running}/suspended",
          "{\"suspended\":true}"),
      new Write("suspend instances by definition key", "PUT", "/process-instance/suspended",
          "{\"processDefinitionKey\":\"maker-space-certification\",\"suspended\":true}"),
      new Write("delete a process instance", "DELETE", "/process-instance/{running}", null),
      new Write("delete instances asynchronously", "POST", "/process-instance/delete",
          "{\"processInstanceIds\":[\"{running}\"],\"deleteReason\":\"x\"}"),
      new Write("modify a process instance", "POST", "/process-instance/{running}/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"firstReview\"}]}"),
      new Write("modify a process instance asynchronously", "POST",
          "/process-instance/{running}/modification-async",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"firstReview\"}]}"),
      new Write("modify instances (batch)", "POST", "/modification/execute",
          "{\"processDefinitionId\":\"{definition}\",\"processInstanceIds\":[\"{running}\"],"
              + "\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"firstReview\"}]}"),
      new Write("migrate instances", "POST", "/migration/execute",
          "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{definition}\",\"targetProcessDefinitionId\":"
              + "\"{definition}\",\"instructions\":[{\"sourceActivityIds\":[\"firstReview\"],"
              + "\"targetActivityIds\":[\"firstReview\"]}]},\"processInstanceIds\":[\"{running}\"]}"),
      new Write("set job retries of instances", "POST", "/process-instance/job-retries",
          "{\"processInstances\":[\"{notice}\"],\"retries\":5}"),
      new Write("update a process instance comment", "PUT", "/process-instance/{running}/comment",
          "{\"id\":\"{taskComment}\",\"message\":\"x\"}"),
      new Write("delete a process instance comment", "DELETE",
          "/process-instance/{running}/comment/{taskComment}", null),
      new Write("delete all process instance comments", "DELETE", "/process-instance/{running}/comment", null),
      // executions
      new Write("trigger a message subscription", "POST",
          "/execution/{execution}/messageSubscriptions/PublicNoticeObjection/trigger",
          "{\"variables\":{\"objectionText\":{\"value\":\"x\"},\"objectorName\":{\"value\":\"x\"},"
              + "\"objectorPhone\":{\"value\":\"13800001111\"}}}"),
      new Write("set an execution variable", "PUT", "/execution/{execution}/localVariables/auditNote",
          "{\"value\":\"x\",\"type\":\"String\"}"),
      new Write("create an incident", "POST", "/execution/{taskExecution}/create-incident",
          "{\"incidentType\":\"audit\",\"message\":\"x\"}"),
      // tasks
      new Write("claim a task", "POST", "/task/{task}/claim", "{\"userId\":\"auditor1\"}"),
      new Write("unclaim a task", "POST", "/task/{task}/unclaim", null),
      new Write("complete a task", "POST", "/task/{task}/complete",
          "{\"variables\":{\"firstReviewDecision\":{\"value\":\"approve\"}}}"),
      new Write("submit a task form", "POST", "/task/{task}/submit-form",
          "{\"variables\":{\"firstReviewDecision\":{\"value\":\"approve\"}}}"),
      new Write("assign a task", "POST", "/task/{task}/assignee", "{\"userId\":\"auditor1\"}"),
      new Write("delegate a task", "POST", "/task/{task}/delegate", "{\"userId\":\"auditor1\"}"),
      new Write("set a task variable", "PUT", "/task/{task}/variables/auditNote",
          "{\"value\":\"x\",\"type\":\"String\"}"),
      new Write("modify task local variables", "POST", "/task/{task}/localVariables",
          "{\"modifications\":{\"auditNote\":{\"value\":\"x\",\"type\":\"String\"}}}"),
      new Write("update a task", "PUT", "/task/{task}",
          "{\"name\":\"初审\",\"priority\":99,\"assignee\":\"auditor1\"}"),
      new Write("add a candidate group", "POST", "/task/{task}/identity-links",
          "{\"groupId\":\"auditors\",\"type\":\"candidate\"}"),
      new Write("remove a candidate group", "POST", "/task/{task}/identity-links/delete",
          "{\"groupId\":\"county-shuocheng\",\"type\":\"candidate\"}"),
      new Write("comment on a task", "POST", "/task/{task}/comment/create", "{\"message\":\"审计人员评论\"}"),
      new Write("attach a file to a task", "POST", "/task/{task}/attachment/create",
          HttpChannel.multipart("content", "note.txt", "x", "attachment-name", "note.txt",
              "attachment-description", "x", "attachment-type", "text/plain")),
      new Write("throw a BPMN error on a task", "POST", "/task/{task}/bpmnError",
          "{\"errorCode\":\"audit\"}"),
      new Write("create a task", "POST", "/task/create", "{\"id\":\"auditTask\",\"name\":\"x\"}"),
      new Write("delete a task", "DELETE", "/task/{standaloneTask}", null),
      new Write("update a task comment", "PUT", "/task/{task}/comment",
          "{\"id\":\"{taskComment}\",\"message\":\"x\"}"),
      new Write("delete a task comment", "DELETE", "/task/{task}/comment/{taskComment}", null),
      new Write("delete all task comments", "DELETE", "/task/{task}/comment", null),
      // messages and signals
      new Write("correlate a message", "POST", "/message",
          "{\"messageName\":\"PublicNoticeObjection\",\"businessKey\":\"{noticeKey}\",\"processVariables\":"
              + "{\"objectionText\":{\"value\":\"审计测试\"},\"objectorName\":{\"value\":\"审计\"},"
              + "\"objectorPhone\":{\"value\":\"13800001111\"}}}"),
      new Write("throw a signal", "POST", "/signal", "{\"name\":\"auditSignal\"}"),
      new Write("evaluate start conditions", "POST", "/condition",
          "{\"variables\":{\"auditNote\":{\"value\":\"x\"}}}"),
      new Write("fetch and lock external tasks", "POST", "/external-task/fetchAndLock",
          "{\"workerId\":\"auditor\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"audit\","
              + "\"lockDuration\":10000}]}"),
      // jobs
      new Write("set job retries", "PUT", "/job/{job}/retries", "{\"retries\":7}"),
      new Write("set job retries (batch)", "POST", "/job/retries",
          "{\"jobIds\":[\"{job}\"],\"retries\":7}"),
      new Write("execute a job", "POST", "/job/{job}/execute", null),
      new Write("change a job due date", "PUT", "/job/{job}/duedate",
          "{\"duedate\":\"2030-01-01T00:00:00.000+0800\"}"),
      new Write("suspend a job", "PUT", "/job/{job}/suspended", "{\"suspended\":true}"),
      new Write("change a job priority", "PUT", "/job/{job}/priority", "{\"priority\":99}"),
      new Write("delete a job", "DELETE", "/job/{job}", null),
      new Write("suspend a job definition", "PUT", "/job-definition/{jobDefinition}/suspended",
          "{\"suspended\":true,\"includeJobs\":true}"),
      new Write("set job definition retries", "PUT", "/job-definition/{jobDefinition}/retries",
          "{\"retries\":7}"),
      new Write("override a job definition priority", "PUT", "/job-definition/{jobDefinition}/jobPriority",
          "{\"priority\":99}"),
      // deployments and decisions
      new Write("deploy a model", "POST", "/deployment/create",
          HttpChannel.multipart("data", "audit.dmn", AUDIT_DMN, "deployment-name", "audit")),
      new Write("delete a deployment", "DELETE", "/deployment/{deployment}?cascade=true", null),
      new Write("redeploy a deployment", "POST", "/deployment/{deployment}/redeploy", "{}"),
      new Write("evaluate a decision", "POST", "/decision-definition/key/first-review-routing/evaluate",
          "{\"variables\":{\"hostType\":{\"value\":\"other\"},\"county\":{\"value\":\"shuocheng\"}}}"),
      new Write("change a decision's history time to live", "PUT",
          "/decision-definition/{decisionDefinition}/history-time-to-live", "{\"historyTimeToLive\":1}"),
      // history
      new Write("delete a historic process instance", "DELETE", "/history/process-instance/{finished}", null),
      new Write("delete historic process instances", "POST", "/history/process-instance/delete",
          "{\"historicProcessInstanceIds\":[\"{finished}\"],\"deleteReason\":\"x\"}"),
      new Write("delete the variables of a historic instance", "DELETE",
          "/history/process-instance/{finished}/variable-instances", null),
      new Write("delete a historic variable", "DELETE", "/history/variable-instance/{historicVariable}", null),
      new Write("delete historic decision instances", "POST", "/history/decision-instance/delete",
          "{\"historicDecisionInstanceIds\":[\"{decisionInstance}\"],\"deleteReason\":\"x\"}"),
      new Write("set a removal time", "POST", "/history/process-instance/set-removal-time",
          "{\"absoluteRemovalTime\":\"2030-01-01T00:00:00.000+0800\",\"historicProcessInstanceIds\":"
              + "[\"{finished}\"]}"),
      new Write("run history cleanup", "POST", "/history/cleanup?immediatelyDue=true", null),
      new Write("annotate an operation log entry", "PUT", "/history/user-operation/{operation}/set-annotation",
          "{\"annotation\":\"x\"}"),
      new Write("clear an operation log annotation", "PUT",
          "/history/user-operation/{operation}/clear-annotation", null),
      // identity, authorizations, filters
      new Write("create a user", "POST", "/user/create",
          "{\"profile\":{\"id\":\"auditfake\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.cn\"},"
              + "\"credentials\":{\"password\":\"Audit-Secret-1\"}}"),
      new Write("delete another user", "DELETE", "/user/operator2", null),
      new Write("change another user's profile", "PUT", "/user/operator2/profile",
          "{\"id\":\"operator2\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.cn\"}"),
      new Write("change another user's password", "PUT", "/user/operator2/credentials",
          "{\"password\":\"Audit-Secret-1\",\"authenticatedUserPassword\":\"auditor1\"}"),
      new Write("change the own profile", "PUT", "/user/auditor1/profile",
          "{\"id\":\"auditor1\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.cn\"}"),
      new Write("delete the own user", "DELETE", "/user/auditor1", null),
      new Write("unlock another user", "POST", "/user/operator2/unlock", null),
      new Write("create a group", "POST", "/group/create",
          "{\"id\":\"auditfake\",\"name\":\"x\",\"type\":\"WORKFLOW\"}"),
      new Write("rename a group", "PUT", "/group/auditors",
          "{\"id\":\"auditors\",\"name\":\"x\",\"type\":\"WORKFLOW\"}"),
      new Write("delete a group", "DELETE", "/group/operators", null),
      new Write("join camunda-admin", "PUT", "/group/camunda-admin/members/auditor1", null),
      new Write("leave auditors", "DELETE", "/group/auditors/members/auditor1", null),
      new Write("create an authorization", "POST", "/authorization/create",
          "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"auditor1\",\"resourceType\":0,"
              + "\"resourceId\":\"*\"}"),
      new Write("change an authorization", "PUT", "/authorization/{authorization}",
          "{\"permissions\":[\"ALL\"],\"groupId\":\"auditors\",\"resourceType\":6,\"resourceId\":\"*\"}"),
      new Write("delete an authorization", "DELETE", "/authorization/{authorization}", null),
      new Write("create a tenant", "POST", "/tenant/create", "{\"id\":\"auditfake\",\"name\":\"x\"}"),
      new Write("create a filter", "POST", "/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"x\",\"owner\":\"auditor1\",\"query\":{}}"),
      new Write("change a filter", "PUT", "/filter/{filter}",
          "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}"),
      new Write("delete a filter", "DELETE", "/filter/{filter}", null));

  static Stream<Arguments> writes() {
    List<Arguments> cases = new ArrayList<>();
    for (String channel : List.of("engine-rest", "webapp")) {
      for (Write write : WRITES) {
        cases.add(Arguments.of(channel, write));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("writes")
  void auditorIsRefusedAndNothingChanges(String channelName, Write write) {
    HttpChannel channel = "webapp".equals(channelName) ? webappSession() : HttpChannel.engineRest(port, AUDITOR);
    Map<String, Object> before = EngineState.of(engine);

    HttpResponse<String> response = channel.send(resolve(write.path()), write.method(), resolve(write.body()));

    Map<String, Object> after = EngineState.of(engine);

    assertThat(response.statusCode()).as("%s %s %s: %s", write.method(), write.path(), channel,
        abbreviate(response.body())).isEqualTo(403);
    assertThat(EngineState.difference(before, after)).as("what changed after %s", write.label()).isEmpty();
  }

  /** One Cockpit login of the auditor per application (the session and its CSRF token stay valid). */
  private HttpChannel webappSession() {
    synchronized (SESSIONS) {
      return SESSIONS.computeIfAbsent(port, p -> HttpChannel.webapp(p, AUDITOR));
    }
  }

  @Test
  void theWebappSetupOfAFirstAdministratorIsRefused() {
    HttpChannel session = HttpChannel.webapp(port, AUDITOR);
    Map<String, Object> before = EngineState.of(engine);

    HttpResponse<String> response = session.sendAbsolute("/camunda/api/admin/setup/default/user/create", "POST",
        "{\"profile\":{\"id\":\"auditfake\",\"firstName\":\"x\",\"lastName\":\"y\"},"
            + "\"credentials\":{\"password\":\"Audit-Secret-1\"}}", "application/json");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(EngineState.difference(before, EngineState.of(engine))).isEmpty();
  }

  @Test
  void theAuditorMayStillChangeTheOwnPassword() {
    try {
      HttpResponse<String> response = HttpChannel.engineRest(port, AUDITOR).send("/user/auditor1/credentials",
          "PUT", "{\"password\":\"Audit-Secret-2026\",\"authenticatedUserPassword\":\"auditor1\"}");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(engine.getIdentityService().checkPassword("auditor1", "Audit-Secret-2026")).isTrue();
    } finally {
      var user = engine.getIdentityService().createUserQuery().userId("auditor1").singleResult();
      user.setPassword("auditor1");
      engine.getIdentityService().saveUser(user);
    }
  }

  @Test
  void everyWriteIsListedOnce() {
    assertThat(WRITES).extracting(Write::label).doesNotHaveDuplicates();
    assertThat(WRITES).hasSizeGreaterThan(70);
  }

  private static String abbreviate(String text) {
    return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
  }

  private String resolve(String template) {
    if (template == null) {
      return null;
    }
    String text = template;
    for (Map.Entry<String, String> placeholder : placeholders().entrySet()) {
      text = text.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
    }
    return text;
  }

  private Map<String, String> placeholders() {
    var history = engine.getHistoryService();
    Map<String, String> values = new HashMap<>();
    values.put("definition", data.definitionId());
    values.put("running", data.runningId());
    values.put("finished", data.finishedId());
    values.put("notice", data.noticeId());
    values.put("noticeKey", data.noticeKey());
    values.put("task", data.taskId());
    values.put("taskComment", data.taskCommentId());
    values.put("standaloneTask", data.standaloneTaskId());
    values.put("taskExecution", engine.getTaskService().createTaskQuery().taskId(data.taskId()).singleResult()
        .getExecutionId());
    values.put("job", data.timerJobId());
    values.put("jobDefinition", engine.getManagementService().createJobQuery().jobId(data.timerJobId())
        .singleResult().getJobDefinitionId());
    values.put("execution", engine.getRuntimeService().createEventSubscriptionQuery()
        .processInstanceId(data.noticeId()).eventName("PublicNoticeObjection").singleResult().getExecutionId());
    values.put("deployment", engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(data.definitionId()).singleResult().getDeploymentId());
    values.put("decisionDefinition", engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("first-review-routing").latestVersion().singleResult().getId());
    values.put("decisionInstance", history.createHistoricDecisionInstanceQuery()
        .processInstanceId(data.finishedId()).list().get(0).getId());
    values.put("historicVariable", history.createHistoricVariableInstanceQuery()
        .processInstanceId(data.finishedId()).variableName("county").singleResult().getId());
    UserOperationLogEntry entry = history.createUserOperationLogQuery().processInstanceId(data.finishedId())
        .list().get(0);
    values.put("operation", entry.getOperationId());
    values.put("authorization", engine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn("auditors").list().get(0).getId());
    values.put("filter", engine.getFilterService().createFilterQuery().list().get(0).getId());
    return values;
  }

  /** One write request of the matrix. */
  record Write(String label, String method, String path, String body) {
    @Override
    public String toString() {
      return label + " (" + method + " " + path + ")";
    }
  }
}
