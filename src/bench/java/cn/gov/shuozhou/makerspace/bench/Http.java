package cn.gov.shuozhou.makerspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The engine's REST API as one user (HTTP Basic; the demo users' password is their id). */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String authorization;

  Http(String base, String user) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  JsonNode get(String path) {
    return send(request(path).GET().build(), path);
  }

  JsonNode post(String path, Object body) {
    return post(path, body, "application/json");
  }

  JsonNode post(String path, Object body, String accept) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json").header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), path);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization);
  }

  private static JsonNode send(HttpRequest request, String path) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new HttpError(r.statusCode(), request.method() + " " + path + " -> " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
