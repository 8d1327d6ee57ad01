package cn.gov.shuozhou.makerspace.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county's view (Art. 6) over HTTP as the demo users: each area's bureau reads only the certified
 * spaces of its area (the development zone's too), the city bureau every area, nobody else any; the
 * bureau of the area records service entries with attachments, refused in Chinese at the field with
 * nothing stored when bad; entries are never changed, only corrected; the year's entries appear in the
 * space's annual assessment for the city bureau.
 */
class CountyViewHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPACES = "/api/county/spaces";

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;
  @Autowired JdbcTemplate jdbc;

  private SupervisionFixtures supervision;

  @BeforeEach
  void fixtures() {
    supervision = new SupervisionFixtures(engine, certificates, new CertificationDriver(engine));
  }

  @Test
  void eachAreaReadsOnlyItsOwnCertifiedSpaces() {
    String shuocheng = certified("shuocheng", "朔城区县域视图空间");
    String pinglu = certified("pinglu", "平鲁区县域视图空间");
    String devzone = certified("devzone", "开发区县域视图空间");

    assertThat(listed("shuocheng1", "县域视图空间")).contains(shuocheng).doesNotContain(pinglu, devzone);
    assertThat(listed("pinglu1", "县域视图空间")).contains(pinglu).doesNotContain(shuocheng, devzone);
    assertThat(listed("devzone1", "县域视图空间")).contains(devzone).doesNotContain(shuocheng, pinglu);
    assertThat(listed("city1", "县域视图空间")).contains(shuocheng, pinglu, devzone);

    JsonNode file = json(get("shuocheng1", SPACES + "/" + shuocheng), 200);
    assertThat(file.at("/certificate/spaceName").asText()).isEqualTo("朔城区县域视图空间");
    assertThat(file.at("/certificate/countyName").asText()).isEqualTo("朔城区");
    assertThat(file.at("/certificate/statusLabel").asText()).isEqualTo("有效");
    assertThat(file.get("mayRecord").asBoolean()).isTrue();
    assertThat(json(get("city1", SPACES + "/" + shuocheng), 200).get("mayRecord").asBoolean()).isFalse();

    for (String user : List.of("pinglu1", "devzone1", "edu1")) {
      refused(get(user, SPACES + "/" + shuocheng), 403, user);
      refused(get(user, SPACES + "/" + shuocheng + "/services"), 403, user);
    }
    for (String user : List.of("operator1", "inspector1", "expert1", "leader1", "ruleadmin1", "auditor1", "edu1")) {
      refused(get(user, SPACES), 403, user);
      refused(get(user, SPACES + "/" + shuocheng), 403, user);
    }
    assertThat(send(HttpRequest.newBuilder(uri(SPACES)).header("Accept", "application/json").GET()).statusCode())
        .as("the public").isEqualTo(401);
    refused(get("shuocheng1", SPACES + "/SZZC-1999-999"), 404, "an unknown certificate");
    refused(get("shuocheng1", SPACES + "?county=pinglu"), 403, "another county's list");
  }

  @Test
  void accessSaysWhoReadsAnAreasSpacesWithoutRefusingTheOthers() {
    for (String user : List.of("shuocheng1", "devzone1", "city1")) {
      assertThat(json(get(user, "/api/county/access"), 200).get("readsSpaces").asBoolean()).as(user).isTrue();
    }
    for (String user : List.of("edu1", "inspector1", "expert1", "leader1", "operator1", "ruleadmin1", "auditor1")) {
      assertThat(json(get(user, "/api/county/access"), 200).get("readsSpaces").asBoolean()).as(user).isFalse();
    }
    for (String user : List.of("shuocheng1", "devzone1", "edu1")) {
      assertThat(json(get(user, "/api/county/access"), 200).get("readsEveryArea").asBoolean()).as(user).isFalse();
    }
    assertThat(json(get("city1", "/api/county/access"), 200).get("readsEveryArea").asBoolean()).as("city1").isTrue();
    assertThat(fieldOf(get("inspector1", "/api/county/access?county=shuocheng"))).isEqualTo("county");
    assertThat(send(HttpRequest.newBuilder(uri("/api/county/access")).header("Accept", "application/json").GET())
        .statusCode()).as("the public").isEqualTo(401);
  }

  @Test
  void badFiltersAreRefusedInChineseAtTheirField() {
    Map<String, String> bad = Map.of(
        "?status=lapsed", "status",
        "?county=beijing", "county",
        "?page=0", "page",
        "?page=abc", "page",
        "?sort=name", "sort");
    bad.forEach((query, field) -> assertThat(fieldOf(get("shuocheng1", SPACES + query))).as(query).isEqualTo(field));
    String space = certified("shuocheng", "朔城区筛选空间");
    assertThat(fieldOf(get("shuocheng1", SPACES + "/" + space + "?x=1"))).isEqualTo("x");
  }

  @Test
  void theAreasBureauRecordsAServiceWithAnAttachmentThatTheCityBureauReads() {
    String space = certified("shuocheng", "朔城区服务台账空间");
    String fileId = upload("shuocheng1", space, "服务照片.pdf");
    String owner = OrganisationAccounts.ownerOf(engine, certificates.find(space).orElseThrow().creditCode());
    refused(get(owner, "/api/materials/" + fileId), 403, "the space's organisation reads the bureau's unsaved draft");
    assertThat(json(get(owner, "/api/materials?caseNumber=" + space), 200).findValuesAsText("fileId"))
        .doesNotContain(fileId);

    HttpResponse<String> recorded = post("shuocheng1", space, entry(EngineClock.today().toString(), "training",
        "为入驻团队开展创业培训", List.of(fileId)));
    JsonNode entry = json(recorded, 201);
    assertThat(entry.get("kindLabel").asText()).isEqualTo("培训辅导");
    assertThat(entry.get("recordedBy").asText()).isEqualTo("shuocheng1");

    for (String reader : List.of("shuocheng1", "city1")) {
      JsonNode services = json(get(reader, SPACES + "/" + space + "/services"), 200);
      assertThat(services).hasSize(1);
      assertThat(services.get(0).get("description").asText()).isEqualTo("为入驻团队开展创业培训");
      assertThat(services.get(0).get("attachments").get(0).asText()).isEqualTo(fileId);
      assertThat(get(reader, "/api/materials/" + fileId).statusCode()).as(reader + " downloads").isEqualTo(200);
    }
    assertThat(json(get("shuocheng1", "/api/materials?caseNumber=" + space), 200).findValuesAsText("fileId"))
        .contains(fileId);
    refused(get("pinglu1", "/api/materials/" + fileId), 403, "another county's bureau downloads");
    assertThat(get(owner, "/api/materials/" + fileId).statusCode()).as("the space's organisation, once saved")
        .isEqualTo(200);

    Map<String, Object> valid = entry(EngineClock.today().toString(), "policy", "宣讲科技政策", List.of());
    refused(post("pinglu1", space, valid), 403, "another county records");
    refused(post("city1", space, valid), 403, "the city bureau records");
    refused(post("operator1", space, valid), 403, "the operator records");
    refused(uploadAnswer("pinglu1", space, "其他县.pdf"), 403, "another county uploads");
    assertThat(fieldOf(uploadAnswer("operator1", space, "运营机构.pdf"))).as("an operator uploads a service attachment")
        .isEqualTo("step");
    assertThat(json(get("city1", SPACES + "/" + space + "/services"), 200)).hasSize(1);
  }

  @Test
  void badEntriesAreRefusedInChineseAtTheirFieldAndStoreNothing() {
    String space = certified("shuocheng", "朔城区台账校验空间");
    String other = certified("shuocheng", "朔城区台账另一空间");
    String otherFile = upload("shuocheng1", other, "另一空间.pdf");
    String draft = upload("shuocheng1", space, "草稿.pdf");
    String today = EngineClock.today().toString();
    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put("kind", entry(today, "banquet", "宴请", List.of(draft)));
    bad.put("servedOn", entry(EngineClock.today().plusDays(1).toString(), "training", "明天的培训", List.of(draft)));
    bad.put("servedOn ", entry(EngineClock.today().minusDays(1).toString(), "training", "认定前的培训", List.of()));
    bad.put("servedOn  ", entry("2026/03/05", "training", "日期格式不对", List.of()));
    bad.put("description", entry(today, "training", "   ", List.of(draft)));
    bad.put("description ", entry(today, "training", "长".repeat(2001), List.of()));
    bad.put("attachments", entry(today, "training", "别的空间的附件", List.of(otherFile)));
    bad.put("attachments ", entry(today, "training", "不存在的附件", List.of("00000000-0000-0000-0000-000000000000")));
    Map<String, Object> unknown = entry(today, "training", "带未知字段", List.of());
    unknown.put("recordedBy", "city1");
    bad.put("recordedBy", unknown);
    Map<String, Object> correction = entry(today, "training", "更正不存在的记录", List.of());
    correction.put("corrects", "no-such-entry");
    bad.put("corrects", correction);
    Map<String, Long> before = rows();

    bad.forEach((field, body) -> {
      HttpResponse<String> answer = post("shuocheng1", space, body);
      assertThat(fieldOf(answer)).as(field + ": " + answer.body()).isEqualTo(field.strip());
    });

    assertThat(rows()).as("nothing stored").isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT submitted FROM ms_material_file WHERE file_id = ?", Boolean.class, draft))
        .as("the attachment of a refused entry stays a draft").isFalse();
    assertThat(json(post("shuocheng1", space, entry(today, "training", "附件仍可使用", List.of(draft))), 201)
        .get("attachments")).hasSize(1);
  }

  @Test
  void entriesAreNeverChangedOnlyCorrectedWithWhoAndWhen() {
    String space = certified("shuocheng", "朔城区台账更正空间");
    String today = EngineClock.today().toString();
    String original = json(post("shuocheng1", space, entry(today, "financing", "对接银行贷款50万元", List.of())), 201)
        .get("entryId").asText();
    for (String method : List.of("PUT", "DELETE")) {
      HttpResponse<String> change = send(HttpRequest.newBuilder(uri(SPACES + "/" + space + "/services/" + original))
          .header("Authorization", basic("shuocheng1")).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(change.statusCode()).as(method).isIn(404, 405);
    }
    Map<String, Object> correction = entry(today, "financing", "对接银行贷款30万元", List.of());
    correction.put("corrects", original);
    String corrected = json(post("shuocheng1", space, correction), 201).get("entryId").asText();

    JsonNode services = json(get("shuocheng1", SPACES + "/" + space + "/services"), 200);
    JsonNode first = find(services, original);
    assertThat(first.get("description").asText()).as("the original stays as it was").isEqualTo("对接银行贷款50万元");
    assertThat(first.get("correctedByEntryId").asText()).isEqualTo(corrected);
    assertThat(find(services, corrected).get("correctsEntryId").asText()).isEqualTo(original);
    assertThat(find(services, corrected).get("recordedBy").asText()).isEqualTo("shuocheng1");
    assertThat(find(services, corrected).get("recordedAt").isNull()).isFalse();

    Map<String, Object> again = entry(today, "financing", "再次更正原记录", List.of());
    again.put("corrects", original);
    assertThat(fieldOf(post("shuocheng1", space, again))).as("an entry is corrected once").isEqualTo("corrects");
  }

  @Test
  void theAnnualAssessmentShowsTheYearsServiceRecordToTheCityBureau() {
    ProcessInstance supervised = supervision.supervised("shuocheng", "朔城区考核台账空间");
    String space = supervised.getBusinessKey();
    String today = EngineClock.today().toString();
    String original = json(post("shuocheng1", space, entry(today, "premises", "协调减免场地租金", List.of())), 201)
        .get("entryId").asText();
    Map<String, Object> correction = entry(today, "premises", "协调减免场地租金三个月", List.of(upload("shuocheng1", space, "减免.pdf")));
    correction.put("corrects", original);
    assertThat(post("shuocheng1", space, correction).statusCode()).isEqualTo(201);

    Task assessment = supervision.assessmentAfterReport(supervised.getId());
    assertThat(engine.getRuntimeService().getVariable(supervised.getId(), SupervisionProcess.REPORT_YEAR))
        .as("the report year is this year's").isEqualTo(EngineClock.today().getYear());
    HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/engine-rest/task/" + assessment.getId()
        + "/form-variables?variableNames=" + SupervisionProcess.COUNTY_SERVICE_RECORD))
        .header("Authorization", basic("city1")).header("Accept", "application/json").GET());
    String shown = json(form, 200).at("/" + SupervisionProcess.COUNTY_SERVICE_RECORD + "/value").asText();
    assertThat(shown).contains("场地支持：协调减免场地租金三个月（附件1件）（shuocheng1记录）")
        .as("a corrected entry is replaced by its correction").doesNotContain("协调减免场地租金（");
  }

  // ------------------------------------------------------------------ helpers

  private String certified(String county, String spaceName) {
    return supervision.supervised(county, spaceName).getBusinessKey();
  }

  private List<String> listed(String user, String query) {
    JsonNode page = json(get(user, SPACES + "?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)), 200);
    List<String> numbers = new ArrayList<>();
    page.get("spaces").forEach(s -> numbers.add(s.get("certificateNumber").asText()));
    int pages = (int) Math.ceil(page.get("total").asDouble() / page.get("pageSize").asInt());
    for (int p = 2; p <= pages; p++) {
      json(get(user, SPACES + "?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=" + p), 200)
          .get("spaces").forEach(s -> numbers.add(s.get("certificateNumber").asText()));
    }
    return numbers;
  }

  static Map<String, Object> entry(String servedOn, String kind, String description, List<String> attachments) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("servedOn", servedOn);
    body.put("kind", kind);
    body.put("description", description);
    body.put("attachments", attachments);
    return body;
  }

  private String upload(String user, String space, String name) {
    return json(uploadAnswer(user, space, name), 201).get("fileId").asText();
  }

  private HttpResponse<String> uploadAnswer(String user, String space, String name) {
    Multipart body = Multipart.of("serviceRecord", "SERVICE_RECORD").field("caseNumber", space)
        .file(name, Multipart.pdf(name));
    return send(HttpRequest.newBuilder(uri("/api/materials")).header("Authorization", basic(user))
        .header("Accept", "application/json").header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())));
  }

  private HttpResponse<String> post(String user, String space, Map<String, Object> body) {
    try {
      return send(HttpRequest.newBuilder(uri(SPACES + "/" + space + "/services")).header("Authorization", basic(user))
          .header("Accept", "application/json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String user, String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Accept", "application/json").GET());
  }

  private Map<String, Long> rows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : List.of("ms_service_entry", "ms_service_attachment")) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    rows.put("submitted files", jdbc.queryForObject("SELECT COUNT(*) FROM ms_material_file WHERE submitted = TRUE",
        Long.class));
    return rows;
  }

  /** The one field a 400 names, after checking that it is named in Chinese. */
  private static String fieldOf(HttpResponse<String> answer) {
    JsonNode body = json(answer, 400);
    assertThat(body.get("detail").asText()).containsPattern("\\p{IsHan}");
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("message").asText()).containsPattern("\\p{IsHan}").contains(error.get("field").asText());
    return error.get("field").asText();
  }

  private static void refused(HttpResponse<String> answer, int status, String who) {
    assertThat(answer.statusCode()).as(who + ": " + answer.body()).isEqualTo(status);
    assertThat(json(answer, status).get("detail").asText()).as(who).containsPattern("\\p{IsHan}");
  }

  private static JsonNode find(JsonNode entries, String id) {
    for (JsonNode e : entries) {
      if (e.get("entryId").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + id + " in " + entries);
  }

  private static JsonNode json(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    try {
      return JSON.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
