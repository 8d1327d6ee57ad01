package cn.gov.shuozhou.makerspace.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hearing before a revocation (Art. 8–10) through the real doors, as the real roles: the city
 * bureau proposes in its task, the operator states its case in its own task, only the bureau
 * leaders decide. Bad input is refused with 400 naming the field; another role's attempt with 403;
 * neither changes anything.
 */
class SanctionHearingHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPERATOR = "operator1";

  @Autowired CertificateRegistry certificates;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DecisionRecords decisions;

  @Test
  void theCityBureauProposesTheOperatorIsHeardAndOnlyTheLeadersRevoke() throws Exception {
    String number = SupervisedSpaces.start(runtime, certificates, OPERATOR);
    HttpResponse<String> reported = api("city1", "/api/violation-reports", Map.of(
        SupervisionProcess.CERTIFICATE_NUMBER, number, SupervisionProcess.VIOLATION_DESCRIPTION, "以众创空间名义非法集资"));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    Task decide = task(number, SupervisionProcess.TASK_SANCTION);
    assertThat(complete("city1", decide, Map.of(SupervisionProcess.SANCTION, "revoke",
        SupervisionProcess.SANCTION_NOTE, "情节严重，建议取消称号")).statusCode()).isEqualTo(204);
    assertThat(certificates.find(number).orElseThrow().status()).as("a proposal revokes nothing").isEqualTo(CertificateStatus.VALID);

    // the operator sees its 陈述申辩 with the notice; nobody else does
    Task statement = task(number, SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(ids(rest(OPERATOR).get("/task?taskDefinitionKey=submitStatement&processInstanceBusinessKey=" + number)))
        .containsExactly(statement.getId());
    assertThat(ids(rest("city1").get("/task?taskDefinitionKey=submitStatement&processInstanceBusinessKey=" + number))).isEmpty();
    JsonNode notice = JSON.readTree(rest(OPERATOR).get("/task/" + statement.getId() + "/variables/"
        + SanctionHearing.NOTICE_TEXT).body());
    assertThat(notice.get("value").asText()).contains("第十条").contains("取消朔州市众创空间称号").contains("以众创空间名义非法集资");

    HttpResponse<String> noText = complete(OPERATOR, statement, Map.of(SanctionHearing.STATEMENT_WAIVED, false));
    assertRefused(noText, SanctionHearing.STATEMENT_TEXT);
    HttpResponse<String> smuggled = complete(OPERATOR, statement, Map.of(SanctionHearing.STATEMENT_WAIVED, true,
        SanctionHearing.LEADER_DECISION, SanctionHearing.REJECT));
    assertRefused(smuggled, SanctionHearing.LEADER_DECISION);
    assertThat(complete("city1", statement, Map.of(SanctionHearing.STATEMENT_WAIVED, true)).statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(statement.getId()).count()).as("refusals change nothing").isEqualTo(1);
    assertThat(complete(OPERATOR, statement, Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "所涉资金为股东借款，不属于集资")).statusCode()).isEqualTo(204);

    // the leaders' task: the city bureau and the operator can neither see nor do it
    Task leaders = task(number, SanctionHearing.TASK_LEADER_DECISION);
    Map<String, Object> approve = Map.of(SanctionHearing.LEADER_DECISION, SanctionHearing.APPROVE,
        SanctionHearing.LEADER_COMMENT, "经审查陈述申辩理由不成立，同意取消称号");
    for (String user : new String[] {"city1", OPERATOR}) {
      assertThat(ids(rest(user).get("/task?taskDefinitionKey=leaderSanctionDecision&processInstanceBusinessKey=" + number)))
          .as(user).isEmpty();
      HttpResponse<String> refused = complete(user, leaders, approve);
      assertThat(refused.statusCode()).as("%s: %s", user, refused.body()).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).get("detail").asText()).containsPattern("[\\u4e00-\\u9fa5]");
    }
    assertThat(certificates.find(number).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    JsonNode inView = JSON.readTree(rest("leader1").get("/task/" + leaders.getId() + "/variables/"
        + SanctionHearing.STATEMENT_TEXT).body());
    assertThat(inView.get("value").asText()).isEqualTo("所涉资金为股东借款，不属于集资");
    assertRefused(complete("leader1", leaders, Map.of(SanctionHearing.LEADER_DECISION, "revoke",
        SanctionHearing.LEADER_COMMENT, "取消")), SanctionHearing.LEADER_DECISION);
    assertThat(complete("leader1", leaders, approve).statusCode()).isEqualTo(204);

    SupervisedSpaces.awaitRevoked(certificates, number);
    assertThat(decisions.forCase(number)).singleElement().satisfies(r -> {
      assertThat(r.proposedBy()).isEqualTo("city1");
      assertThat(r.statement()).isEqualTo("所涉资金为股东借款，不属于集资");
      assertThat(r.decidedBy()).isEqualTo("leader1");
      assertThat(r.leaderDecision()).isEqualTo(SanctionHearing.APPROVE);
    });
  }

  @Test
  void falseMaterialsOfAnExpiredTitleAreStillReviewedButAViolationIsNot() throws Exception {
    String number = SupervisedSpaces.start(runtime, certificates, OPERATOR);
    // the title expired and its supervision ended (retried: in December the job executor may be
    // firing the year's report window of this very instance)
    String supervision = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    for (int attempt = 1; ; attempt++) {
      try {
        runtime.deleteProcessInstance(supervision, "test: supervision ended with the title");
        break;
      } catch (org.camunda.bpm.engine.OptimisticLockingException busy) {
        if (attempt == 5) {
          throw busy;
        }
      }
    }
    certificates.close(number, CertificateStatus.EXPIRED, "EXPIRED", "有效期届满", java.time.LocalDate.now());

    HttpResponse<String> violation = api("city1", "/api/violation-reports", Map.of(
        SupervisionProcess.CERTIFICATE_NUMBER, number, SupervisionProcess.VIOLATION_DESCRIPTION, "擅自改变场地用途"));
    assertThat(violation.statusCode()).as(violation.body()).isEqualTo(404);
    assertThat(JSON.readTree(violation.body()).get("detail").asText()).contains("只受理虚假材料举报");
    HttpResponse<String> byOperator = api(OPERATOR, "/api/false-materials-reports", Map.of(
        SupervisionProcess.CERTIFICATE_NUMBER, number, SupervisionProcess.REPORT_TEXT, "举报内容"));
    assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();

    HttpResponse<String> reported = api("city1", "/api/false-materials-reports", Map.of(
        SupervisionProcess.CERTIFICATE_NUMBER, number, SupervisionProcess.REPORT_TEXT, "当年申报的入驻团队系虚构"));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    assertThat(JSON.readTree(reported.body()).get("certificateNumber").asText()).isEqualTo(number);
    Task review = task(number, SupervisionProcess.TASK_FALSE_MATERIALS);
    assertThat(ids(rest("city1").get("/task?taskDefinitionKey=reviewFalseMaterials&processInstanceBusinessKey=" + number)))
        .containsExactly(review.getId());
    assertThat(ids(rest(OPERATOR).get("/task?processInstanceBusinessKey=" + number))).isEmpty();
    assertThat(complete("city1", review, Map.of(SupervisionProcess.FALSE_MATERIALS_CONFIRMED, true,
        SupervisionProcess.FALSE_MATERIALS_FINDING, "经核实团队从未入驻")).statusCode()).isEqualTo(204);
    assertThat(task(number, SanctionHearing.TASK_SUBMIT_STATEMENT).getAssignee()).isEqualTo(OPERATOR);
  }

  private Task task(String number, String key) {
    return SupervisedSpaces.task(tasks, number, key);
  }

  private HttpResponse<String> complete(String user, Task task, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return rest(user).post("/task/" + task.getId() + "/complete", JSON.writeValueAsString(Map.of("variables", variables)));
  }

  private static void assertRefused(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.toString()).contains(field);
    assertThat(body.get("detail").asText()).containsPattern("[\\u4e00-\\u9fa5]");
  }

  private static java.util.List<String> ids(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    java.util.List<String> ids = new java.util.ArrayList<>();
    JSON.readTree(r.body()).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private HttpResponse<String> api(String user, String path, Map<String, String> body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
  }
}
