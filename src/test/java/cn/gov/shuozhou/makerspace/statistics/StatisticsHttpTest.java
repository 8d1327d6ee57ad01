package cn.gov.shuozhou.makerspace.statistics;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static cn.gov.shuozhou.makerspace.statistics.DashboardJson.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import java.util.Date;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bureau's statistics through the real doors (docs/statistics.md): the numbers of a history
 * generated in 2021 (a year no other test files in) equal what that history implies, the rebuild
 * from history equals the live read model, exports hold exactly the page's numbers, bad filters are
 * refused in Chinese, and only the bureau, its leaders, the auditors and administrators read them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsHttpTest extends AbstractHttpTest {

  private static final String YEAR = "2021";

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private StatisticsRebuild rebuild;
  @Autowired
  private CaseRows rows;
  @Autowired
  private org.springframework.jdbc.core.JdbcTemplate jdbc;

  private String certifiedNumber;
  private String supervision;
  private int reportYear;
  private String inspectionRejected;

  @BeforeAll
  void generateHistory() {
    CertificationDriver driver = new CertificationDriver(engine);
    CertificationDriver.createExperts(engine);
    CertificationDriver.fixClock(LocalDateTime.of(2021, 3, 1, 9, 0));
    try {
      driver.rejectedAtFirstReview("统计初审空间");
      driver.rejectedByBureau("统计局务会空间");
      // inspection: the measured area fails Art. 4 (AREA_BELOW_MINIMUM)
      String id = driver.apply(Applications.valid("shuocheng")).getId();
      driver.complete(id, TASK_FIRST_REVIEW, CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
      Map<String, Object> measured = Applications.inspection(true, false);
      measured.put(MEASURED_TOTAL_AREA, 50.0);
      measured.put(MEASURED_PUBLIC_SERVICE_AREA, 48.0);
      driver.complete(id, TASK_INSPECTION, measured);
      inspectionRejected = businessKey(id);
      driver.apply("pinglu"); // in progress at first review
      String certified = driver.apply(CertificationDriver.namedApplication("统计认定空间")).getId();
      driver.certify(certified);
      certifiedNumber = businessKey(certified);
      supervision = (String) driver.variable(certified, SUPERVISION_INSTANCE_ID);
      openReportWindow(driver);
    } finally {
      CertificationDriver.resetClock();
    }
  }

  /** The supervision's first report window opens (its timer run at its due time): the report is then missing, later overdue. */
  private void openReportWindow(CertificationDriver driver) {
    var management = engine.getManagementService();
    var window = management.createJobQuery().processInstanceId(supervision).timers().activityId("reportWindowOpens")
        .singleResult();
    ClockUtil.setCurrentTime(new Date(window.getDuedate().getTime() + 1000));
    try {
      management.executeJob(window.getId());
    } catch (OptimisticLockingException takenByTheJobExecutor) {
      // the job executor, seeing the moved clock, ran the timer first: the task comes all the same
    }
    driver.runJobsUntil(supervision, () -> engine.getTaskService().createTaskQuery().processInstanceId(supervision)
        .taskDefinitionKey(SupervisionProcess.TASK_SUBMIT_REPORT).count() == 1);
    reportYear = EngineClock.toLocalDate(engine.getTaskService().createTaskQuery().processInstanceId(supervision)
        .taskDefinitionKey(SupervisionProcess.TASK_SUBMIT_REPORT).singleResult().getCreateTime()).getYear();
  }

  /** The backdated supervision's timers are all due in real time: it leaves no job behind for later tests. */
  @AfterAll
  void endTheBackdatedSupervision() {
    CertificationDriver.resetClock();
    engine.getRuntimeService().deleteProcessInstance(supervision, "test: backdated supervision of the statistics test",
        true, true);
  }

  @Test
  void yearEndCampaignCountsTheMissingReportAndRemindsItOncePerYear() throws Exception {
    String query = "?year=" + reportYear + "&county=shuocheng";
    JsonNode campaign = section(dashboard("city1", query), "campaign");
    assertThat(texts(row(campaign, "朔城区"))).containsExactly("朔城区", "1", "0", "0", "1", "1");
    JsonNode missing = json(api("city1").get("/api/statistics/cases?section=campaign&row=0&column=3&year=" + reportYear
        + "&county=shuocheng"), 200);
    assertThat(missing.get("cases").get(0).get("outcome").asText()).isEqualTo("逾期未报送");
    String certificate = missing.get("cases").get(0).get("number").asText();

    String body = "{\"year\": " + reportYear + ", \"county\": \"shuocheng\"}";
    assertThat(api("leader1").post("/api/statistics/campaign/reminders", body).statusCode()).isEqualTo(403);
    assertThat(json(api("city1").post("/api/statistics/campaign/reminders", "{\"year\": 1999, \"county\": \"mars\", "
        + "\"all\": true}"), 400).toString()).contains("\"year\"").contains("\"county\"").contains("\"all\"");
    JsonNode first = json(api("city1").post("/api/statistics/campaign/reminders", body), 200);
    assertThat(first.get("missing").asInt()).isEqualTo(1);
    assertThat(first.get("reminded").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ms_outbox WHERE event_key = ? AND channel = 'INBOX'",
        Integer.class, "campaign-reminder:" + certificate + ":" + reportYear)).isEqualTo(1);
    JsonNode second = json(api("city1").post("/api/statistics/campaign/reminders", body), 200);
    assertThat(second.get("reminded").asInt()).isZero();
  }

  @Test
  void numbersEqualWhatTheHistoryImplies() throws Exception {
    JsonNode applications = section(dashboard("city1", "?year=" + YEAR), "applications");
    JsonNode total = last(applications.get("rows"));
    assertThat(texts(total)).containsExactly("合计", "5", "1", "1", "3", "0", "0", "0");
    assertThat(texts(row(applications, "平鲁区"))).containsExactly("平鲁区", "1", "1", "0", "0", "0", "0", "0");

    JsonNode rejections = section(dashboard("city1", "?year=" + YEAR), "rejections");
    assertThat(texts(row(rejections, "初审未通过"))).containsExactly("初审未通过", "1");
    assertThat(texts(row(rejections, "实地考察未通过"))).containsExactly("实地考察未通过", "1");
    assertThat(texts(row(rejections, "局务会不予认定"))).containsExactly("局务会不予认定", "1");
    assertThat(texts(row(rejections, "其中：场地面积不足（第四条第（二）项）"))).containsExactly(
        "其中：场地面积不足（第四条第（二）项）", "1");

    JsonNode stages = section(dashboard("city1", "?year=" + YEAR), "stages");
    assertThat(texts(row(stages, "初审"))).containsExactly("初审", "1");

    // counts open their cases; medians and percentiles do not
    assertThat(total.get("cells").get(0).get("linked").asBoolean()).isTrue();
    JsonNode durations = section(dashboard("city1", "?year=" + YEAR), "durations");
    assertThat(row(durations, "初审").get("cells").get(1).get("linked").asBoolean()).isFalse();
    // first review done in the four ended cases; the fifth still waits at it
    assertThat(texts(row(durations, "初审")).get(1)).isEqualTo("4");
  }

  @Test
  void eachNumberListsTheCasesBehindIt() throws Exception {
    JsonNode dashboard = dashboard("leader1", "?year=" + YEAR);
    JsonNode rejections = section(dashboard, "rejections");
    int rowIndex = indexOf(rejections, "其中：场地面积不足（第四条第（二）项）");
    JsonNode cases = json(api("auditor1").get("/api/statistics/cases?section=rejections&column=0&row=" + rowIndex
        + "&year=" + YEAR), 200);
    assertThat(cases.get("total").asInt()).isEqualTo(1);
    assertThat(cases.get("cases").get(0).get("number").asText()).isEqualTo(inspectionRejected);
    assertThat(cases.get("cases").get(0).get("outcome").asText()).isEqualTo("实地考察未通过");

    JsonNode applications = section(dashboard, "applications");
    JsonNode certified = json(api("city1").get("/api/statistics/cases?section=applications&column=2&year=" + YEAR
        + "&row=" + indexOf(applications, "合计")), 200);
    assertThat(certified.get("column").asText()).isEqualTo("已认定");
    assertThat(certified.get("cases").get(0).get("number").asText()).isEqualTo(certifiedNumber);
    assertThat(certified.get("cases").get(0).get("from").asText()).isEqualTo("2021年3月1日");
  }

  @Test
  void rebuildFromHistoryEqualsTheLiveReadModel() throws Exception {
    List<CaseRow> live = rows.all();
    assertThat(live).extracting(CaseRow::applicationNumber).contains(certifiedNumber, inspectionRejected);
    CaseRow rejected = live.stream().filter(r -> r.applicationNumber().equals(inspectionRejected)).findFirst().orElseThrow();
    assertThat(rejected.conditionCodes()).isEqualTo("AREA_BELOW_MINIMUM");
    assertThat(rejected.reasonCode()).isEqualTo("INSPECTION");

    assertThat(api("city1").post("/api/statistics/rebuild", "{}").statusCode()).isEqualTo(403);
    assertThat(json(api("admin").post("/api/statistics/rebuild", "{\"all\": true}"), 400).toString()).contains("all");
    JsonNode answer = json(api("admin").post("/api/statistics/rebuild", "{}"), 200);
    assertThat(answer.get("cases").asInt()).isEqualTo(live.size());
    assertThat(rows.all()).containsExactlyElementsOf(live);
  }

  @Test
  void exportsHoldExactlyTheNumbersThePageShows() throws Exception {
    JsonNode dashboard = dashboard("city1", "?year=" + YEAR + "&county=shuocheng");
    for (String key : Sections.KEYS) {
      List<List<String>> shown = lines(section(dashboard, key));
      HttpResponse<byte[]> csv = download("city1", "/api/statistics/" + key + ".csv?year=" + YEAR + "&county=shuocheng");
      assertThat(csv.statusCode()).isEqualTo(200);
      byte[] body = csv.body();
      assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
      List<List<String>> csvLines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines()
          .map(l -> List.of(l.split(",", -1))).toList();
      assertThat(csvLines).as(key).isEqualTo(shown);

      HttpResponse<byte[]> xlsx = download("city1", "/api/statistics/" + key + ".xlsx?year=" + YEAR + "&county=shuocheng");
      assertThat(xlsx.statusCode()).isEqualTo(200);
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
        assertThat(sheetLines(book.getSheetAt(0))).as(key).isEqualTo(shown);
      }
    }
    HttpResponse<byte[]> report = download("auditor1", "/api/statistics/annual-report.xlsx?year=" + YEAR);
    assertThat(report.statusCode()).isEqualTo(200);
    JsonNode whole = dashboard("auditor1", "?year=" + YEAR);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(Sections.KEYS.size());
      for (int i = 0; i < Sections.KEYS.size(); i++) {
        JsonNode section = whole.get("sections").get(i);
        assertThat(book.getSheetName(i)).isEqualTo(section.get("title").asText());
        assertThat(sheetLines(book.getSheetAt(i))).isEqualTo(lines(section));
      }
    }
  }

  @Test
  void badFiltersAreRefusedInChinese() throws Exception {
    assertRefused("?county=beijing", "county", "县（区）");
    assertRefused("?from=2021-05-01&to=2021-04-01", "to", "截止日期");
    assertRefused("?year=1999", "year", "年度");
    assertRefused("?year=abc", "year", "年度");
    assertRefused("?colour=red", "colour", "不接受参数");
    assertRefused("?from=yesterday", "from", "起始日期");
    assertThat(json(api("city1").get("/api/statistics/cases?section=nothing&row=0&column=0"), 400).toString())
        .contains("section");
    assertThat(json(api("city1").get("/api/statistics/cases?section=applications&row=99&column=0"), 400).toString())
        .contains("row");
    assertThat(json(api("city1").get("/api/statistics/annual-report.xlsx"), 400).toString()).contains("year");
    assertThat(json(api("city1").get("/api/statistics/cases?section=applications&row=0&column=0&page=2147483647"), 400)
        .toString()).contains("\"page\"").contains("页码");
  }

  @Test
  void onlyTheBureauItsLeadersAuditorsAndAdministratorsReadStatistics() {
    for (String allowed : List.of("city1", "leader1", "auditor1", "admin")) {
      assertThat(api(allowed).get("/api/statistics?year=" + YEAR).statusCode()).as(allowed).isEqualTo(200);
    }
    for (String refused : List.of("shuocheng1", "devzone1", "edu1", "inspector1", "expert1", "operator1", "ruleadmin1")) {
      HttpResponse<String> answer = api(refused).get("/api/statistics?year=" + YEAR);
      assertThat(answer.statusCode()).as(refused).isEqualTo(403);
      assertThat(answer.body()).contains("无权查看统计报表");
      assertThat(download(refused, "/api/statistics/applications.csv").statusCode()).as(refused).isEqualTo(403);
    }
    assertThat(api(null).get("/api/statistics").statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------ helpers

  private void assertRefused(String query, String field, String text) throws Exception {
    JsonNode problem = json(api("city1").get("/api/statistics" + query), 400);
    assertThat(problem.toString()).contains("\"" + field + "\"").contains(text);
  }

  private String businessKey(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
  }

  private JsonNode dashboard(String user, String query) throws Exception {
    return json(api(user).get("/api/statistics" + query), 200);
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private static List<List<String>> sheetLines(Sheet sheet) {
    List<List<String>> lines = new ArrayList<>();
    for (Row row : sheet) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        Cell cell = row.getCell(c);
        line.add(cell.getCellType() == CellType.NUMERIC
            ? cn.gov.shuozhou.makerspace.common.ReadableValues.number(cell.getNumericCellValue())
            : cell.getStringCellValue());
      }
      lines.add(line);
    }
    return lines;
  }

  private HttpResponse<byte[]> download(String user, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
