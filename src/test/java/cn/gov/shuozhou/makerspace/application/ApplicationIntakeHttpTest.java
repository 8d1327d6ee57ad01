package cn.gov.shuozhou.makerspace.application;

import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The three intake paths refuse bad input with 400, Chinese messages per field, and no instance. */
class ApplicationIntakeHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "/process-definition/key/maker-space-certification/start";

  @Autowired
  ProcessEngine engine;

  @Test
  void applicationApiStartsAValidApplication() throws Exception {
    Map<String, Object> application = valid();
    HttpResponse<String> r = api(applicant(application), JSON.writeValueAsString(application));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("applicationNumber").asText()).matches("SQ-\\d{4}-\\d{6}");
    assertThat(body.get("state").asText()).isEqualTo("ACTIVE");
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
    assertThat(api("auditor1", JSON.writeValueAsString(valid())).statusCode()).isEqualTo(403);
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
    assertThat(body.get("detail").asText()).contains("租赁年限");
    assertThat(instances()).isEqualTo(before);

    Map<String, Object> application = valid();
    HttpResponse<String> ok = rest(applicant(application)).post(START, engineVariables(application));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("businessKey").asText()).startsWith("SQ-");
  }

  @Test
  void tasklistStartFormRefusesBadInput() throws Exception {
    long before = instances();
    WebappSession tasklist = webapp();
    assertThat(tasklist.login("operator2", "tasklist").statusCode()).isEqualTo(200);
    Map<String, Object> bad = valid();
    bad.put("creditCode", "NOT-A-CODE");
    HttpResponse<String> r = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/"
        + "maker-space-certification/submit-form", engineVariables(bad));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("统一社会信用代码");
    assertThat(instances()).isEqualTo(before);

    OrganisationAccounts.withdrawOpenApplications(engine, "operator2");
    Map<String, Object> own = valid();
    own.put("creditCode", DemoOrganisations.creditCodeOf("operator2"));
    HttpResponse<String> ok = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/"
        + "maker-space-certification/submit-form", engineVariables(own));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
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
