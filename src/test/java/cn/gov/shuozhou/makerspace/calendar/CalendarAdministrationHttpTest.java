package cn.gov.shuozhou.makerspace.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.calendar.CalendarData.DateGroup;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /api/calendar} over HTTP with the real application: a system administrator adds the year
 * after the released file without a release, every refusal names its field in Chinese and stores
 * nothing, revisions are kept and concurrent edits cannot overwrite each other, and deadlines in
 * the new year work at once on this node and on another node sharing the database. Has its own
 * context (and database), so the made-up year never reaches other test classes.
 */
@TestPropertySource(properties = "makerspace.calendar.test-context=calendar-administration-http")
class CalendarAdministrationHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int YEAR = MadeUpYear.next();

  @Autowired JdbcTemplate jdbc;
  @Autowired CalendarYears years;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @AfterEach
  void forgetTheMadeUpYear() {
    jdbc.update("DELETE FROM ms_calendar_year");
    years.reload();
  }

  @Test
  void everySignedInUserSeesTheCoverageAndAnonymousNobody() throws Exception {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/calendar")).GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    JsonNode coverage = json(call("city1", "GET", "/api/calendar", null), 200);
    assertThat(coverage.get("firstYear").asInt()).isEqualTo(2016);
    assertThat(coverage.get("lastYear").asInt()).isEqualTo(YEAR - 1);
    assertThat(coverage.get("lastReleasedYear").asInt()).isEqualTo(YEAR - 1);
    assertThat(coverage.get("years").size()).isEqualTo(YEAR - 2016);
    coverage.get("years").forEach(y -> assertThat(y.get("origin").asText()).isEqualTo("release"));
    JsonNode y2026 = coverage.get("years").get(2026 - 2016);
    assertThat(y2026.get("documents").get(0).asText()).matches("国办发明电〔2025〕\\d+号");

    JsonNode detail = json(call("auditor1", "GET", "/api/calendar/2026", null), 200);
    assertThat(detail.get("summary").get("balance").asInt()).isEqualTo(13);
    assertThat(detail.get("entry").get("holidays").size()).isEqualTo(7);
    JsonNode missing = json(call("auditor1", "GET", "/api/calendar/" + YEAR, null), 404);
    assertThat(missing.get("detail").asText()).contains("工作日历未包含" + YEAR + "年").contains("/calendar/");
  }

  @Test
  void onlySystemAdministratorsCheckOrAdd() throws Exception {
    String body = addition(0, MadeUpYear.entry(YEAR));
    for (String user : List.of("city1", "ruleadmin1", "auditor1", "operator1", "leader1")) {
      JsonNode refused = json(call(user, "POST", "/api/calendar/years", body), 403);
      assertThat(refused.get("detail").asText()).contains("系统管理员（camunda-admin）");
      json(call(user, "POST", "/api/calendar/check", body), 403);
    }
    assertThat(storedRows()).isZero();
    assertThat(workingDays.covers(YEAR)).isFalse();
  }

  @Test
  void badInputIsRefusedFieldByFieldAndStoresNothing() throws Exception {
    YearEntry good = MadeUpYear.entry(YEAR);

    // the released years cannot be changed here, and years must stay gap-free
    assertRefused(addition(0, withYear(good, YEAR - 1)), "entry.year", "随程序发布");
    assertRefused(addition(0, withYear(good, YEAR + 1)), "entry.year", "年份须连续：请先补充" + YEAR + "年");
    // the reason, the confirmation, the notice
    ObjectNode noReason = (ObjectNode) JSON.readTree(addition(0, good));
    noReason.remove("reason");
    assertRefused(noReason.toString(), "reason", "原因不能为空");
    assertRefused(addition(0, new YearEntry(YEAR, false, good.sources(), good.verification(), good.holidays(),
        good.workdays())), "entry.verified", "逐日核对");
    ObjectNode badNotice = (ObjectNode) JSON.readTree(addition(0, good));
    ((ObjectNode) badNotice.get("entry").get("sources").get(0)).put("document", "国发〔2026〕1号");
    assertRefused(badNotice.toString(), "entry.sources[0].document", "国办发明电");
    // one day short of the statutory balance; a "working day" that is a Tuesday
    List<DateGroup> short1 = new ArrayList<>(good.holidays());
    short1.set(0, new DateGroup("元旦", null, List.of()));
    JsonNode shortBody = assertRefused(addition(0, new YearEntry(YEAR, true, good.sources(), good.verification(),
        short1, good.workdays())), "entry", "法定节假日天数13天，现为12天");
    assertThat(messages(shortBody)).anyMatch(m -> m.contains(YEAR + "年缺少元旦的放假安排"));
    LocalDate tuesday = LocalDate.of(YEAR, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    List<DateGroup> weekdayWork = List.of(new DateGroup("春节", null, List.of(MadeUpYear.workingSaturday(YEAR), tuesday)));
    assertRefused(addition(0, new YearEntry(YEAR, true, good.sources(), good.verification(), good.holidays(),
        weekdayWork)), "entry.workdays", tuesday + " 不是星期六或星期日");
    // the shape: an unknown key, a date that is not a date
    ObjectNode unknown = (ObjectNode) JSON.readTree(addition(0, good));
    ((ObjectNode) unknown.get("entry")).put("workday", "x");
    assertRefused(unknown.toString(), "entry.workday", "年度安排格式不正确");
    ObjectNode notADate = (ObjectNode) JSON.readTree(addition(0, good));
    ((ObjectNode) notADate.get("entry").get("sources").get(0)).put("date", "2026年11月1日");
    assertRefused(notADate.toString(), "entry.sources[0].date", "年度安排格式不正确");
    // a missing boolean: said in Chinese, not in the JSON parser's English
    ObjectNode noVerified = (ObjectNode) JSON.readTree(addition(0, good));
    ((ObjectNode) noVerified.get("entry")).putNull("verified");
    assertThat(messages(assertRefused(noVerified.toString(), "entry.verified", "年度安排格式不正确")))
        .noneMatch(m -> m.matches("(?s).*[A-Za-z]{4,} [A-Za-z]{4,}.*"));
    assertRefused("[1, 2]", "body", "JSON对象");

    assertThat(storedRows()).isZero();
    assertThat(workingDays.covers(YEAR)).isFalse();
  }

  @Test
  void anAddedYearIsUsedAtOnceAndEveryRevisionIsKept() throws Exception {
    YearEntry entry = MadeUpYear.entry(YEAR);
    LocalDate lastWorkingDayOfDecember = LocalDate.of(YEAR - 1, 12, 31);
    assertThatThrownBy(() -> workingDays.plusWorkingDays(lastWorkingDayOfDecember, 30))
        .isInstanceOf(CalendarDataMissingException.class);

    // check: valid, with the balance, nothing stored
    JsonNode check = json(call("admin", "POST", "/api/calendar/check", addition(0, entry)), 200);
    assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.get("summary").get("balance").asInt()).isEqualTo(13);
    assertThat(check.get("summary").get("workingWeekends").asInt()).isEqualTo(1);
    assertThat(storedRows()).isZero();

    // add: used at once, by the calendar and by a process whose deadline falls in the new year
    JsonNode added = json(call("admin", "POST", "/api/calendar/years", addition(0, entry)), 201);
    assertThat(added.get("revision").asInt()).isEqualTo(1);
    assertThat(added.get("addedBy").asText()).isEqualTo("admin");
    assertThat(workingDays.covers(YEAR)).isTrue();
    LocalDate saturday = MadeUpYear.workingSaturday(YEAR);
    assertThat(workingDays.isWorkingDay(saturday)).isTrue();
    assertThat(workingDays.isWorkingDay(MadeUpYear.springFestivalStart(YEAR))).isFalse();
    // from the Friday before the working Saturday: Saturday, then six weekdays off, then work again
    assertThat(workingDays.plusWorkingDays(saturday.minusDays(1), 2))
        .isEqualTo(MadeUpYear.springFestivalStart(YEAR).plusDays(8));

    JsonNode coverage = json(call("operator1", "GET", "/api/calendar", null), 200);
    assertThat(coverage.get("lastYear").asInt()).isEqualTo(YEAR);
    JsonNode line = coverage.get("years").get(coverage.get("years").size() - 1);
    assertThat(line.get("origin").asText()).isEqualTo("admin");
    assertThat(line.get("addedBy").asText()).isEqualTo("admin");
    assertThat(line.get("reason").asText()).isEqualTo("测试：补充下一年度");

    // a stale revision is refused, the current one is stored as revision 2, both are kept
    JsonNode stale = json(call("admin", "POST", "/api/calendar/years", addition(0, entry)), 409);
    assertThat(stale.get("detail").asText()).contains("已被他人修改（当前修订为1）");
    json(call("admin", "POST", "/api/calendar/years", addition(1, entry)), 201);
    JsonNode detail = json(call("admin", "GET", "/api/calendar/" + YEAR, null), 200);
    assertThat(detail.get("origin").asText()).isEqualTo("admin");
    assertThat(detail.get("revision").asInt()).isEqualTo(2);
    assertThat(detail.get("revisions").findValuesAsText("revision")).containsExactly("1", "2");
    assertThat(detail.get("entry").get("sources").get(0).get("document").asText())
        .isEqualTo(entry.sources().get(0).document());
  }

  @Test
  void twoAdministratorsSavingAtOnce_oneWinsTheOtherIsToldToReload() throws Exception {
    String body = addition(0, MadeUpYear.entry(YEAR));
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Integer>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await();
          return call("admin", "POST", "/api/calendar/years", body).statusCode();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<Integer> statuses = both.stream().map(CompletableFuture::join).sorted().toList();
    assertThat(statuses).containsExactly(201, 409);
    assertThat(storedRows()).isEqualTo(1);
  }

  @Test
  void anotherNodeSharingTheDatabaseFindsTheYearWhenItNeedsIt() throws Exception {
    WorkingDayCalendar otherNode = new WorkingDayCalendar();
    new CalendarYears(jdbc, otherNode);
    assertThat(otherNode.covers(YEAR)).isFalse();

    json(call("admin", "POST", "/api/calendar/years", addition(0, MadeUpYear.entry(YEAR))), 201);

    // no restart and no waiting: a missing year is looked up in the database before giving up
    assertThat(otherNode.isWorkingDay(MadeUpYear.workingSaturday(YEAR))).isTrue();
    assertThat(otherNode.coveredYears().last()).isEqualTo(YEAR);
  }

  @Test
  void aStepThatNeededTheMissingYearSucceedsOnceItIsAdded() throws Exception {
    String key = "calendar-deadline-probe";
    repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("deadline")
        .timerWithDate("${workingDays.due(from, 5)}").endEvent().done()).deploy();
    Date from = Date.from(ZonedDateTime.of(YEAR - 1, 12, 31, 9, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant());

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Map.of("from", from)))
        .hasStackTraceContaining(CalendarDataMissingException.class.getName())
        .hasStackTraceContaining("工作日历未包含" + YEAR + "年");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();

    json(call("admin", "POST", "/api/calendar/years", addition(0, MadeUpYear.entry(YEAR))), 201);

    String id = runtime.startProcessInstanceByKey(key, Map.of("from", from)).getId();
    Job timer = management.createJobQuery().processInstanceId(id).singleResult();
    LocalDate due = timer.getDuedate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    assertThat(due).isEqualTo(workingDays.plusWorkingDays(LocalDate.of(YEAR - 1, 12, 31), 5));
    runtime.deleteProcessInstance(id, "测试结束");
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode assertRefused(String body, String field, String messagePart) throws Exception {
    JsonNode refused = json(call("admin", "POST", "/api/calendar/years", body), 400);
    assertThat(refused.get("errors").findValuesAsText("field")).as(refused.toString()).contains(field);
    assertThat(messages(refused)).as(refused.toString()).anyMatch(m -> m.contains(messagePart));
    HttpResponse<String> check = call("admin", "POST", "/api/calendar/check", body);
    if (check.statusCode() == 200) { // the shape was fine: the check lists the same problems
      assertThat(messages(JSON.readTree(check.body()))).anyMatch(m -> m.contains(messagePart));
    } else {
      assertThat(check.statusCode()).isEqualTo(400);
    }
    return refused;
  }

  private static List<String> messages(JsonNode body) {
    return body.get("errors").findValuesAsText("message");
  }

  private static String addition(int baseRevision, YearEntry entry) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("baseRevision", baseRevision);
    body.put("reason", "测试：补充下一年度");
    body.set("entry", JSON.readTree(CalendarData.writeYear(entry)));
    return body.toString();
  }

  private static YearEntry withYear(YearEntry entry, int year) {
    return new YearEntry(year, entry.verified(), entry.sources(), entry.verification(), entry.holidays(),
        entry.workdays());
  }

  private long storedRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_calendar_year", Long.class);
  }

  private HttpResponse<String> call(String user, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return send(request);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
