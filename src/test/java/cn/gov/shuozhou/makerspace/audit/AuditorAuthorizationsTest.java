package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defence in depth: even without {@link AuditorReadOnlyFilter}, the engine's authorizations of the
 * group {@code auditors} (identity/RoleAuthorizations) refuse the auditor's writes through the Java
 * API with an {@link AuthorizationException}, and nothing changes. (The engine has no permission
 * for adding task comments or attachments, and a refused job execution still lowers the job's
 * retries: these gaps are closed by the filter, see AuditorWriteRefusedTest.)
 */
class AuditorAuthorizationsTest extends AbstractAuditTest {

  /** One write through the Java API. */
  interface EngineWrite {
    void run(ProcessEngine engine, AuditData data);
  }

  static Stream<Arguments> writes() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "start an application", (e, d) -> e.getRuntimeService()
        .startProcessInstanceByKey("maker-space-certification", CertificationDriver.namedApplication("审计测试空间")));
    add(cases, "claim a task", (e, d) -> e.getTaskService().claim(d.taskId(), "auditor1"));
    add(cases, "complete a task", (e, d) -> e.getTaskService().complete(d.taskId(),
        Map.of("firstReviewDecision", "approve")));
    add(cases, "assign a task", (e, d) -> e.getTaskService().setAssignee(d.taskId(), "auditor1"));
    add(cases, "set a task variable", (e, d) -> e.getTaskService().setVariable(d.taskId(), "auditNote", "x"));
    add(cases, "delete a task", (e, d) -> e.getTaskService().deleteTask(d.standaloneTaskId()));
    add(cases, "set a process variable", (e, d) -> e.getRuntimeService().setVariable(d.runningId(), "county",
        "pinglu"));
    add(cases, "remove a process variable", (e, d) -> e.getRuntimeService().removeVariable(d.runningId(),
        "county"));
    add(cases, "correlate a message", (e, d) -> e.getRuntimeService()
        .createMessageCorrelation("PublicNoticeObjection").processInstanceBusinessKey(d.noticeKey())
        .setVariable("objectionText", "x").setVariable("objectorName", "x")
        .setVariable("objectorPhone", "13800001111").correlate());
    add(cases, "delete a process instance", (e, d) -> e.getRuntimeService().deleteProcessInstance(d.runningId(),
        "x"));
    add(cases, "suspend a process instance", (e, d) -> e.getRuntimeService()
        .suspendProcessInstanceById(d.runningId()));
    add(cases, "suspend a process definition", (e, d) -> e.getRepositoryService()
        .suspendProcessDefinitionById(d.definitionId()));
    add(cases, "modify a process instance", (e, d) -> e.getRuntimeService()
        .createProcessInstanceModification(d.runningId()).cancelAllForActivity("firstReview").execute());
    add(cases, "deploy", (e, d) -> e.getRepositoryService().createDeployment().name("audit")
        .addString("audit.bpmn", org.camunda.bpm.model.bpmn.Bpmn.convertToString(
            org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("audit").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done())).deploy());
    add(cases, "delete a deployment", (e, d) -> e.getRepositoryService().deleteDeployment(
        e.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(d.definitionId())
            .singleResult().getDeploymentId(), true));
    add(cases, "set job retries", (e, d) -> e.getManagementService().setJobRetries(d.timerJobId(), 9));
    add(cases, "change a job due date", (e, d) -> e.getManagementService().setJobDuedate(d.timerJobId(),
        new java.util.Date()));
    add(cases, "delete a historic process instance", (e, d) -> e.getHistoryService()
        .deleteHistoricProcessInstance(d.finishedId()));
    add(cases, "evaluate a decision", (e, d) -> e.getDecisionService().evaluateDecisionByKey("first-review-routing")
        .variables(Map.of("hostType", "other", "county", "shuocheng")).evaluate());
    add(cases, "create a user", (e, d) -> e.getIdentityService().saveUser(e.getIdentityService()
        .newUser("auditfake")));
    add(cases, "create a group", (e, d) -> e.getIdentityService().saveGroup(e.getIdentityService()
        .newGroup("auditfake")));
    add(cases, "join camunda-admin", (e, d) -> e.getIdentityService().createMembership("auditor1",
        Groups.CAMUNDA_ADMIN));
    add(cases, "grant an authorization", (e, d) -> {
      Authorization grant = e.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId("auditor1");
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId("*");
      grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
      e.getAuthorizationService().saveAuthorization(grant);
    });
    add(cases, "create a filter", (e, d) -> e.getFilterService().saveFilter(
        e.getFilterService().newTaskFilter("审计").setOwner("auditor1")));
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String label, EngineWrite write) {
    cases.add(Arguments.of(label, write));
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void theEngineRefusesTheAuditor(String label, EngineWrite write) {
    Map<String, Object> before = EngineState.of(engine);

    engine.getIdentityService().setAuthentication("auditor1", List.of(Groups.AUDITORS));
    try {
      assertThatThrownBy(() -> write.run(engine, data)).as(label).isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(EngineState.difference(before, EngineState.of(engine))).as(label).isEmpty();
  }
}
