package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.MaterialDrafts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the hardening tests: the real application on a random port (the same Spring context as
 * every other HTTP test), the fixtures, JSON helpers and the counters that prove that a refused
 * request left nothing behind.
 */
abstract class HardeningHttpTest extends AbstractHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String START_PATH = "/process-definition/key/maker-space-certification/start";
  static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
  static final String TASKLIST_START = TASKLIST_ENGINE + "/process-definition/key/maker-space-certification/submit-form";
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  CertificationDriver fixtures;
  private static List<String> ownTables;

  @BeforeEach
  void createFixtures() {
    fixtures = new CertificationDriver(engine);
  }

  /** {@code POST /api/applications} with HTTP Basic as a demo user. */
  HttpResponse<String> apiApply(String user, String json) {
    return apiApply(user, user, json);
  }

  HttpResponse<String> apiApply(String user, String password, String json) {
    return send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(user, password))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A resident ID number with a valid GB 11643 check character (a made-up person). */
  static final String VALID_ID_NUMBER = "140602198506120011";

  /** {@code POST /api/objections} as the public sends it: no login. */
  HttpResponse<String> objection(String json) {
    return send(HttpRequest.newBuilder(uri("/api/objections"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** POST JSON to one of our own {@code /api} commands with HTTP Basic as a demo user. */
  HttpResponse<String> apiPost(String user, String path, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  static String basic(String user) {
    return basic(user, user);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A webapp session signed in as the portal signs in (through the welcome app): organisation
   * accounts have no other, as they never use Tasklist; staff get the same engine API as in Tasklist.
   */
  WebappSession portalSession(String user) {
    WebappSession session = webapp();
    HttpResponse<String> login = session.login(user, "welcome");
    assertThat(login.statusCode()).as("login of %s", user).isEqualTo(200);
    return session;
  }

  /** Uploads {@code user}'s drafts of the application's required materials, as a filing needs them. */
  void uploadMaterials(String user, JsonNode application) {
    MaterialDrafts.of(engine).uploadRequired(user, JSON.convertValue(application,
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
  }

  /** {@code POST /api/applications} as {@code user} with the required materials uploaded first: a filing that may be accepted. */
  HttpResponse<String> apiFile(String user, Map<String, Object> application) {
    MaterialDrafts.of(engine).uploadRequired(user, application);
    return apiApply(user, JSON.valueToTree(application).toString());
  }

  /** A logged-in Tasklist session of a demo user. */
  WebappSession tasklist(String user) {
    WebappSession session = webapp();
    HttpResponse<String> login = session.login(user, "tasklist");
    assertThat(login.statusCode()).as("Tasklist login of %s", user).isEqualTo(200);
    return session;
  }

  /**
   * Plain JSON values as the engine's typed variables, the type inferred as a REST client or
   * Camunda Forms would send it: text String, whole numbers Long, other numbers Double, Boolean,
   * arrays and objects Json.
   */
  static String engineVariables(JsonNode values) {
    ObjectNode variables = JSON.createObjectNode();
    values.fields().forEachRemaining(e -> variables.set(e.getKey(), typed(e.getValue())));
    ObjectNode root = JSON.createObjectNode();
    root.set("variables", variables);
    return root.toString();
  }

  static String engineVariables(Map<String, Object> values) {
    return engineVariables((JsonNode) JSON.valueToTree(values));
  }

  static ObjectNode typed(JsonNode value) {
    ObjectNode typed = JSON.createObjectNode();
    if (value.isTextual()) {
      typed.set("value", value);
      typed.put("type", "String");
    } else if (value.isBoolean()) {
      typed.set("value", value);
      typed.put("type", "Boolean");
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      typed.set("value", value);
      typed.put("type", "Long");
    } else if (value.isNumber()) {
      typed.set("value", value);
      typed.put("type", "Double");
    } else if (value.isNull()) {
      typed.putNull("value");
      typed.put("type", "Null");
    } else {
      typed.put("value", value.toString());
      typed.put("type", "Json");
    }
    return typed;
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + abbreviate(body), e);
    }
  }

  static String abbreviate(String s) {
    return s == null ? null : s.length() <= 400 ? s : s.substring(0, 400) + "…";
  }

  /** The refusal's message and its per-field messages, for assertions on the Chinese text. */
  static String refusalText(HttpResponse<String> response) {
    JsonNode body = json(response.body());
    StringBuilder text = new StringBuilder(body.path("detail").asText());
    body.path("errors").forEach(e -> text.append(" | ").append(e.path("field").asText()).append(": ")
        .append(e.path("message").asText()));
    return text.toString();
  }

  long historicInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().count();
  }

  /**
   * Tables the notification jobs write in the background (notification/OutboxSender delivers earlier
   * steps' notifications, DueTaskCheck writes reminders) while a request is refused; that a refused
   * step writes no notification is NotificationsHttpTest's to prove.
   */
  static final java.util.Set<String> BACKGROUND_TABLES = java.util.Set.of("MS_OUTBOX", "MS_INBOX", "MS_DEMO_MAIL");

  /** Row counts of the application's own tables (ms_*), but those of {@link #BACKGROUND_TABLES}. */
  Map<String, Long> ownRows() {
    if (ownTables == null) {
      ownTables = jdbc.queryForList(
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'MS\\_%' ESCAPE '\\' "
            + "AND UPPER(TABLE_SCHEMA) = 'PUBLIC' ORDER BY TABLE_NAME", String.class);
      assertThat(ownTables).as("the application's own tables").isNotEmpty();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : ownTables) {
      if (!BACKGROUND_TABLES.contains(table.toUpperCase(java.util.Locale.ROOT))) {
        counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
      }
    }
    return counts;
  }

  /** Everything a refused request must leave unchanged. */
  record Snapshot(long instances, long historicVariables, long historicDetails, Map<String, Long> rows) {}

  Snapshot snapshot() {
    var history = engine.getHistoryService();
    return new Snapshot(historicInstances(), history.createHistoricVariableInstanceQuery().count(),
        history.createHistoricDetailQuery().count(), ownRows());
  }

  static boolean isNumber(Object o) {
    return o instanceof Number || o instanceof BigDecimal || o instanceof BigInteger;
  }

  /** multipart/form-data for {@code POST /engine-rest/deployment/create}. */
  class Multipart {
    private final String boundary = "----matrix" + System.nanoTime();
    private final StringBuilder body = new StringBuilder();

    Multipart field(String name, String value) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
          .append("\"\r\n\r\n").append(value).append("\r\n");
      return this;
    }

    Multipart file(String name, String content) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
          .append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(content).append("\r\n");
      return this;
    }

    HttpResponse<String> post(String user) {
      String payload = body + "--" + boundary + "--\r\n";
      return send(HttpRequest.newBuilder(uri(ENGINE_REST + "/deployment/create"))
          .header("Authorization", basic(user))
          .header("Accept", "application/json")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)));
    }
  }
}
