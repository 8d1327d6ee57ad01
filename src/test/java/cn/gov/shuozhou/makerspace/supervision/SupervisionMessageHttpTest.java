package cn.gov.shuozhou.makerspace.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The city bureau reports false materials and violations with the application API's commands
 * ({@code POST /api/false-materials-reports}, {@code /api/violation-reports}); the server correlates
 * the supervision's message and records who reported what. Bad input: 400 naming the field; a
 * certificate whose supervision has ended (or never existed): 404 in Chinese; other roles: 403;
 * the engine's own message endpoint is closed to the bureau. Nothing changes on a refusal.
 */
class SupervisionMessageHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FALSE_MATERIALS = "/api/false-materials-reports";
  private static final String VIOLATIONS = "/api/violation-reports";

  @Autowired CertificateRegistry certificates;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reportsReachARunningSupervisionAndGetAClearChineseAnswerAfterItsEnd() throws Exception {
    String[] space = startSupervision();
    String number = space[0];

    HttpResponse<String> noText = post("city1", VIOLATIONS, Map.of(SupervisionProcess.CERTIFICATE_NUMBER, number));
    assertThat(noText.statusCode()).as(noText.body()).isEqualTo(400);
    assertThat(JSON.readTree(noText.body()).get("errors").findValuesAsText("field"))
        .containsExactly(SupervisionProcess.VIOLATION_DESCRIPTION);

    HttpResponse<String> report = post("city1", FALSE_MATERIALS, Map.of(SupervisionProcess.APPLICATION_NUMBER, space[1],
        SupervisionProcess.REPORT_TEXT, "申报场地面积虚报"));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    assertThat(JSON.readTree(report.body()).get("certificateNumber").asText()).isEqualTo(number);
    assertThat(jdbc.queryForMap("SELECT kind, reported_by, report_text FROM ms_supervision_report WHERE report_id = ?",
        JSON.readTree(report.body()).get("reportId").asText()))
        .containsEntry("KIND", "FALSE_MATERIALS").containsEntry("REPORTED_BY", "city1")
        .containsEntry("REPORT_TEXT", "申报场地面积虚报");
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(SupervisionProcess.TASK_FALSE_MATERIALS).singleResult();
    assertThat(tasks.getVariables(review.getId())).containsEntry(SupervisionProcess.REPORT_TEXT, "申报场地面积虚报");
    tasks.complete(review.getId(), Map.of(SupervisionProcess.FALSE_MATERIALS_CONFIRMED, true,
        SupervisionProcess.FALSE_MATERIALS_FINDING, "经复测面积不足申报的一半"));
    // the finding is a proposal: the operator waives its statement, the leaders approve (Art. 9)
    tasks.complete(hearingTask(number, SanctionHearing.TASK_SUBMIT_STATEMENT).getId(),
        Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    tasks.complete(hearingTask(number, SanctionHearing.TASK_LEADER_DECISION).getId(), Map.of(
        SanctionHearing.LEADER_DECISION, SanctionHearing.APPROVE, SanctionHearing.LEADER_COMMENT, "同意"));
    awaitEnd(number);
    assertThat(certificates.find(number).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);

    long reports = reports();
    assertNothingToReportOn(post("city1", VIOLATIONS, Map.of(SupervisionProcess.CERTIFICATE_NUMBER, number,
        SupervisionProcess.VIOLATION_DESCRIPTION, "仍在以众创空间名义招商")));
    assertNothingToReportOn(post("city1", FALSE_MATERIALS, Map.of(SupervisionProcess.CERTIFICATE_NUMBER, "SZZC-1999-001",
        SupervisionProcess.REPORT_TEXT, "举报内容")));
    assertThat(reports()).isEqualTo(reports);
  }

  @Test
  void aViolationReportStartsTheBureausDecisionAndOnlyTheBureauMayReport() throws Exception {
    String number = startSupervision()[0];
    Map<String, String> body = Map.of(SupervisionProcess.CERTIFICATE_NUMBER, number,
        SupervisionProcess.VIOLATION_DESCRIPTION, "擅自改变场地用途");
    long reports = reports();

    for (String user : List.of("operator1", "shuocheng1", "auditor1", "ruleadmin1", "leader1")) {
      HttpResponse<String> refused = post(user, VIOLATIONS, body);
      assertThat(refused.statusCode()).as("%s: %s", user, refused.body()).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("市科技局");
    }
    Map<String, Object> engineMessage = Map.of("messageName", SupervisionProcess.MESSAGE_VIOLATION, "businessKey", number,
        "processVariables", Map.of(SupervisionProcess.VIOLATION_DESCRIPTION, Map.of("value", "擅自改变场地用途", "type", "String")));
    HttpResponse<String> direct = send(request("city1", ENGINE_REST + "/message", JSON.writeValueAsString(engineMessage)));
    assertThat(direct.statusCode()).as("the engine's message endpoint: %s", direct.body()).isEqualTo(403);
    Map<String, String> unknownField = new HashMap<>(body);
    unknownField.put(SupervisionProcess.SANCTION, "warning");
    HttpResponse<String> injected = post("city1", VIOLATIONS, unknownField);
    assertThat(injected.statusCode()).as(injected.body()).isEqualTo(400);
    assertThat(JSON.readTree(injected.body()).get("errors").findValuesAsText("field")).containsExactly(SupervisionProcess.SANCTION);
    assertThat(reports()).isEqualTo(reports);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(SupervisionProcess.TASK_SANCTION).count()).isZero();

    HttpResponse<String> filed = post("city1", VIOLATIONS, body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(SupervisionProcess.TASK_SANCTION).count()).isEqualTo(1);
    assertThat(reports()).isEqualTo(reports + 1);

    HttpResponse<String> both = post("city1", FALSE_MATERIALS, Map.of(SupervisionProcess.CERTIFICATE_NUMBER, number,
        SupervisionProcess.APPLICATION_NUMBER, "SQ-X", SupervisionProcess.REPORT_TEXT, "举报内容"));
    assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
    HttpResponse<String> neither = post("city1", FALSE_MATERIALS, Map.of(SupervisionProcess.REPORT_TEXT, "举报内容"));
    assertThat(neither.statusCode()).as(neither.body()).isEqualTo(400);
    assertThat(JSON.readTree(neither.body()).get("errors").findValuesAsText("field"))
        .containsExactly(SupervisionProcess.CERTIFICATE_NUMBER);
  }

  private Task hearingTask(String number, String key) {
    return tasks.createTaskQuery().processDefinitionKey(SanctionHearing.KEY).processInstanceBusinessKey(number)
        .taskDefinitionKey(key).singleResult();
  }

  private long reports() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_supervision_report", Long.class);
  }

  private static void assertNothingToReportOn(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("detail").asText()).contains("年度管理").doesNotContain("Exception").doesNotContain("\tat ");
  }

  private HttpResponse<String> post(String user, String path, Map<String, String> body) throws Exception {
    return send(request(user, path, JSON.writeValueAsString(body)));
  }

  private HttpRequest.Builder request(String user, String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  /** A certificate in the registry and its supervision, as the certification's last two steps leave them: {number, application}. */
  private String[] startSupervision() {
    LocalDate today = EngineClock.today();
    String code = Applications.newCreditCode();
    String applicationNumber = "SQ-HTTP-" + UUID.randomUUID();
    Certificate c = certificates.issue(new Certification(applicationNumber, new Space(code, "应县创客空间",
        "应县金城镇建设路8号"), "朔州市众创孵化有限公司", "yingxian", "operator2", today, today.plusYears(3).minusDays(1), "http-test"));
    Map<String, Object> vars = new HashMap<>();
    vars.put(SupervisionProcess.CERTIFICATE_NUMBER, c.certificateNumber());
    vars.put(SupervisionProcess.CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    vars.put(SupervisionProcess.VALID_UNTIL, EngineClock.startOf(c.validUntil()));
    vars.put(SupervisionProcess.CREDIT_CODE, code);
    vars.put(SupervisionProcess.OPERATOR_NAME, c.operatorName());
    vars.put(SupervisionProcess.SPACE_NAME, c.spaceName());
    vars.put(SupervisionProcess.COUNTY, c.county());
    vars.put(SupervisionProcess.APPLICANT, "operator2");
    vars.put(SupervisionProcess.CERTIFICATION_INSTANCE_ID, "http-test");
    vars.put(SupervisionProcess.APPLICATION_NUMBER, applicationNumber);
    runtime.startProcessInstanceByKey(SupervisionProcess.KEY, c.certificateNumber(), vars);
    return new String[] {c.certificateNumber(), applicationNumber};
  }

  /** The job executor (on in this context) runs the asynchronous steps: the ban and the revocation. */
  private void awaitEnd(String number) throws InterruptedException {
    String id = history.createHistoricProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
        .processInstanceBusinessKey(number).singleResult().getId();
    for (int i = 0; i < 300; i++) {
      if (history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("supervision " + number + " did not end: jobs "
        + management.createJobQuery().processInstanceId(id).list());
  }
}
