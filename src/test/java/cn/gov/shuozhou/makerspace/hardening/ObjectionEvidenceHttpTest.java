package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static cn.gov.shuozhou.makerspace.materials.Multipart.fields;
import static cn.gov.shuozhou.makerspace.materials.Multipart.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.materials.PortalFiling;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evidence files of a real-name objection (Art. 5 (3)), through both doors: {@code POST
 * /api/objections} as multipart and the notice page's no-JavaScript form. A good file is stored with
 * its SHA-256 in the objection's transaction; every bad kind is refused at field {@code evidence}
 * in Chinese and leaves nothing (no objection, no evidence row, no chunk, no task). Only the city
 * bureau and auditors read the evidence; it never names the objector.
 */
class ObjectionEvidenceHttpTest extends HardeningHttpTest {

  private static final long MB = 1024L * 1024L;
  private final PortalFiling portal = new PortalFiling(this::uri);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Test
  void anObjectionCarriesItsEvidenceWhichOnlyTheCityBureauAndAuditorsRead() throws Exception {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    byte[] pdf = pdf("现场照片说明 " + System.nanoTime());
    var body = objection(notice, "13800004441", "公示面积与实测不符")
        .part("evidence", "测量记录.pdf", pdf).part("evidence", "现场照片.png", PNG);

    HttpResponse<String> filed = post("/api/objections", body);

    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = json(filed.body()).get("acknowledgementNumber").asText();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM ms_objection_evidence "
        + "WHERE acknowledgement_number = ? ORDER BY file_name", number);
    assertThat(rows).extracting(r -> r.get("FILE_NAME")).containsExactly("测量记录.pdf", "现场照片.png");
    assertThat(rows.get(0)).containsEntry("SHA256", sha256(pdf)).containsEntry("SIZE_BYTES", (long) pdf.length)
        .containsEntry("CONTENT_TYPE", "application/pdf").containsEntry("APPLICATION_NUMBER", notice.getBusinessKey());
    assertThat(rows.get(1)).containsEntry("SHA256", sha256(PNG)).containsEntry("CONTENT_TYPE", "image/png");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(notice.getId())
        .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).isEqualTo(1);

    for (String reader : List.of("city1", "auditor1")) {
      HttpResponse<String> list = get("/api/objection-evidence?caseNumber=" + notice.getBusinessKey(), reader);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      JsonNode files = json(list.body());
      assertThat(files).hasSize(2);
      assertThat(files.findValuesAsText("acknowledgementNumber")).containsOnly(number);
      assertThat(files.findValuesAsText("sha256")).containsExactly(sha256(pdf), sha256(PNG));
      assertThat(list.body()).as("the evidence names no objector").doesNotContain("王五", VALID_ID_NUMBER, "13800004441");

      HttpResponse<byte[]> download = portal.getBytes(reader, files.get(0).get("downloadUrl").asText());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(pdf);
      assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
      assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
    String fileUrl = json(get("/api/objection-evidence?caseNumber=" + notice.getBusinessKey(), "city1").body())
        .get(0).get("downloadUrl").asText();
    // the applicant's organisation, the county's reviewer, an expert, the leaders: 403; the public: 401
    for (String other : List.of("operator1", "shuocheng1", "expert1", "leader1", "inspector1")) {
      for (String path : List.of("/api/objection-evidence?caseNumber=" + notice.getBusinessKey(), fileUrl)) {
        HttpResponse<String> refused = get(path, other);
        assertThat(refused.statusCode()).as("%s %s: %s", other, path, refused.body()).isEqualTo(403);
        assertThat(refusalText(refused)).containsPattern(CHINESE);
      }
    }
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(fileUrl)).GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/public/notices/" + notice.getBusinessKey())).GET());
    assertThat(page.body()).as("the public page never shows the evidence").doesNotContain("测量记录");
  }

  static Stream<Arguments> badEvidence() {
    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';
    byte[] javascript = "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"
        .getBytes();
    byte[] embedded = "%PDF-1.4\n1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj\n%%EOF".getBytes();
    byte[] oversized = new byte[(int) (10 * MB) + 1]; // objectionEvidenceMaxFileMb of certification-policy, plus one byte
    System.arraycopy(pdf("x"), 0, oversized, 0, 20);
    return Stream.of(
        Arguments.of("a wrong type", files("说明.pdf", "这是一段文字，不是文件".getBytes())),
        Arguments.of("an executable renamed .pdf", files("证据.pdf", executable)),
        Arguments.of("a PDF with JavaScript", files("证据.pdf", javascript)),
        Arguments.of("a PDF with an embedded file", files("证据.pdf", embedded)),
        Arguments.of("an empty file", files("证据.pdf", new byte[0])),
        Arguments.of("an oversized file", files("证据.pdf", oversized)),
        Arguments.of("a PNG named .pdf", files("证据.pdf", PNG)),
        Arguments.of("a name with a path", files("../../证据.pdf", pdf("a"))),
        Arguments.of("a Windows path", files("c:\\证据\\a.pdf", pdf("b"))),
        Arguments.of("too many files", sixFiles()),
        Arguments.of("a good file after a bad one", Map.of("说明.pdf", "不是文件".getBytes(), "好.pdf", pdf("c"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvidence")
  void badEvidenceIsRefusedAtItsFieldAndNothingIsStored(String kind, Map<String, byte[]> files) {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    Snapshot before = snapshot();

    var api = objection(notice, "13800004442", "理由：" + kind);
    files.forEach((name, bytes) -> api.part("evidence", name, bytes));
    HttpResponse<String> refused = post("/api/objections", api);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused.body()).get("errors").findValuesAsText("field")).containsOnly("evidence");
    assertThat(refusalText(refused)).containsPattern(CHINESE);
    assertThat(snapshot()).as("nothing of a refused objection remains").isEqualTo(before);

    var form = fields(objector("13800004442", "理由：" + kind));
    files.forEach((name, bytes) -> form.part("evidence", name, bytes));
    HttpResponse<String> page = post("/public/notices/" + notice.getBusinessKey() + "/objection", form);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"objection-evidence-error\"").contains("aria-invalid=\"true\"");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theNoScriptFormFilesTheObjectionWithItsEvidence() throws Exception {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    byte[] pdf = pdf("表单证据 " + System.nanoTime());
    var form = fields(objector("13800004443", "场地已转租他人"))
        .part("evidence", "租赁合同.pdf", pdf).part("evidence", "", new byte[0]); // a second input left empty

    HttpResponse<String> page = post("/public/notices/" + notice.getBusinessKey() + "/objection", form);

    assertThat(page.statusCode()).as(page.body()).isEqualTo(303); // to the receipt page
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/public/objections/receipts/"));
    assertThat(jdbc.queryForList("SELECT sha256 FROM ms_objection_evidence WHERE application_number = ?",
        String.class, notice.getBusinessKey())).containsExactly(sha256(pdf));
  }

  @Test
  void theNoticePageOffersALabelledFileInputInAMultipartForm() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    String page = send(HttpRequest.newBuilder(uri("/public/notices/" + notice.getBusinessKey())).GET()).body();
    assertThat(page).contains("enctype=\"multipart/form-data\"").contains("<label class=\"field\" for=\"objection-evidence\">")
        .contains("id=\"objection-evidence\" name=\"evidence\" multiple")
        .contains("最多5个文件，每个不超过10兆字节"); // objectionEvidenceMaxFiles, objectionEvidenceMaxFileMb
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, byte[]> files(String name, byte[] content) {
    return Map.of(name, content);
  }

  private static Map<String, byte[]> sixFiles() {
    Map<String, byte[]> six = new LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      six.put("证据" + i + ".pdf", pdf("第" + i + "份"));
    }
    return six;
  }

  private static Map<String, String> objector(String phone, String reasons) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "王五");
    fields.put("idNumber", VALID_ID_NUMBER);
    fields.put("phone", phone);
    fields.put("reasons", reasons);
    return fields;
  }

  /** The materials tests' multipart body (the parent class has its own {@code Multipart}). */
  private static cn.gov.shuozhou.makerspace.materials.Multipart objection(ProcessInstance notice, String phone, String reasons) {
    var m = fields(Map.of("applicationNumber", notice.getBusinessKey()));
    objector(phone, reasons).forEach(m::field);
    return m;
  }

  private HttpResponse<String> post(String path, cn.gov.shuozhou.makerspace.materials.Multipart body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", body.contentType())
        .header("Accept", path.startsWith("/api") ? "application/json" : "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())));
  }

  private HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Accept", "application/json").GET());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
