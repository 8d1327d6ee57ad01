package cn.gov.shuozhou.makerspace.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The adapter of the HTTP SMS gateway: {@code POST makerspace.sms.url} with header
 * {@code X-Api-Key: makerspace.sms.key} and JSON {@code {"requestId", "phone", "text"}}
 * ({@code requestId} = outbox id, so that the gateway can drop a re-sent message). Any 2xx answer
 * is a delivery. Disabled (no SMS is written into the outbox) while the URL is not configured.
 */
@Component
public class SmsGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String url;
  private final String key;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public SmsGateway(@Value("${makerspace.sms.url:}") String url, @Value("${makerspace.sms.key:}") String key) {
    this.url = url.isBlank() ? null : url;
    this.key = key;
  }

  public boolean enabled() {
    return url != null;
  }

  /** Sends one SMS; throws when the gateway is unreachable or refuses it. */
  void send(String requestId, String phone, String text) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("requestId", requestId, "phone", phone, "text", text));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").header("X-Api-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("SMS gateway answered HTTP " + response.statusCode());
    }
  }
}
