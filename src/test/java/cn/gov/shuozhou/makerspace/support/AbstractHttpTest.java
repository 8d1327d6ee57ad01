package cn.gov.shuozhou.makerspace.support;

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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of HTTP tests against the real application on a random port, with its own in-memory H2
 * database per Spring test context (test classes with the same configuration share one context,
 * and so one database: create your own data, filter queries by your own ids).
 *
 * <p>Helpers: {@link #rest} for {@code /engine-rest} with HTTP Basic, {@link #webapp} for the
 * Camunda webapps (session cookie and CSRF token dance).
 *
 * <p>Camunda's REST API and webapps find the engine by name ("default") in the static
 * {@link ProcessEngines} registry, which all Spring test contexts of the JVM share: the context
 * started last wins. Each test therefore registers its own context's engine first.
 *
 * <p>All requests come from 127.0.0.1, and all classes share the context: the login throttle
 * (security/LoginThrottle) is set so high here that the suite's wrong passwords never make it
 * answer 429; security/LoginThrottleHttpTest tests it with the real settings.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:makerspace-${random.uuid};DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "makerspace.login-throttle.account-free-failures=1000000",
        "makerspace.login-throttle.address-free-failures=1000000"
    })
public abstract class AbstractHttpTest {

  protected static final String ENGINE_REST = "/engine-rest";

  @LocalServerPort
  protected int port;

  @Autowired
  private ProcessEngine processEngine;

  private final HttpClient plainClient = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  /** See the class comment: HTTP requests of this test must reach this context's engine. */
  @BeforeEach
  void registerThisContextsEngine() {
    ProcessEngines.registerProcessEngine(processEngine);
  }

  protected URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A REST client for {@code /engine-rest}; {@code user == null} sends no credentials. */
  protected RestClient rest(String user, String password) {
    return new RestClient(user, password);
  }

  /** A REST client authenticated as a demo user (password = user id). */
  protected RestClient rest(String demoUser) {
    return rest(demoUser, demoUser);
  }

  /** A client of our application API ({@code /api/...}, paths from the root) as a demo user, HTTP Basic. */
  protected RestClient api(String demoUser) {
    return new RestClient("", demoUser, demoUser);
  }

  /** A fresh browser-like webapp session (own cookies), not logged in yet. */
  protected WebappSession webapp() {
    return new WebappSession();
  }

  /** Sends one request without cookies or credentials. */
  protected HttpResponse<String> send(HttpRequest.Builder request) {
    return Http.send(plainClient, request);
  }

  /** {@code /engine-rest} calls with HTTP Basic. Paths are relative to {@code /engine-rest}. */
  public class RestClient {

    private final String authorization;
    private final String base;

    RestClient(String user, String password) {
      this(ENGINE_REST, user, password);
    }

    RestClient(String base, String user, String password) {
      this.base = base;
      this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) {
      return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
      return send(request(path)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> put(String path, String json) {
      return send(request(path)
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> delete(String path) {
      return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri(base + path))
          .header("Accept", "application/json");
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      return builder;
    }
  }

  /**
   * A webapp session as a browser holds it: cookies plus the CSRF token that every response
   * carries in the {@code X-XSRF-TOKEN} header and must be sent back on every modifying request.
   * Login replaces the session, so the token is fetched again afterwards.
   */
  public class WebappSession {

    public static final String WELCOME_PAGE = "/camunda/app/welcome/default/";
    private static final String TOKEN_HEADER = "X-XSRF-TOKEN";

    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private String csrfToken;

    /**
     * Logs in to {@code app} ({@code tasklist}, {@code cockpit}, {@code admin} or {@code welcome}):
     * 200 on success, 401 for wrong credentials, 403 when the user may not use that app.
     */
    public HttpResponse<String> login(String user, String password, String app) {
      refreshToken();
      String form = "username=" + encode(user) + "&password=" + encode(password);
      HttpResponse<String> response = Http.send(client, HttpRequest.newBuilder(
              uri("/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .header(TOKEN_HEADER, csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (response.statusCode() == 200) {
        refreshToken();
      }
      return response;
    }

    /** Logs in a demo user (password = user id). */
    public HttpResponse<String> login(String demoUser, String app) {
      return login(demoUser, demoUser, app);
    }

    /** GET a path of the webapps (e.g. {@code /camunda/api/engine/engine/default/task}). */
    public HttpResponse<String> get(String path) {
      HttpResponse<String> response = Http.send(client, HttpRequest.newBuilder(uri(path))
          .header("Accept", "application/json")
          .GET());
      response.headers().firstValue(TOKEN_HEADER).ifPresent(token -> csrfToken = token);
      return response;
    }

    /** OPTIONS of a path of the webapps: what the user may do with that resource (its links). */
    public HttpResponse<String> options(String path) {
      return Http.send(client, HttpRequest.newBuilder(uri(path))
          .header("Accept", "application/json")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    /** POST JSON with the current CSRF token. */
    public HttpResponse<String> post(String path, String json) {
      if (csrfToken == null) {
        refreshToken();
      }
      return Http.send(client, HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header(TOKEN_HEADER, csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** PUT JSON with the current CSRF token. */
    public HttpResponse<String> put(String path, String json) {
      if (csrfToken == null) {
        refreshToken();
      }
      return Http.send(client, HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header(TOKEN_HEADER, csrfToken)
          .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public String csrfToken() {
      return csrfToken;
    }

    private void refreshToken() {
      HttpResponse<String> response = get(WELCOME_PAGE);
      csrfToken = response.headers().firstValue(TOKEN_HEADER)
          .orElseThrow(() -> new IllegalStateException(
              "No " + TOKEN_HEADER + " header on " + WELCOME_PAGE + ": HTTP " + response.statusCode()));
    }

    private String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
