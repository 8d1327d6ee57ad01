package cn.gov.shuozhou.makerspace.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * An HTTP client of {@code /api/rules} and {@code /api/applications} for the rules tests: HTTP
 * Basic, no credentials, or a Camunda webapp session (cookies, with or without the CSRF header).
 */
final class RulesApi {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private final int port;
  private final String base;
  private final String authorization;
  private final HttpClient client;
  private String csrfToken;

  private RulesApi(int port, String authorization, HttpClient client) {
    this.port = port;
    this.base = "http://localhost:" + port;
    this.authorization = authorization;
    this.client = client;
  }

  /** HTTP Basic as {@code user}. */
  static RulesApi basic(int port, String user, String password) {
    return new RulesApi(port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), plainClient());
  }

  /** HTTP Basic as a demo user (password = user id). */
  static RulesApi basic(int port, String demoUser) {
    return basic(port, demoUser, demoUser);
  }

  /** No credentials at all. */
  static RulesApi anonymous(int port) {
    return new RulesApi(port, null, plainClient());
  }

  /** A browser-like session (cookies) that has not logged in yet. */
  static RulesApi session(int port) {
    HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    return new RulesApi(port, null, client);
  }

  /** Logs the session in through the Camunda webapp login, as a browser does. */
  RulesApi login(String user, String app) {
    refreshToken();
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header(CSRF_HEADER, csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8))));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + ": HTTP " + response.statusCode());
    }
    refreshToken();
    return this;
  }

  int port() {
    return port;
  }

  /** The webapp's current CSRF token of this session. */
  String csrfToken() {
    return csrfToken;
  }

  void refreshToken() {
    HttpResponse<String> welcome = get("/camunda/app/welcome/default/");
    csrfToken = welcome.headers().firstValue(CSRF_HEADER).orElseThrow();
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> postJson(String path, Object body) {
    return postJson(path, body, csrfToken);
  }

  HttpResponse<String> postJson(String path, Object body, String token) {
    try {
      String json = body instanceof String text ? text : JSON.writeValueAsString(body);
      return post(path, "application/json", json, token);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> postXml(String path, String xml) {
    return post(path, "application/xml", xml, csrfToken);
  }

  HttpResponse<String> post(String path, String contentType, String body, String token) {
    HttpRequest.Builder request = request(path)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header(CSRF_HEADER, token);
    }
    return send(request);
  }

  /** {@code POST /api/rules/{key}/activate}. */
  HttpResponse<String> activate(String key, String xml, String reason, boolean confirm) {
    java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("xml", xml);
    body.put("reason", reason);
    body.put("confirmChangedCases", confirm);
    return postJson("/api/rules/" + key + "/activate", body);
  }

  /** Approves ({@code approve}) or rejects a pending proposal of a statutory change. */
  HttpResponse<String> decide(String key, String proposalId, boolean approve, String reason) {
    return postJson("/api/rules/" + key + "/proposals/" + proposalId + (approve ? "/approve" : "/reject"),
        map("reason", reason));
  }

  /** Proposes a statutory change as this user and has {@code approver} approve it: the approval's answer. */
  HttpResponse<String> activateApprovedBy(String approver, String key, String xml, String reason) {
    HttpResponse<String> proposed = activate(key, xml, reason, true);
    if (proposed.statusCode() != 202) {
      throw new AssertionError("expected a proposal (202): " + proposed.statusCode() + " " + proposed.body());
    }
    return basic(port(), approver).decide(key, json(proposed).get("proposalId").asText(), true, "复核同意：" + reason);
  }

  HttpResponse<String> rollback(String key, Integer version, String reason) {
    java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("version", version);
    body.put("reason", reason);
    return postJson("/api/rules/" + key + "/rollback", body);
  }

  HttpResponse<String> resolve(String key, String choice, String reason) {
    java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("choice", choice);
    body.put("reason", reason);
    return postJson("/api/rules/" + key + "/conflict", body);
  }

  JsonNode getJson(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return json(response);
  }

  /** The rule of {@code GET /api/rules} with this key. */
  JsonNode summary(String key) {
    for (JsonNode rule : getJson("/api/rules")) {
      if (rule.get("key").asText().equals(key)) {
        return rule;
      }
    }
    throw new IllegalStateException("no rule " + key);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  static Map<String, Object> map(Object... keysAndValues) {
    java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient plainClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }
}
