package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case page's data and the applicant's tasks on the portal, through the real doors: {@code GET
 * /api/my/applications/{number}}, {@code GET} and {@code POST /api/my/tasks/{taskId}}. The applicant
 * sees its steps with departments and dates, its returns with reasons and articles, and does its
 * supplement and annual report here; staff names, expert votes and objectors never reach it;
 * another organisation's case or task is not found; undeclared fields and bad values are refused
 * with nothing changed.
 */
class MyCaseHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;

  @Test
  void theApplicantSupplementsOnThePortalAndFollowsItsCaseToItsAnnualReport() throws Exception {
    CertificationDriver fixtures = new CertificationDriver(engine);
    Task supplement = fixtures.returnedToAFreshOrganisation("shuocheng");
    String applicant = supplement.getAssignee();
    String instanceId = supplement.getProcessInstanceId();
    String number = number(instanceId);

    // the form is the deployed Camunda Form, prefilled with the application and the reasons
    HttpResponse<String> form = api(applicant).get("/api/my/tasks/" + supplement.getId());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    JsonNode task = JSON.readTree(form.body());
    assertThat(task.at("/form/id").asText()).isEqualTo("form-supplement-application");
    assertThat(task.at("/values/spaceName").asText()).isEqualTo("朔城创客之家");
    assertThat(task.at("/values/eligibilityFindingsText").asText()).contains("第四条");

    ObjectNode answer = writable(task);
    answer.put(ONLINE_SERVICES, true);
    answer.put(DECLARATION_CONFIRMED, true);

    // a computed result is no field of the form: 400 at that field, the task stays open
    ObjectNode forged = answer.deepCopy().put(OUTCOME, "CERTIFIED");
    HttpResponse<String> undeclared = api(applicant).post("/api/my/tasks/" + supplement.getId(), forged.toString());
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(undeclared.body()).contains(OUTCOME).contains("不是任务");
    // a bad value: 400 naming the field, in Chinese
    ObjectNode bad = answer.deepCopy().put(TOTAL_AREA, "很大");
    HttpResponse<String> badValue = api(applicant).post("/api/my/tasks/" + supplement.getId(), bad.toString());
    assertThat(badValue.statusCode()).isEqualTo(400);
    assertThat(badValue.body()).contains(TOTAL_AREA).contains("数字");
    // the pledge unticked (Art. 9): 400 at the pledge, the task stays open
    ObjectNode unpledged = answer.deepCopy().put(DECLARATION_CONFIRMED, false);
    HttpResponse<String> noPledge = api(applicant).post("/api/my/tasks/" + supplement.getId(), unpledged.toString());
    assertThat(noPledge.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noPledge.body()).at("/errors/0/field").asText()).isEqualTo(DECLARATION_CONFIRMED);
    assertThat(noPledge.body()).contains("请勾选承诺");
    // someone else's task is not found, a staff account has no portal
    assertThat(api("operator2").get("/api/my/tasks/" + supplement.getId()).statusCode()).isEqualTo(404);
    assertThat(api("operator2").post("/api/my/tasks/" + supplement.getId(), answer.toString()).statusCode()).isEqualTo(404);
    assertThat(api("shuocheng1").get("/api/my/tasks/" + supplement.getId()).statusCode()).isEqualTo(403);
    assertThat(api(applicant).post("/api/my/tasks/" + supplement.getId() + "?withdrawn=true", answer.toString())
        .statusCode()).as("no query parameters").isEqualTo(400);
    assertThat(openTasks(instanceId)).containsExactly(TASK_SUPPLEMENT);
    assertThat(engine.getRuntimeService().getVariable(instanceId, OUTCOME)).isNull();

    HttpResponse<String> done = api(applicant).post("/api/my/tasks/" + supplement.getId(), answer.toString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(openTasks(instanceId)).containsExactly(TASK_FIRST_REVIEW);

    // staff work on it under their names: the applicant sees departments only
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    fixtures.certify(instanceId);

    HttpResponse<String> page = api(applicant).get("/api/my/applications/" + number);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    JsonNode myCase = JSON.readTree(page.body());
    assertThat(myCase.at("/application/outcome").asText()).isEqualTo("CERTIFIED");
    // what it filed, as its supplement left it; the application's fields only
    assertThat(myCase.at("/filed/spaceName").asText()).isEqualTo("朔城创客之家");
    assertThat(myCase.at("/filed/" + ONLINE_SERVICES).asBoolean()).as("as supplemented").isTrue();
    assertThat(myCase.at("/filed/" + TOTAL_AREA).asDouble()).as("declared, not the inspection's measure").isEqualTo(260.0);
    assertThat(myCase.get("filed").size()).isEqualTo(CertificationProcess.APPLICATION_FIELDS.size());
    assertThat(steps(myCase)).containsSubsequence("补正申请材料@本单位", "初审@朔城区科技局", "专家评审@评审专家组",
        "局务会研究决定@局领导");
    JsonNode returned = myCase.get("requests").get(0);
    assertThat(returned.get("kind").asText()).isEqualTo(TASK_SUPPLEMENT);
    assertThat(returned.at("/notice/eligibilityFindingsText").asText()).contains("第四条");
    assertThat(returned.get("answeredAt").isNull()).isFalse();
    assertThat(myCase.has("letters")).as("the letters have their own door (letters/LettersController)").isFalse();
    assertThat(page.body()).doesNotContain("shuocheng1").doesNotContain("expert1").doesNotContain(SCORE)
        .doesNotContain(RECOMMEND).doesNotContain("inspector").doesNotContain(INSPECTION_TEAM);

    // after certification: the annual report is asked and filed on the portal
    String supervisionId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableName(SUPERVISION_INSTANCE_ID).singleResult().getValue();
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, fixtures);
    Task report = supervision.reportWindowOpened(supervisionId);
    JsonNode listed = mine(applicant, number);
    assertThat(listed.at("/ownTasks/0/taskId").asText()).isEqualTo(report.getId());
    JsonNode reportForm = JSON.readTree(api(applicant).get("/api/my/tasks/" + report.getId()).body());
    assertThat(reportForm.at("/form/id").asText()).isEqualTo("form-submit-annual-report");
    // before the first report, the hints are the certified application's Art. 4 status (as supplemented)
    assertThat(reportForm.at("/previous/source").asText()).isEqualTo("认定申请");
    assertThat(reportForm.at("/previous/values/" + TOTAL_AREA).asDouble()).isEqualTo(260.0);
    assertThat(reportForm.at("/previous/values/" + ONLINE_SERVICES).asBoolean()).isTrue();
    assertThat(reportForm.at("/previous/values/" + PREMISES).asText()).isEqualTo("leased");
    assertThat(reportForm.at("/previous/values").has(SupervisionProcess.TRAINING_SESSIONS)).isFalse();
    assertThat(reportForm.get("values").has(TOTAL_AREA)).as("hints, not values: the fields stay empty").isFalse();
    ObjectNode filed = JSON.valueToTree(SupervisionFixtures.validCompletion(SupervisionProcess.TASK_SUBMIT_REPORT));
    filed.put(TOTAL_AREA, 262.5).put(MENTOR_COUNT, 7);
    HttpResponse<String> reported = api(applicant).post("/api/my/tasks/" + report.getId(), filed.toString());
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
    assertThat(api(applicant).get("/api/my/tasks/" + report.getId()).statusCode())
        .as("a filed report is no task of the applicant").isEqualTo(404);
    JsonNode after = JSON.readTree(api(applicant).get("/api/my/applications/" + number).body());
    assertThat(after.get("requests").findValuesAsText("kind")).contains(SupervisionProcess.TASK_SUBMIT_REPORT);
    assertThat(steps(after)).contains("提交年度工作报告及下年度计划@本单位");

    // the next year's report: the hints are last year's figures and status, its fields empty again
    Task assessment = supervision.await(supervisionId, SupervisionProcess.TASK_ASSESSMENT); // after the Art. 4 check's job
    Object firstYear = engine.getRuntimeService().getVariable(supervisionId, SupervisionProcess.REPORT_YEAR);
    engine.getTaskService().complete(assessment.getId(), SupervisionFixtures.validCompletion(SupervisionProcess.TASK_ASSESSMENT));
    Task reward = supervision.await(supervisionId, SupervisionProcess.TASK_REWARD); // graded 优秀
    engine.getTaskService().complete(reward.getId(), SupervisionFixtures.validCompletion(SupervisionProcess.TASK_REWARD));
    Task nextReport = supervision.reportWindowOpened(supervisionId);
    JsonNode nextForm = JSON.readTree(api(applicant).get("/api/my/tasks/" + nextReport.getId()).body());
    assertThat(nextForm.at("/previous/source").asText()).isEqualTo(firstYear + "年度报告");
    assertThat(nextForm.at("/previous/values/" + TOTAL_AREA).asDouble()).isEqualTo(262.5);
    assertThat(nextForm.at("/previous/values/" + MENTOR_COUNT).asInt()).isEqualTo(7);
    assertThat(nextForm.at("/previous/values/" + SupervisionProcess.TRAINING_SESSIONS).asInt()).isEqualTo(12);
    assertThat(nextForm.at("/previous/values/" + SupervisionProcess.FINANCING_AMOUNT).asDouble()).isEqualTo(50_000.0);
    assertThat(nextForm.at("/previous/values").has(SupervisionProcess.REPORT_SUMMARY)).as("numbers and status only").isFalse();
    assertThat(nextForm.get("values").has(SupervisionProcess.TRAINING_SESSIONS)).isFalse();
    assertThat(nextForm.get("values").has(TOTAL_AREA)).isFalse();
    assertThat(api("operator2").get("/api/my/tasks/" + nextReport.getId()).statusCode())
        .as("another organisation never reads them").isEqualTo(404);

    assertThat(api("operator2").get("/api/my/applications/" + number).statusCode())
        .as("another organisation's case is not found").isEqualTo(404);
    assertThat(api("city1").get("/api/my/applications/" + number).statusCode()).isEqualTo(403);
    assertThat(api(applicant).get("/api/my/applications/" + number + "?creditCode=x").statusCode()).isEqualTo(400);
  }

  @Test
  void aReportNotFiledGivesNoHintsTheLastReportFiledDoes() throws Exception {
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, new CertificationDriver(engine));
    Task first = supervision.waitingAt(SupervisionProcess.TASK_SUBMIT_REPORT);
    String id = first.getProcessInstanceId();
    String applicant = first.getAssignee();
    // this space's certification has no history here: nothing was declared before, no hints
    JsonNode firstForm = JSON.readTree(api(applicant).get("/api/my/tasks/" + first.getId()).body());
    assertThat(firstForm.get("previous").isNull()).as(firstForm.toString()).isTrue();
    Object firstYear = engine.getRuntimeService().getVariable(id, SupervisionProcess.REPORT_YEAR);
    Map<String, Object> filed = new HashMap<>(SupervisionFixtures.validCompletion(SupervisionProcess.TASK_SUBMIT_REPORT));
    filed.put(TOTAL_AREA, 262.5);
    engine.getTaskService().complete(first.getId(), filed);
    Task assessment = supervision.await(id, SupervisionProcess.TASK_ASSESSMENT);
    engine.getTaskService().complete(assessment.getId(), SupervisionFixtures.validCompletion(SupervisionProcess.TASK_ASSESSMENT));
    for (Task reward : engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(SupervisionProcess.TASK_REWARD).list()) {
      engine.getTaskService().complete(reward.getId(), SupervisionFixtures.validCompletion(SupervisionProcess.TASK_REWARD));
    }

    // the next year's report is not filed: the city bureau's follow-up finds it missing (rectification ordered)
    Task second = supervision.reportWindowOpened(id);
    Object secondYear = engine.getRuntimeService().getVariable(id, SupervisionProcess.REPORT_YEAR);
    assertThat(secondYear).isNotEqualTo(firstYear);
    Map<String, Object> missing = new HashMap<>(SupervisionFixtures.validCompletion(SupervisionProcess.TASK_FOLLOW_UP_LATE_REPORT));
    missing.put(SupervisionProcess.REPORT_MISSING, true);
    engine.getTaskService().complete(supervision.reportOverdue(id).getId(), missing);
    assertThat(engine.getTaskService().createTaskQuery().taskId(second.getId()).count()).isZero();

    // the year after: the hints are the report filed last, under its own year, not the one missed
    Task third = supervision.reportWindowOpened(id);
    JsonNode thirdForm = JSON.readTree(api(applicant).get("/api/my/tasks/" + third.getId()).body());
    assertThat(thirdForm.at("/previous/source").asText()).isEqualTo(firstYear + "年度报告");
    assertThat(thirdForm.at("/previous/values/" + TOTAL_AREA).asDouble()).isEqualTo(262.5);
  }

  @Test
  void objectorsAndTheirIdentitiesNeverReachTheApplicant() throws Exception {
    ProcessInstance pi = new CertificationDriver(engine).inPublicNotice("huairen");
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_OBJECTION).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(OBJECTION_TEXT, "该空间实际面积不足").setVariable(OBJECTOR_NAME, "赵异议")
        .setVariable(OBJECTOR_PHONE, "13800007777").correlate();
    String code = (String) engine.getRuntimeService().getVariable(pi.getId(), CREDIT_CODE);
    String owner = OrganisationAccounts.ownerOf(engine, code);

    HttpResponse<String> page = api(owner).get("/api/my/applications/" + pi.getBusinessKey());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("赵异议").doesNotContain("13800007777").doesNotContain("面积不足")
        .doesNotContain(OBJECTOR_NAME).doesNotContain("expert1").doesNotContain(SCORE);
    assertThat(steps(JSON.readTree(page.body()))).contains("专家评审@评审专家组");
  }

  /** The form's writable fields with the values the form shows (what the page sends back). */
  private static ObjectNode writable(JsonNode task) {
    ObjectNode answer = JSON.createObjectNode();
    collect(task.get("form"), task.get("values"), answer);
    return answer;
  }

  private static void collect(JsonNode container, JsonNode values, ObjectNode answer) {
    for (JsonNode component : container.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !component.path("disabled").asBoolean(false) && values.has(key)) {
        answer.set(key, values.get(key));
      }
      collect(component, values, answer);
    }
  }

  private List<String> steps(JsonNode myCase) {
    return java.util.stream.StreamSupport.stream(myCase.get("steps").spliterator(), false)
        .map(s -> s.get("name").asText() + "@" + s.get("department").asText()).toList();
  }

  private JsonNode mine(String applicant, String number) throws Exception {
    for (JsonNode application : JSON.readTree(api(applicant).get("/api/my/applications").body()).get("applications")) {
      if (number.equals(application.get("applicationNumber").asText())) {
        return application;
      }
    }
    throw new AssertionError("not listed: " + number);
  }

  private List<String> openTasks(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private String number(String instanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
  }
}
