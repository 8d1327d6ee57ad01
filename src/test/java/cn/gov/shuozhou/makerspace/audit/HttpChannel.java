package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.support.Http;
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

/**
 * One way into the engine's API with any HTTP method: {@code /engine-rest} with HTTP Basic, or the
 * webapps' own {@code /camunda/api/engine/engine/default} with a logged-in session (cookie and
 * CSRF token, as a browser sends them).
 */
abstract class HttpChannel {

  static final String MULTIPART_BOUNDARY = "audit-test-boundary-7f3a";

  private final HttpClient client;
  private final String base;

  private HttpChannel(HttpClient client, String base) {
    this.client = client;
    this.base = base;
  }

  /** {@code /engine-rest} with HTTP Basic as a demo user (password = user id). */
  static HttpChannel engineRest(int port, String user) {
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new HttpChannel(client, "http://localhost:" + port + "/engine-rest") {
      @Override
      HttpRequest.Builder decorate(HttpRequest.Builder builder) {
        return builder.header("Authorization", authorization);
      }

      @Override
      public String toString() {
        return "/engine-rest";
      }
    };
  }

  /** The webapps' engine API after a Cockpit login of a demo user. */
  static HttpChannel webapp(int port, String user) {
    HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    String root = "http://localhost:" + port;
    String[] token = {csrfToken(client, root)};
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    HttpResponse<String> login = Http.send(client, HttpRequest.newBuilder(
            URI.create(root + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token[0])
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to cockpit: HTTP " + login.statusCode());
    }
    token[0] = csrfToken(client, root);
    return new HttpChannel(client, root + "/camunda/api/engine/engine/default") {
      @Override
      HttpRequest.Builder decorate(HttpRequest.Builder builder) {
        return builder.header("X-XSRF-TOKEN", token[0]);
      }

      @Override
      String root() {
        return root;
      }

      @Override
      public String toString() {
        return "/camunda/api/engine";
      }
    };
  }

  /** Another path of the webapps (only for a webapp channel): {@code /camunda/api/...}. */
  String root() {
    throw new UnsupportedOperationException("not a webapp session");
  }

  abstract HttpRequest.Builder decorate(HttpRequest.Builder builder);

  HttpResponse<String> get(String path) {
    return send(path, "GET", null, null);
  }

  /** Sends {@code body} as JSON, or as multipart/form-data when it starts with the boundary. */
  HttpResponse<String> send(String path, String method, String body) {
    String type = body != null && body.startsWith("--" + MULTIPART_BOUNDARY)
        ? "multipart/form-data; boundary=" + MULTIPART_BOUNDARY
        : "application/json";
    return send(path, method, body, type);
  }

  /** An absolute path on the same server and session (for the webapps' other APIs). */
  HttpResponse<String> sendAbsolute(String absolutePath, String method, String body, String contentType) {
    return sendTo(URI.create(root() + absolutePath), method, body, contentType);
  }

  private HttpResponse<String> send(String path, String method, String body, String contentType) {
    return sendTo(URI.create(base + path), method, body, contentType);
  }

  private HttpResponse<String> sendTo(URI uri, String method, String body, String contentType) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "application/json");
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return Http.send(client, decorate(builder));
  }

  private static String csrfToken(HttpClient client, String root) {
    HttpResponse<String> welcome = Http.send(client,
        HttpRequest.newBuilder(URI.create(root + "/camunda/app/welcome/default/")).GET());
    return welcome.headers().firstValue("X-XSRF-TOKEN")
        .orElseThrow(() -> new IllegalStateException("no CSRF token: HTTP " + welcome.statusCode()));
  }

  /** A multipart/form-data body with one file part and plain fields. */
  static String multipart(String fileField, String fileName, String fileContent, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append("--").append(MULTIPART_BOUNDARY).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
          .append(fields[i + 1]).append("\r\n");
    }
    body.append("--").append(MULTIPART_BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(fileField)
        .append("\"; filename=\"").append(fileName).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(fileContent).append("\r\n")
        .append("--").append(MULTIPART_BOUNDARY).append("--\r\n");
    return body.toString();
  }
}
