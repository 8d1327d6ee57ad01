package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.support.Applications;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integrators report violations and false materials over {@code POST /engine-rest/message}: a
 * report without its text is refused with 400 and a Chinese field message; a report for a
 * certificate whose supervision has ended (or never existed) gets 404 with a Chinese explanation,
 * never a stack trace.
 */
class SupervisionMessageHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CertificateRegistry certificates;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void reportsReachARunningSupervisionAndGetAClearChineseAnswerAfterItsEnd() throws Exception {
    String number = startSupervision();

    HttpResponse<String> noText = rest("city1").post("/message", message(SupervisionProcess.MESSAGE_VIOLATION, number,
        Map.of()));
    assertThat(noText.statusCode()).as(noText.body()).isEqualTo(400);
    assertThat(JSON.readTree(noText.body()).get("errors").findValuesAsText("field"))
        .containsExactly(SupervisionProcess.VIOLATION_DESCRIPTION);

    HttpResponse<String> report = rest("city1").post("/message", message(SupervisionProcess.MESSAGE_FALSE_MATERIALS, number,
        Map.of(SupervisionProcess.REPORT_TEXT, "申报场地面积虚报")));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(204);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(SupervisionProcess.TASK_FALSE_MATERIALS).singleResult();
    tasks.complete(review.getId(), Map.of(SupervisionProcess.FALSE_MATERIALS_CONFIRMED, true,
        SupervisionProcess.FALSE_MATERIALS_FINDING, "经复测面积不足申报的一半"));
    awaitEnd(number);
    assertThat(certificates.find(number).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);

    HttpResponse<String> afterEnd = rest("city1").post("/message", message(SupervisionProcess.MESSAGE_VIOLATION, number,
        Map.of(SupervisionProcess.VIOLATION_DESCRIPTION, "仍在以众创空间名义招商")));
    assertNotDeliverable(afterEnd);

    HttpResponse<String> unknown = rest("city1").post("/message", message(SupervisionProcess.MESSAGE_FALSE_MATERIALS,
        "SZZC-1999-001", Map.of(SupervisionProcess.REPORT_TEXT, "举报内容")));
    assertNotDeliverable(unknown);
  }

  private static void assertNotDeliverable(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("type").asText()).isEqualTo("MismatchingMessageCorrelationException");
    assertThat(body.get("message").asText()).contains("年度管理").doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** A certificate in the registry and its supervision, as the certification's last two steps leave them. */
  private String startSupervision() {
    LocalDate today = EngineClock.today();
    String code = Applications.newCreditCode();
    String applicationNumber = "SQ-HTTP-" + UUID.randomUUID();
    Certificate c = certificates.issue(new Certificate(null, applicationNumber, code, "朔州市众创孵化有限公司",
        "应县创客空间", "yingxian", "operator2", today, today.plusYears(3).minusDays(1), null, null, null, null,
        "http-test"));
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
    return c.certificateNumber();
  }

  /** The job executor (on in this context) runs the asynchronous steps: the ban and the revocation. */
  private void awaitEnd(String number) throws InterruptedException {
    String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    for (int i = 0; i < 300; i++) {
      if (history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("supervision " + number + " did not end: jobs "
        + management.createJobQuery().processInstanceId(id).list());
  }

  private static String message(String name, String businessKey, Map<String, String> variables) throws Exception {
    Map<String, Object> processVariables = new HashMap<>();
    variables.forEach((k, v) -> processVariables.put(k, Map.of("value", v, "type", "String")));
    Map<String, Object> body = new HashMap<>();
    body.put("messageName", name);
    body.put("businessKey", businessKey);
    body.put("processVariables", processVariables);
    return JSON.writeValueAsString(body);
  }
}
