package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/my/applications} as the real accounts: an organisation sees its own cases with
 * what it must do and why, and the outcome once ended; never another organisation's case, never
 * the staff's reviews; staff accounts, parameters and anonymous callers are refused.
 */
class MyApplicationsHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;

  @Test
  void anOrganisationSeesItsReturnedCaseWithTheReasonAndThenItsOutcome() throws Exception {
    Task supplement = new CertificationDriver(engine).waitingAt(TASK_SUPPLEMENT, "shuocheng");
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(supplement.getProcessInstanceId()).singleResult().getBusinessKey();

    long decisionsBefore = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("required-materials").count();
    HttpResponse<String> mine = api("operator1").get("/api/my/applications");
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("required-materials").count())
        .as("looking at a checklist writes no decision history").isEqualTo(decisionsBefore);
    assertThat(mine.statusCode()).isEqualTo(200);
    JsonNode own = find(mine, number);
    assertThat(own).as("operator1's own case is listed").isNotNull();
    assertThat(own.get("inProgress").asBoolean()).isTrue();
    assertThat(own.get("county").asText()).isEqualTo("朔城区");
    assertThat(own.get("ownTasks").get(0).get("name").asText()).isEqualTo(supplement.getName());
    assertThat(own.get("returnReason").asText()).isNotBlank();
    assertThat(own.get("materials").findValuesAsText("code")).contains("REGISTRATION", "APPLICATION_FORM");
    assertThat(mine.body()).doesNotContain(FIRST_REVIEW_COMMENT).doesNotContain("score").doesNotContain("objector");

    assertThat(find(api("operator2").get("/api/my/applications"), number))
        .as("another organisation never sees it").isNull();

    engine.getTaskService().complete(supplement.getId(), Map.of(WITHDRAWN, true));
    JsonNode ended = find(api("operator1").get("/api/my/applications"), number);
    assertThat(ended.get("inProgress").asBoolean()).isFalse();
    assertThat(ended.get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(ended.get("outcomeReason").asText()).contains("撤回");
    assertThat(ended.get("ownTasks")).isEmpty();
    assertThat(ended.get("returnReason").isNull()).isTrue();
  }

  @Test
  void onlyOrganisationAccountsWithoutParametersAreAnswered() {
    HttpResponse<String> staff = api("city1").get("/api/my/applications");
    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(staff.body()).contains("当前账号未关联运营机构");

    HttpResponse<String> parameter = api("operator1").get("/api/my/applications?creditCode=91140600DM0000002Y");
    assertThat(parameter.statusCode()).isEqualTo(400);
    assertThat(parameter.body()).contains("creditCode").contains("不接受字段");
    for (String page : List.of("0", "-1", "abc", "10001", "1.5")) {
      HttpResponse<String> refused = api("operator1").get("/api/my/applications?page=" + page);
      assertThat(refused.statusCode()).as(page).isEqualTo(400);
      assertThat(refused.body()).as(page).contains("\"page\"").contains("页码");
    }

    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/my/applications"))
        .header("Accept", "application/json").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  /** An organisation's long history: 20 cases a page, newest first, each case on exactly one page. */
  @Test
  void aLongHistoryIsListedTwentyAPageNewestFirst() throws Exception {
    CertificationDriver driver = new CertificationDriver(engine);
    List<String> filed = new ArrayList<>();
    String owner = null;
    try {
      for (int i = 1; i <= 23; i++) {
        CertificationDriver.fixClock(CertificationDriver.MONDAY_MORNING.plusMinutes(i));
        Map<String, Object> application = CertificationDriver.namedApplication("分页第" + i + "号众创空间");
        application.put(CREDIT_CODE, CertificationDriver.creditCode(47, 1));
        owner = driver.applicantOf(application);
        filed.add(0, driver.apply(application).getBusinessKey());
      }
    } finally {
      CertificationDriver.resetClock();
    }

    JsonNode first = JSON.readTree(api(owner).get("/api/my/applications").body());
    JsonNode second = JSON.readTree(api(owner).get("/api/my/applications?page=2").body());
    JsonNode beyond = JSON.readTree(api(owner).get("/api/my/applications?page=3").body());
    assertThat(first.get("total").asLong()).isEqualTo(23);
    assertThat(first.get("pageSize").asInt()).isEqualTo(20);
    assertThat(first.get("creditCode").asText()).as("the account's own code, which 在线申报 fills in")
        .isEqualTo(CertificationDriver.creditCode(47, 1));
    assertThat(first.get("applicationDefaults").get("creditCode").asText()).isEqualTo(CertificationDriver.creditCode(47, 1));
    assertThat(first.get("applicationDefaults").get("operatorName").asText()).as("the account's organisation")
        .isNotBlank();
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(first.get("applications").findValuesAsText("applicationNumber")).containsExactlyElementsOf(filed.subList(0, 20));
    assertThat(second.get("applications").findValuesAsText("applicationNumber")).containsExactlyElementsOf(filed.subList(20, 23));
    assertThat(beyond.get("applications")).isEmpty();
  }

  private static JsonNode find(HttpResponse<String> response, String number) throws Exception {
    for (JsonNode application : JSON.readTree(response.body()).get("applications")) {
      if (number.equals(application.get("applicationNumber").asText())) {
        return application;
      }
    }
    return null;
  }
}
