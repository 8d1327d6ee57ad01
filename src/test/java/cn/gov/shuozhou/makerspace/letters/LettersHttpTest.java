package cn.gov.shuozhou.makerspace.letters;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The letters' doors over HTTP against the running application: the applicant's organisation and
 * the case's staff list and download them, another organisation and strangers are refused, bad
 * input is refused naming the field, nothing can change a letter, and the certificate is public.
 */
class LettersHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theApplicantDownloadsItsLettersAndTheCertificateAnotherOrganisationIsRefused() throws Exception {
    Map<String, Object> app = Applications.valid("shuocheng");
    String owner = OrganisationAccounts.ownerOf(engine, (String) app.get(CREDIT_CODE));
    ProcessInstance pi = file(owner, app);
    new CertificationDriver(engine).certify(pi.getId());
    String number = pi.getBusinessKey();

    HttpResponse<String> list = get("/api/my/applications/" + number + "/letters", owner);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode letters = JSON.readTree(list.body());
    assertThat(letters.findValuesAsText("kind")).containsExactly("ACCEPTANCE_RECEIPT", "CERTIFICATION_NOTICE", "CERTIFICATE");
    assertThat(letters.findValuesAsText("title")).containsExactly("受理回执", "认定通知书", "朔州市众创空间证书");

    for (JsonNode letter : letters) {
      HttpResponse<byte[]> pdf = download(letter.get("url").asText(), owner);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(LetterIssuer.sha256(pdf.body())).as("the listed hash").isEqualTo(letter.get("sha256").asText());
    }
    String receiptUrl = letters.get(0).get("url").asText();
    assertThat(download(receiptUrl, "city1").statusCode()).as("the city bureau reads every case's letters").isEqualTo(200);
    assertThat(download(receiptUrl, "auditor1").statusCode()).isEqualTo(200);

    // who may not read the case is answered as for an unknown one: case numbers are sequential, and a 403 told
    // another organisation which exist
    HttpResponse<String> stranger = get(receiptUrl, "operator2");
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).contains("未找到该文书");
    HttpResponse<String> strangersList = get("/api/my/applications/" + number + "/letters", "operator2");
    String unknownNumber = number.substring(0, number.length() - 6) + "999999";
    HttpResponse<String> unknownList = get("/api/my/applications/" + unknownNumber + "/letters", "operator2");
    assertThat(strangersList.statusCode()).isEqualTo(unknownList.statusCode()).isEqualTo(404);
    assertThat(strangersList.body().replace(number, unknownNumber)).isEqualTo(unknownList.body());
    assertThat(get(receiptUrl, "pinglu1").statusCode()).as("another county's staff").isEqualTo(404);
    assertThat(get(receiptUrl, "ruleadmin1").statusCode()).as("a role that reads no letters").isEqualTo(403);
    assertThat(send(HttpRequest.newBuilder(uri(receiptUrl)).GET()).statusCode()).as("anonymous").isEqualTo(401);

    // the public registry's certificate is the same file, without login
    String certificate = letters.get(2).get("documentNumber").asText();
    HttpResponse<byte[]> open = client.send(HttpRequest.newBuilder(uri("/public/registry/" + certificate + "/certificate"))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(LetterIssuer.sha256(open.body())).isEqualTo(letters.get(2).get("sha256").asText());
    assertThat(send(HttpRequest.newBuilder(uri("/public/registry/" + certificate)).GET()).body())
        .contains("/public/registry/" + certificate + "/certificate").contains("下载证书文件");
    // no such certificate: the public 404 page naming the number, as for the space's own page
    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/public/registry/SZZC-1999-999/certificate")).GET());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(unknown.body()).contains("未查到证书").contains("“SZZC-1999-999”").contains("返回名录");
    assertThat(send(HttpRequest.newBuilder(uri("/public/registry/SZZC_1999/certificate")).GET()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void noRequestChangesOrRemovesALetter() throws Exception {
    Map<String, Object> app = Applications.valid("shuocheng");
    String owner = OrganisationAccounts.ownerOf(engine, (String) app.get(CREDIT_CODE));
    String number = file(owner, app).getBusinessKey();
    JsonNode receipt = JSON.readTree(get("/api/my/applications/" + number + "/letters", owner).body()).get(0);
    String url = receipt.get("url").asText();
    byte[] before = download(url, owner).body();

    for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
      for (String user : List.of(owner, "admin")) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(url)).header("Authorization", basic(user))
            .header("Content-Type", "application/pdf").method(method, HttpRequest.BodyPublishers.ofString("%PDF-1.7 forged")));
        assertThat(r.statusCode()).as("%s %s as %s: %s", method, url, user, r.body()).isIn(403, 405);
      }
    }
    byte[] after = download(url, owner).body();
    assertThat(after).isEqualTo(before);
    assertThat(LetterIssuer.sha256(after)).isEqualTo(receipt.get("sha256").asText());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ms_letter WHERE application_number = ?", Integer.class, number))
        .isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    HttpResponse<String> parameter = get("/api/letters/" + UUID.randomUUID() + "?download=1", "city1");
    assertThat(parameter.statusCode()).isEqualTo(400);
    assertThat(parameter.body()).contains("download").contains("未知参数");
    HttpResponse<String> id = get("/api/letters/not-a-letter", "city1");
    assertThat(id.statusCode()).isEqualTo(400);
    assertThat(id.body()).contains("文书标识（id）格式不正确");
    HttpResponse<String> unknown = get("/api/letters/" + UUID.randomUUID(), "city1");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("未找到该文书");
    HttpResponse<String> number = get("/api/my/applications/SQ_2026/letters", "city1");
    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(number.body()).contains("申请编号（applicationNumber）格式不正确");
    assertThat(get("/api/my/applications/SQ-1999-000001/letters", "city1").statusCode()).isEqualTo(404);
  }

  private ProcessInstance file(String operator, Map<String, Object> application) {
    return new CertificationDriver(engine).applyAs(operator, application);
  }

  private HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET());
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** HTTP Basic with the password = user id (demo users and the tests' organisation accounts). */
  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
