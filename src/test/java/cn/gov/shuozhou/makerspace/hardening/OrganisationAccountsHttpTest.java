package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_SUPPLEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, reproduction 9: an operator account belongs to one organisation, files only for its
 * credit code, sees only its own cases, and no refusal names another organisation's case. And
 * {@code POST /api/organisations}, with which administrators create such accounts.
 */
class OrganisationAccountsHttpTest extends HardeningHttpTest {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 100_000);

  // ------------------------------------------------------------------ reproduction 9

  @Test
  void reproduction9_anOperatorFilesOnlyForItsOwnOrganisation() {
    Map<String, Object> foreign = Applications.valid("shuocheng"); // a code operator1 does not own
    Map<String, Object> ofOperator2 = Applications.valid("yingxian", DemoOrganisations.creditCodeOf("operator2"));
    long before = startedBy("operator1");

    assertRefusedCreditCode(apiApply("operator1", JSON.valueToTree(foreign).toString()));
    assertRefusedCreditCode(rest("operator1").post(START_PATH, engineVariables(ofOperator2)));
    assertRefusedCreditCode(portalSession("operator1").post(TASKLIST_START, engineVariables(foreign)));
    assertThat(startedBy("operator1")).as("nothing started").isEqualTo(before);

    // an operators account without an organisation files nothing
    String stray = "stray" + SERIAL.incrementAndGet();
    User user = engine.getIdentityService().newUser(stray);
    user.setPassword(stray);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(stray, Groups.OPERATORS);
    HttpResponse<String> r = apiApply(stray, JSON.valueToTree(foreign).toString());
    assertRefusedCreditCode(r);
    assertThat(refusalText(r)).contains("未关联运营机构");
  }

  @Test
  void reproduction9_theRefusalOfADuplicateNamesNoOtherCase() {
    Map<String, Object> application = Applications.valid("shuocheng");
    String owner = OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
    HttpResponse<String> first = apiFile(owner, application);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String number = json(first.body()).get("applicationNumber").asText();

    for (String user : new String[] {owner, "admin"}) { // the administrator is bound to no organisation
      JsonNode second = json(apiFile(user, application).body());
      assertThat(second.get("outcome").asText()).isEqualTo("NOT_ACCEPTED");
      assertThat(second.get("outcomeReason").asText()).contains("已有正在办理").doesNotContain(number);
    }
  }

  @Test
  void anOperatorSeesOnlyItsOwnCases() {
    Task supplement = fixtures.waitingAt(TASK_SUPPLEMENT, "shuocheng"); // operator1's
    String pi = supplement.getProcessInstanceId();
    assertThat(json(rest("operator1").get("/task?processInstanceId=" + pi).body())).hasSize(1);
    assertThat(json(rest("operator2").get("/task?processInstanceId=" + pi).body())).isEmpty();
    // the engine's history is no organisation's: they read their own cases on 我的申请 (issue 16)
    assertThat(rest("operator2").get("/history/process-instance?processInstanceId=" + pi).statusCode()).isEqualTo(403);
    assertThat(rest("operator2").get("/history/variable-instance?processInstanceId=" + pi).statusCode()).isEqualTo(403);
    assertThat(rest("operator2").get("/process-instance/" + pi).statusCode()).isIn(403, 404);
  }

  // ------------------------------------------------------------------ POST /api/organisations

  @Test
  void anAdministratorCreatesAnAccountThatFilesForItsOrganisation() {
    Map<String, Object> body = valid();
    String userId = (String) body.get("userId");
    String code = (String) body.get("creditCode");
    HttpResponse<String> r = post("admin", JSON.valueToTree(body).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r.body()).get("userId").asText()).isEqualTo(userId);
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(Groups.OPERATORS).count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().checkPassword(userId, (String) body.get("password"))).isTrue();
    assertThat(jdbc.queryForObject("SELECT credit_code FROM ms_organisation WHERE user_id = ?", String.class, userId))
        .isEqualTo(code);

    Map<String, Object> own = Applications.valid("pinglu", code);
    String password = (String) body.get("password");
    uploadMaterials(userId, JSON.valueToTree(own));
    HttpResponse<String> filed = apiApply(userId, password, JSON.valueToTree(own).toString());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    assertThat(json(filed.body()).get("state").asText()).isEqualTo("ACTIVE");
    assertRefusedCreditCode(apiApply(userId, password, JSON.valueToTree(Applications.valid("pinglu")).toString()));
  }

  @Test
  void aTakenUserIdOrCreditCodeIs409AndWritesNothing() {
    Map<String, Object> takenId = valid();
    takenId.put("userId", "operator1");
    HttpResponse<String> r = post("admin", JSON.valueToTree(takenId).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(json(r.body()).get("errors").findValuesAsText("field")).containsExactly("userId");
    assertThat(refusalText(r)).contains("已被使用");
    assertThat(rows("credit_code", takenId.get("creditCode"))).isZero();

    Map<String, Object> takenCode = valid();
    takenCode.put("creditCode", DemoOrganisations.creditCodeOf("operator2"));
    r = post("admin", JSON.valueToTree(takenCode).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(json(r.body()).get("errors").findValuesAsText("field")).containsExactly("creditCode");
    assertNotCreated(takenCode);
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("userId", "张 三"), Arguments.of("userId", "ab"), Arguments.of("userId", null),
        Arguments.of("password", "short1"), Arguments.of("password", "onlyletters"), Arguments.of("password", 12345678),
        Arguments.of("password", "Qwerty2026"), Arguments.of("password", "Abc12345"), // common (PasswordPolicy)
        Arguments.of("creditCode", "91140600MA0K00001X"), Arguments.of("creditCode", null),
        Arguments.of("organisationName", ""), Arguments.of("organisationName", "名".repeat(101)),
        Arguments.of("contactName", null), Arguments.of("phone", "12345"), Arguments.of("email", "no-at-sign"),
        Arguments.of("county", "taiyuan"), Arguments.of("role", "camunda-admin"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badFields")
  void badInputIs400NamingTheFieldAndWritesNothing(String field, Object value) {
    Map<String, Object> body = valid();
    if (value == null) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    HttpResponse<String> r = post("admin", JSON.valueToTree(body).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r.body()).get("errors").findValuesAsText("field")).containsExactly(field);
    assertThat(refusalText(r)).matches("(?s).*\\p{IsHan}.*").contains(field);
    assertNotCreated(body);
  }

  @Test
  void aBodyThatIsNoObjectIs400() {
    assertThat(post("admin", "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(post("admin", "{not json").statusCode()).isEqualTo(400);
  }

  @Test
  void onlyAdministratorsCreateAccounts() {
    for (String user : new String[] {"operator1", "city1", "leader1", "auditor1", "ruleadmin1"}) {
      Map<String, Object> body = valid();
      HttpResponse<String> r = post(user, JSON.valueToTree(body).toString());
      assertThat(r.statusCode()).as("%s: %s", user, r.body()).isEqualTo(403);
      assertThat(refusalText(r)).contains("系统管理员");
      assertNotCreated(body);
    }
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/organisations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(valid()).toString())));
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ helpers

  /** A valid request with a new user id and credit code (and a password the policy accepts). */
  static Map<String, Object> valid() {
    String userId = "orgapi" + SERIAL.incrementAndGet();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", userId);
    body.put("password", "Hatch-" + SERIAL.get() + "-Yc");
    body.put("creditCode", Applications.newCreditCode());
    body.put("organisationName", "朔州市云创孵化器有限公司");
    body.put("contactName", "赵敏");
    body.put("phone", "0349-2881234");
    body.put("email", userId + "@example.cn");
    body.put("county", "huairen");
    return body;
  }

  HttpResponse<String> post(String user, String json) {
    return send(HttpRequest.newBuilder(uri("/api/organisations"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private void assertNotCreated(Map<String, Object> body) {
    Object userId = body.get("userId");
    if (userId instanceof String id && !id.equals("operator1")) {
      assertThat(engine.getIdentityService().createUserQuery().userId(id).count()).as("user %s", id).isZero();
      assertThat(rows("user_id", id)).isZero();
    }
    if (body.get("creditCode") instanceof String code && !code.equals(DemoOrganisations.creditCodeOf("operator2"))) {
      assertThat(rows("credit_code", code)).isZero();
    }
  }

  private long rows(String column, Object value) {
    return jdbc.queryForObject("SELECT count(*) FROM ms_organisation WHERE " + column + " = ?", Long.class, value);
  }

  private long startedBy(String user) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().startedBy(user).count();
  }

  private static void assertRefusedCreditCode(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r.body()).get("errors").findValuesAsText("field")).containsExactly(CREDIT_CODE);
    assertThat(refusalText(r)).matches("(?s).*\\p{IsHan}.*");
  }
}
