package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static cn.gov.shuozhou.makerspace.materials.PortalFiling.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The materials door over HTTP as the real accounts: every bad upload is refused in Chinese with
 * nothing stored; the portal's filing needs the required items and binds them to the case; a
 * supplement adds a version and keeps the old one; downloads carry the safe headers and follow the
 * case's readers (the county's reviewer yes, another county or organisation no).
 */
class MaterialsHttpTest extends AbstractHttpTest {

  private static final long MB = 1024L * 1024L;

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private final PortalFiling portal = new PortalFiling(this::uri);

  @Test
  void everyBadUploadIsRefusedInChineseAndLeavesNothingStored() {
    String user = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';
    byte[] oversized = new byte[(int) (20 * MB) + 1]; // uploadMaxFileMb of certification-policy, plus one byte
    System.arraycopy(Multipart.pdf("x"), 0, oversized, 0, 8);
    Map<String, Multipart> bad = new LinkedHashMap<>();
    bad.put("a GIF is not an accepted type", Multipart.of("application", "FLOOR_PLAN")
        .file("plan.gif", "GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1)));
    bad.put("an executable renamed .pdf", Multipart.of("application", "REGISTRATION").file("licence.pdf", executable));
    bad.put("a PDF with JavaScript", Multipart.of("application", "REGISTRATION").file("licence.pdf",
        "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF".getBytes()));
    bad.put("a PDF with an escaped script name", Multipart.of("application", "REGISTRATION").file("licence.pdf",
        "%PDF-1.4\n1 0 obj << /S /J#61vaScript >> endobj\n%%EOF".getBytes()));
    bad.put("a PDF with an embedded file", Multipart.of("application", "REGISTRATION").file("licence.pdf",
        "%PDF-1.4\n1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj\n%%EOF".getBytes()));
    bad.put("an empty file", Multipart.of("application", "REGISTRATION").file("licence.pdf", new byte[0]));
    bad.put("a name with ..", Multipart.of("application", "REGISTRATION").file("../licence.pdf", Multipart.pdf("a")));
    bad.put("a name with a backslash", Multipart.of("application", "REGISTRATION").file("c:\\x\\licence.pdf", Multipart.pdf("b")));
    bad.put("a name with a control character", Multipart.of("application", "REGISTRATION").file("lic\u0001ence.pdf", Multipart.pdf("c")));
    bad.put("a PNG named .pdf", Multipart.of("application", "REGISTRATION").file("licence.pdf",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}));
    bad.put("an oversized file", Multipart.of("application", "REGISTRATION").file("licence.pdf", oversized));
    bad.put("an item not on the checklist", Multipart.of("application", "PASSPORT").file("p.pdf", Multipart.pdf("d")));
    bad.put("an unknown step", Multipart.of("draft", "REGISTRATION").file("p.pdf", Multipart.pdf("e")));
    bad.put("a field the door does not declare", Multipart.of("application", "REGISTRATION")
        .field("version", "7").file("p.pdf", Multipart.pdf("f")));
    bad.put("a supplement without an open supplement", Multipart.of("supplement", "REGISTRATION")
        .field("caseNumber", "SQ-2026-0001").file("p.pdf", Multipart.pdf("g")));
    long chunksBefore = count("SELECT COUNT(*) FROM ms_material_chunk");

    bad.forEach((what, upload) -> {
      HttpResponse<String> answer = portal.upload(user, upload);
      assertThat(answer.statusCode()).as(what).isEqualTo(400);
      JsonNode body = json(answer);
      assertThat(body.get("detail").asText()).as(what).containsPattern("\\p{IsHan}");
      String field = body.get("errors").get(0).get("field").asText();
      assertThat(body.get("errors").get(0).get("message").asText()).as(what + ": names its field").contains(field);
    });
    assertThat(count("SELECT COUNT(*) FROM ms_material_file WHERE uploaded_by = ?", user)).isZero();
    assertThat(count("SELECT COUNT(*) FROM ms_material_chunk")).as("no chunk of a refused file").isEqualTo(chunksBefore);
    assertThat(json(portal.upload(user, bad.get("an oversized file"))).get("detail").asText()).contains("20 MB");
    assertThat(json(portal.upload(user, bad.get("an executable renamed .pdf"))).get("detail").asText()).contains("PDF、JPEG、PNG");
  }

  @Test
  void theFilingNeedsEveryRequiredItemAndBindsTheDraftsToTheCase() throws Exception {
    String creditCode = Applications.newCreditCode();
    String user = OrganisationAccounts.ownerOf(engine, creditCode);
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    assertThat(portal.checklist(user, application).get("maxFileBytes").asLong()).isEqualTo(20 * MB);
    List<String> required = portal.required(user, application);
    assertThat(required).contains("REGISTRATION", "APPLICATION_FORM", "LEASE_CONTRACT");
    Map<String, String> sha = new LinkedHashMap<>();
    for (String code : required.subList(1, required.size())) {
      byte[] pdf = Multipart.pdf(code + creditCode);
      HttpResponse<String> stored = portal.upload(user, Multipart.of("application", code).file(code + ".pdf", pdf));
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
      assertThat(json(stored).get("sha256").asText()).isEqualTo(sha256(pdf));
      sha.put(code, sha256(pdf));
    }

    HttpResponse<String> incomplete = portal.post(user, "/api/my/applications", application);
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("缺少必需的申报材料").contains(required.get(0)).contains("materials");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals(CREDIT_CODE, creditCode).count()).as("no case was started").isZero();

    byte[] first = Multipart.pdf("营业执照" + creditCode);
    assertThat(portal.upload(user, Multipart.of("application", required.get(0)).file("营业执照.pdf", first)).statusCode())
        .isEqualTo(201);
    sha.put(required.get(0), sha256(first));
    HttpResponse<String> filed = portal.post(user, "/api/my/applications", application);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = json(filed).get(APPLICATION_NUMBER).asText();

    JsonNode files = json(portal.get(user, "/api/materials?caseNumber=" + number));
    assertThat(files).hasSize(required.size());
    for (JsonNode f : files) {
      assertThat(f.get("submitted").asBoolean()).isTrue();
      assertThat(f.get("version").asInt()).isEqualTo(1);
      assertThat(f.get("sha256").asText()).isEqualTo(sha.get(f.get("materialCode").asText()));
    }
    assertThat(json(portal.get(user, "/api/materials"))).as("no draft is left").isEmpty();
  }

