package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.DECLARATION_CONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.materials.PortalFiling;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.MaterialDrafts;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every intake path refuses bad input with 400, Chinese messages per field, and no instance; every
 * filing needs the required materials of its checklist (issue 16); operators file on the portal or
 * over the API, never in Tasklist.
 */
class ApplicationIntakeHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "/process-definition/key/maker-space-certification/start";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final PortalFiling portal = new PortalFiling(this::uri);

  @Test
  void applicationApiFilesWithTheUploadedMaterialsAndBindsThemToTheCase() throws Exception {
    Map<String, Object> application = valid();
    String user = applicant(application);
    List<String> required = portal.required(user, application);
    for (String code : required) {
      HttpResponse<String> stored = portal.upload(user, Multipart.of("application", code)
          .file(code + ".pdf", Multipart.pdf(code)));
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }
    HttpResponse<String> r = api(user, JSON.writeValueAsString(application));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    String number = body.get("applicationNumber").asText();
    assertThat(number).matches("SQ-\\d{4}-\\d{6}");
    assertThat(body.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(r.headers().firstValue("Location")).contains("/api/my/applications/" + number);

    JsonNode files = JSON.readTree(portal.get(user, "/api/materials?caseNumber=" + number).body());
    assertThat(files.findValuesAsText("materialCode")).containsExactlyInAnyOrderElementsOf(required);
    files.forEach(f -> {
      assertThat(f.get("submitted").asBoolean()).isTrue();
      assertThat(f.get("version").asInt()).isEqualTo(1);
    });
    assertThat(JSON.readTree(portal.get(user, "/api/materials").body())).as("no draft is left").isEmpty();
  }

  /**
   * The one intake asks every path for the checklist's materials: the integrators' API, the
   * portal's alias of it and the engine's start refuse a filing that lacks some, naming each missing
   * item; no instance, no application number, no reservation, and the drafts stay drafts.
   */
  @Test
  void everyPathRefusesAFilingWithoutTheRequiredMaterialsAndStoresNothing() throws Exception {
    Map<String, Object> application = valid();
    String user = applicant(application);
    List<String> required = portal.required(user, application);
    assertThat(required).contains("REGISTRATION", "APPLICATION_FORM", "BUILDING_SAFETY");
    HttpResponse<String> one = portal.upload(user, Multipart.of("application", required.get(0))
        .file("营业执照.pdf", Multipart.pdf("营业执照")));
    assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
    List<String> missing = required.subList(1, required.size());
    Map<String, Long> rowsBefore = ownRows();
    JsonNode draftsBefore = JSON.readTree(portal.get(user, "/api/materials").body());

    for (HttpResponse<String> r : List.of(api(user, JSON.writeValueAsString(application)),
        portal.post(user, "/api/my/applications", application),
        rest(user).post(START, engineVariables(application)))) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("errors").findValuesAsText("field")).hasSize(missing.size()).containsOnly("materials");
      String messages = String.join("\n", body.get("errors").findValuesAsText("message"));
      missing.forEach(code -> assertThat(messages).contains(code));
      assertThat(messages).contains("缺少必需的申报材料", "第四条").doesNotContain(required.get(0));
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("creditCode", application.get("creditCode")).count()).as("no case").isZero();
    assertThat(ownRows()).as("no number, reservation or bound file").isEqualTo(rowsBefore);
    assertThat(JSON.readTree(portal.get(user, "/api/materials").body())).as("the draft is untouched")
        .isEqualTo(draftsBefore);
  }

  /** One set of drafts makes one filing: two filings of one account at the same moment cannot both use it. */
  @Test
  void twoFilingsAtOnceCannotShareOneSetOfDrafts() throws Exception {
    Map<String, Object> first = valid();
    String user = applicant(first);
    Map<String, Object> second = new LinkedHashMap<>(first);
    second.put("spaceName", "另一处创客空间");
    MaterialDrafts.of(engine).uploadRequired(user, first);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (Map<String, Object> application : List.of(first, second)) {
        futures.add(pool.submit(() -> {
          go.await();
          return api(user, JSON.writeValueAsString(application));
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 400);
    HttpResponse<String> filed = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
    HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow();
    assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsText("field")).containsOnly("materials");
    String number = JSON.readTree(filed.body()).get("applicationNumber").asText();
    assertThat(JSON.readTree(portal.get(user, "/api/materials?caseNumber=" + number).body()))
        .hasSize(portal.required(user, first).size());
  }

  /** The application's tables (ms_*) with their row counts, and the number sequences' values. */
  private Map<String, Long> ownRows() {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE "
        + "UPPER(TABLE_NAME) LIKE 'MS\\_%' ESCAPE '\\' AND UPPER(TABLE_SCHEMA) = 'PUBLIC'", String.class)) {
      // the notifications' background tables change with earlier tests' work
      if (!List.of("MS_OUTBOX", "MS_INBOX", "MS_DEMO_MAIL").contains(table.toUpperCase(Locale.ROOT))) {
        rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
      }
    }
    rows.put("sequence values", jdbc.queryForObject("SELECT COALESCE(SUM(next_value), 0) FROM ms_sequence", Long.class));
    return rows;
  }

  @Test
  void applicationApiRefusesBadInputPerField() throws Exception {
    long before = instances();
    Map<String, Object> bad = valid();
    bad.put("creditCode", "91140600MA0K00001X");
    bad.put("county", "taiyuan");
    bad.put("contactPhone", "12345");
    bad.put("publicServiceArea", 999.0);
    bad.remove("spaceName");
    HttpResponse<String> r = api("operator1", JSON.writeValueAsString(bad));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("detail").asText()).contains("统一社会信用代码").contains("众创空间名称");
    assertThat(body.get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("creditCode", "county", "contactPhone", "publicServiceArea", "spaceName");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void applicationApiRefusesMalformedJsonAndWrongTypes() throws Exception {
    long before = instances();
    assertThat(api("operator1", "{not json").statusCode()).isEqualTo(400);
    ObjectNode wrongTypes = JSON.valueToTree(valid());
    wrongTypes.put("totalArea", "很大");
    wrongTypes.put("mentorCount", 2.5);
    wrongTypes.put("independentOperator", "yes");
    HttpResponse<String> r = api("operator1", wrongTypes.toString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("totalArea", "mentorCount", "independentOperator");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void applicationApiNeedsCredentialsAndTheOperatorsGroup() throws Exception {
    long before = instances();
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(valid()))));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("automation is challenged").isPresent();
    // the portal's own call after its session cookie is gone: no Basic dialog over the portal's login
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/api/my/applications"))
        .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(valid()))));
    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(api("auditor1", JSON.writeValueAsString(valid())).statusCode()).isEqualTo(403);
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void anUntickedPledgeIsRefusedAtThePledgeAndFilesNothing() throws Exception {
    long before = instances();
    Map<String, Object> unpledged = valid();
    unpledged.put(DECLARATION_CONFIRMED, false); // the form's checkbox, left unticked
    HttpResponse<String> r = api(applicant(unpledged), JSON.writeValueAsString(unpledged));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("errors").findValuesAsText("field")).containsExactly(DECLARATION_CONFIRMED);
    assertThat(body.at("/errors/0/message").asText()).contains("请勾选承诺").contains("真实、准确、完整");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void engineRestStartRefusesBadInputWithTheSameMessages() throws Exception {
    long before = instances();
    Map<String, Object> bad = valid();
    bad.put("totalArea", -5.0);
    bad.put("premises", "leased");
    bad.remove("leaseYears");
    HttpResponse<String> r = rest("operator1").post(START, engineVariables(bad));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("errors").findValuesAsText("field")).contains("totalArea", "leaseYears");
    assertThat(body.get("detail").asText()).contains("租赁期限");
    assertThat(instances()).isEqualTo(before);

    Map<String, Object> application = valid();
    MaterialDrafts.of(engine).uploadRequired(applicant(application), application);
    HttpResponse<String> ok = rest(applicant(application)).post(START, engineVariables(application));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("businessKey").asText()).startsWith("SQ-");
  }

  /**
   * Organisation accounts never use Tasklist or Cockpit: their login there is refused, and one
   * signed in (as on the portal) who opens either is sent to 我的申请; Tasklist's start form is out of
   * their reach. (Until issue 16 they filed and worked in Tasklist.)
   */
  @Test
  void anOperatorNeverReachesTasklistOrCockpitButIsSentToThePortal() {
    for (String app : List.of("tasklist", "cockpit")) {
      assertThat(webapp().login("operator2", app).statusCode()).as("login to %s", app).isEqualTo(403);
    }
    WebappSession portal = webapp();
    assertThat(portal.login("operator2", "welcome").statusCode()).isEqualTo(200);
    for (String page : List.of("/camunda/app/tasklist/", "/camunda/app/tasklist/default/",
        "/camunda/app/cockpit/default/")) {
      HttpResponse<String> r = portal.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/portal/");
    }
    assertThat(portal.get("/camunda/api/engine/engine/default/filter").statusCode()).isEqualTo(403);
    // staff still open Tasklist
    WebappSession staff = webapp();
    assertThat(staff.login("shuocheng1", "tasklist").statusCode()).isEqualTo(200);
    assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
  }

  private long instances() throws Exception {
    HttpResponse<String> r = rest("admin").get("/history/process-instance/count?processDefinitionKey=maker-space-certification");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("count").asLong();
  }

  private HttpResponse<String> api(String user, String json) {
    return send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** The engine's variable format: {"variables": {"name": {"value": v, "type": "Double"}}}. */
  private static String engineVariables(Map<String, Object> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((k, v) -> {
      ObjectNode typed = variables.putObject(k);
      typed.putPOJO("value", v);
      typed.put("type", v instanceof Double ? "Double" : v instanceof Integer ? "Integer"
          : v instanceof Boolean ? "Boolean" : "String");
    });
    ObjectNode root = JSON.createObjectNode();
    root.set("variables", variables);
    return root.toString();
  }

  /** The organisation account that may file this application (its credit code's). */
  private String applicant(Map<String, Object> application) {
    return OrganisationAccounts.ownerOf(engine, (String) application.get("creditCode"));
  }

  private static Map<String, Object> valid() {
    Map<String, Object> v = Applications.valid("pinglu");
    v.put("spaceFocus", "team");
    v.put("premises", "owned");
    v.remove("leaseYears");
    v.put("convertedOldBuilding", true);
    v.put("contactPhone", "0349-2881234");
    return v;
  }
}
