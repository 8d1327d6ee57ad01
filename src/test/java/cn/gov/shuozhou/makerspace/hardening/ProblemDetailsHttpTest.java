package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One error contract on every door (docs/api-errors.md): RFC 9457 problem details
 * ({@code application/problem+json}) with exactly {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} (the request's path) and {@code errors}, Chinese title, detail and per-field messages, whether the
 * refusal comes from a controller, a servlet filter or the engine's REST API.
 */
class ProblemDetailsHttpTest extends HardeningHttpTest {

  private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

  @Test
  void badInputOnTheApplicationApi() {
    JsonNode problem = assertProblem(apiApply("operator1", "{}"), 400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).contains("operatorName", "creditCode");
  }

  @Test
  void badInputOnTheObjectionApi() {
    JsonNode problem = assertProblem(objection("{\"score\": 100}"), 400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).contains("score", "applicationNumber");
  }

  @Test
  void badInputOnTheRulesApi() {
    HttpResponse<String> r = apiPost("ruleadmin1", "/api/rules/article4-eligibility/activate",
        "{\"reason\": \"没有附上决策表\", \"confirmChangedCases\": true}");
    JsonNode problem = assertProblem(r, 400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("xml");
    assertThat(problem.get("errors").findValuesAsText("code")).as("the rules API adds a code per entry").hasSize(1);
  }

  @Test
  void badInputOnTheCalendarApi() {
    JsonNode problem = assertProblem(apiPost("admin", "/api/calendar/check", "{\"surprise\": 1}"), 400,
        "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).contains("surprise");
  }

  @Test
  void undeclaredFieldRefusedByTheEngineGuard() {
    HttpResponse<String> r = rest("operator1").post(START_PATH,
        "{\"variables\": {\"surprise\": {\"value\": \"x\", \"type\": \"String\"}}}");
    JsonNode problem = assertProblem(r, 400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).contains("surprise");
  }

  @Test
  void engineRestAllowListRefusal() {
    assertProblem(rest("operator1").get("/deployment"), 403, "forbidden");
  }

  @Test
  void unknownPathAndMethodOnTheApi() {
    JsonNode unknown = assertProblem(api("city1").get("/api/no-such-door"), 404, "not-found");
    assertThat(unknown.get("detail").asText()).contains("/api/no-such-door");

    HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/api/calendar"))
        .header("Accept", "application/json").header("Authorization", basic("admin"))
        .DELETE());
    assertProblem(wrongMethod, 405, "method-not-allowed");
    assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void missingPermissionOnTheApi() {
    JsonNode problem = assertProblem(api("operator1").get("/api/rules"), 403, "forbidden");
    assertThat(problem.get("detail").asText()).contains("无权");
  }

  @Test
  void noLoginOnTheApi() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/rules")).header("Accept", "application/json").GET());
    assertProblem(r, 401, "authentication-required");
    assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void wrongPasswordOnTheApi() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/rules"))
        .header("Accept", "application/json").header("Authorization", basic("city1", "not-the-password")).GET());
    assertProblem(r, 401, "authentication-failed");
  }

  /** Camunda's webapps show {@code message}: on their API the problem carries it too, equal to {@code detail}. */
  @Test
  void theWebappsEngineApiAlsoCarriesCamundasMessage() {
    WebappSession tasklist = webapp();
    assertThat(tasklist.login("operator1", "welcome").statusCode()).isEqualTo(200);
    HttpResponse<String> r = tasklist.get(TASKLIST_ENGINE + "/deployment");
    JsonNode problem = assertProblem(r, 403, "forbidden", Set.of("message"));
    assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());

    HttpResponse<String> invalid = tasklist.post(TASKLIST_START,
        "{\"variables\": {\"surprise\": {\"value\": \"x\", \"type\": \"String\"}}}");
    JsonNode refused = assertProblem(invalid, 400, "invalid-input", Set.of("message"));
    assertThat(refused.get("message").asText()).isEqualTo(refused.get("detail").asText());
  }

  private static JsonNode assertProblem(HttpResponse<String> r, int status, String type) {
    return assertProblem(r, status, type, Set.of());
  }

  private static JsonNode assertProblem(HttpResponse<String> r, int status, String type, Set<String> extra) {
    assertThat(r.statusCode()).as(abbreviate(r.body())).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode body = json(r.body());
    List<String> members = new ArrayList<>();
    body.fieldNames().forEachRemaining(members::add);
    List<String> expected = new ArrayList<>(MEMBERS);
    expected.addAll(extra);
    assertThat(members).as(r.body()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(body.get("type").asText()).isEqualTo("/problems/" + type);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(r.uri().getPath()).isEqualTo(body.get("instance").asText());
    assertThat(body.get("title").asText()).containsPattern(CHINESE);
    assertThat(body.get("detail").asText()).containsPattern(CHINESE);
    assertThat(body.get("errors").isArray()).isTrue();
    body.get("errors").forEach(e -> {
      assertThat(e.path("field").asText()).as(r.body()).isNotBlank();
      assertThat(e.path("message").asText()).as(r.body()).containsPattern(CHINESE);
    });
    return body;
  }
}