  @Test
  void downloadsAreAttachmentsForTheCasesReadersOnly() throws Exception {
    String creditCode = Applications.newCreditCode();
    String user = OrganisationAccounts.ownerOf(engine, creditCode);
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    byte[] licence = Multipart.pdf("营业执照" + creditCode);
    String number = portal.fileWithMaterials(user, application, licence);
    Task review = awaitTask(number, TASK_FIRST_REVIEW);
    assertThat(review).isNotNull();
    JsonNode registration = findItem(json(portal.get(user, "/api/materials?caseNumber=" + number)), "REGISTRATION");
    String url = registration.get("downloadUrl").asText();

    HttpResponse<byte[]> own = portal.getBytes(user, url);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(licence);
    assertThat(own.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment").contains("filename*=UTF-8''" + URLEncoder.encode("营业执照", StandardCharsets.UTF_8));
    assertThat(own.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(own.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

    // the county's reviewer reads the case once its first review is theirs (granted after the task's commit)
    HttpResponse<byte[]> reviewer = awaitReadable("shuocheng1", url);
    assertThat(reviewer.statusCode()).isEqualTo(200);
    assertThat(reviewer.body()).isEqualTo(licence);
    assertThat(portal.getBytes("city1", url).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> preview = portal.getBytes("shuocheng1", registration.get("previewUrl").asText());
    assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
    assertThat(preview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");

    for (String stranger : List.of("operator2", "pinglu1", "ruleadmin1")) {
      HttpResponse<byte[]> refused = portal.getBytes(stranger, url);
      assertThat(refused.statusCode()).as(stranger).isEqualTo(403);
      assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(stranger).contains("无权查看");
    }
    assertThat(portal.get("operator2", "/api/materials?caseNumber=" + number).statusCode()).isEqualTo(403);
  }

  @Test
  void aSupplementAddsANewVersionAndKeepsTheOldOne() throws Exception {
    String creditCode = Applications.newCreditCode();
    String user = OrganisationAccounts.ownerOf(engine, creditCode);
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    application.put(ONLINE_SERVICES, false); // Art. 4 not met: the case goes back to the applicant
    byte[] old = Multipart.pdf("旧营业执照" + creditCode);
    String number = portal.fileWithMaterials(user, application, old);
    Task supplement = awaitTask(number, TASK_SUPPLEMENT);
    assertThat(supplement.getAssignee()).isEqualTo(user);

    byte[] corrected = Multipart.pdf("新营业执照" + creditCode);
    HttpResponse<String> draft = portal.upload(user, Multipart.of("supplement", "REGISTRATION").field("caseNumber", number)
        .file("营业执照（补正）.pdf", corrected));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    assertThat(json(draft).get("submitted").asBoolean()).isFalse();
    String otherUser = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    assertThat(portal.upload(otherUser, Multipart.of("supplement", "REGISTRATION").field("caseNumber", number)
        .file("x.pdf", Multipart.pdf("x"))).statusCode()).as("only the case's own applicant").isEqualTo(400);

    engine.getTaskService().complete(supplement.getId(), Map.of(WITHDRAWN, true));

    List<JsonNode> registrations = new ArrayList<>();
    json(portal.get(user, "/api/materials?caseNumber=" + number)).forEach(f -> {
      if ("REGISTRATION".equals(f.get("materialCode").asText())) {
        registrations.add(f);
      }
    });
    // an item's versions as they were submitted, the oldest first
    assertThat(registrations).extracting(f -> f.get("version").asInt()).containsExactly(1, 2);
    assertThat(registrations).extracting(f -> f.get("sha256").asText()).containsExactly(sha256(old), sha256(corrected));
    assertThat(registrations).allMatch(f -> f.get("submitted").asBoolean());
  }

  // ------------------------------------------------------------------ helpers

  private Task awaitTask(String number, String key) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
          .singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no task " + key + " for " + number);
  }

  private HttpResponse<byte[]> awaitReadable(String user, String url) throws InterruptedException {
    HttpResponse<byte[]> answer = portal.getBytes(user, url);
    for (int i = 0; i < 50 && answer.statusCode() == 403; i++) {
      Thread.sleep(100);
      answer = portal.getBytes(user, url);
    }
    return answer;
  }

  private static JsonNode findItem(JsonNode files, String code) {
    for (JsonNode f : files) {
      if (code.equals(f.get("materialCode").asText())) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + files);
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
