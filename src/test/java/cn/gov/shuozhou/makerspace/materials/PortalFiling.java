package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CONVERTED_OLD_BUILDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.HOST_TYPE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.PREMISES;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_FOCUS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An organisation on the portal's doors over HTTP (Basic, demo password = user id): the checklist,
 * uploads of drafts, and the filing of an application with a PDF for each required item.
 */
public final class PortalFiling {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Function<String, URI> uri;

  /** {@code uri}: the running app's address of a path (e.g. {@code AbstractHttpTest::uri}). */
  public PortalFiling(Function<String, URI> uri) {
    this.uri = uri;
  }

  /** Files {@code application} with every required item; {@code REGISTRATION} is 营业执照.pdf with these bytes. */
  public String fileWithMaterials(String user, Map<String, Object> application, byte[] registration) throws Exception {
    for (String code : required(user, application)) {
      byte[] content = "REGISTRATION".equals(code) ? registration : Multipart.pdf(code);
      String name = "REGISTRATION".equals(code) ? "营业执照.pdf" : code + ".pdf";
      assertThat(upload(user, Multipart.of("application", code).file(name, content)).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> filed = post(user, "/api/my/applications", application);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return json(filed).get(APPLICATION_NUMBER).asText();
  }

  /** The required items' codes of the checklist for this application. */
  public List<String> required(String user, Map<String, Object> application) {
    List<String> codes = new ArrayList<>();
    checklist(user, application).get("items").forEach(item -> {
      if (item.get("required").asBoolean()) {
        codes.add(item.get("code").asText());
      }
    });
    return codes;
  }

  /** GET /api/materials/checklist for this application's answers. */
  public JsonNode checklist(String user, Map<String, Object> application) {
    String query = "premises=" + application.get(PREMISES) + "&hostType=" + application.get(HOST_TYPE)
        + "&convertedOldBuilding=" + application.get(CONVERTED_OLD_BUILDING) + "&spaceFocus=" + application.get(SPACE_FOCUS);
    HttpResponse<String> answer = get(user, "/api/materials/checklist?" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  public HttpResponse<String> upload(String user, Multipart multipart) {
    return Http.send(client, authorized(user, "/api/materials")
        .header("Content-Type", multipart.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
  }

  public HttpResponse<String> post(String user, String path, Map<String, Object> body) throws Exception {
    return Http.send(client, authorized(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> get(String user, String path) {
    return Http.send(client, authorized(user, path).GET());
  }

  public HttpResponse<byte[]> getBytes(String user, String path) {
    try {
      return client.send(authorized(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder authorized(String user, String path) {
    return HttpRequest.newBuilder(uri.apply(path)).header("Accept", "application/json").header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.body(), e);
    }
  }
}
