package cn.gov.shuozhou.makerspace.calendar;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears.Addition;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears.StaleRevisionException;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears.StoredYear;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calendar}: the working-day calendar's years, for the calendar page and automation.
 * Every signed-in user may read; only system administrators ({@code camunda-admin}) check and add
 * next year's State Council notice, without a release. The caller is authenticated by
 * {@code security/ApiAuthenticationFilter} (HTTP Basic or the Camunda webapp session).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /**
   * {@code GET /api/calendar}. {@code warning} names the calendar page by its address (Cockpit's
   * dashboard and automation show it elsewhere); {@code pageWarning} is the same reminder worded
   * for the calendar page itself.
   */
  public record Coverage(int firstYear, int lastYear, int lastReleasedYear, String warning, String pageWarning,
      List<YearLine> years) {}

  /** One covered year: from the release, or added by an administrator (with its newest revision). */
  public record YearLine(int year, String origin, Integer revision, List<String> documents, String addedBy,
      Instant addedAt, String reason) {}

  /** {@code GET /api/calendar/{year}}. */
  public record YearDetail(int year, String origin, int revision, YearEntry entry, Summary summary,
      List<Revision> revisions) {}

  /** The balance every year must give (see {@link CalendarData#statutoryDaysOff(int)}). */
  public record Summary(long weekdaysOff, long workingWeekends, long balance, int statutoryDaysOff) {
    static Summary of(YearEntry entry) {
      return new Summary(CalendarData.weekdaysOff(entry), CalendarData.workingWeekends(entry),
          CalendarData.weekdaysOffMinusWorkingWeekends(entry), CalendarData.statutoryDaysOff(entry.year()));
    }
  }

  /** One stored revision of a year, without its dates. */
  public record Revision(int revision, String addedBy, Instant addedAt, String reason) {}

  /** {@code POST /api/calendar/check}: what {@code POST /api/calendar/years} would say. */
  public record Check(boolean valid, List<FieldError> errors, Summary summary) {}

  static final String RELEASE = "release";
  static final String ADMIN = "admin";

  private final CalendarYears years;
  private final WorkingDayCalendar calendar;
  private final IdentityService identity;

  public CalendarController(CalendarYears years, WorkingDayCalendar calendar, IdentityService identity) {
    this.years = years;
    this.calendar = calendar;
    this.identity = identity;
  }

  @GetMapping
  public Coverage coverage() {
    authenticated();
    List<StoredYear> added = years.added();
    List<YearLine> lines = new ArrayList<>();
    for (int year : calendar.coveredYears()) {
      Optional<StoredYear> stored = added.stream().filter(s -> s.year() == year).findFirst();
      List<String> documents = years.entry(year).orElseThrow().sources().stream()
          .map(CalendarData.Source::document).toList();
      lines.add(stored
          .map(s -> new YearLine(year, ADMIN, s.revision(), documents, s.addedBy(), s.addedAt(), s.reason()))
          .orElseGet(() -> new YearLine(year, RELEASE, null, documents, null, null, null)));
    }
    var covered = calendar.coveredYears();
    LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
    String warning = calendar.coverageWarning(today).orElse(null);
    String pageWarning = calendar.coverageWarningOnTheCalendarPage(today).orElse(null);
    return new Coverage(covered.first(), covered.last(), years.lastReleasedYear(), warning, pageWarning, lines);
  }

  @GetMapping("/{year}")
  public YearDetail year(@PathVariable int year) {
    authenticated();
    YearEntry entry = years.entry(year).orElseThrow(() -> new CalendarDataMissingException(year));
    List<Revision> revisions = year > years.lastReleasedYear()
        ? years.revisions(year).stream().map(r -> new Revision(r.revision(), r.addedBy(), r.addedAt(), r.reason())).toList()
        : List.of();
    return new YearDetail(year, revisions.isEmpty() ? RELEASE : ADMIN, revisions.size(), entry, Summary.of(entry),
        revisions);
  }

  /** Checks an addition without storing it. */
  @PostMapping("/check")
  public Check check(@RequestBody JsonNode body) {
    administrator();
    Addition addition = addition(body);
    List<FieldError> errors = years.problems(addition);
    return new Check(errors.isEmpty(), errors, addition.entry() == null ? null : Summary.of(addition.entry()));
  }

  /** Adds a year (or a revision of an added year): 201, 400 with every problem, or 409 when stale. */
  @PostMapping("/years")
  public ResponseEntity<Revision> add(@RequestBody JsonNode body) {
    String user = administrator();
    StoredYear stored = years.add(addition(body), user);
    return ResponseEntity.created(URI.create("/api/calendar/" + stored.year()))
        .body(new Revision(stored.revision(), stored.addedBy(), stored.addedAt(), stored.reason()));
  }

  // ------------------------------------------------------------------ refusals

  @ExceptionHandler(StaleRevisionException.class)
  ResponseEntity<ProblemDetail> stale(StaleRevisionException e) {
    return Problems.response(Problems.of(ProblemType.CONCURRENT_CHANGE, e.getMessage()));
  }

  @ExceptionHandler(CalendarDataMissingException.class)
  ResponseEntity<ProblemDetail> missing(CalendarDataMissingException e) {
    return Problems.response(Problems.of(ProblemType.NOT_FOUND, e.getMessage()));
  }

  private void authenticated() {
    AccessPolicy.signedIn(identity);
  }

  private String administrator() {
    return AccessPolicy.require(identity, Capability.CHANGE_CALENDAR).userId();
  }

  /** The request body, strictly: unknown keys and wrong types are refused with the field named. */
  private static Addition addition(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", "请求内容必须是JSON对象：{\"baseRevision\": 0, \"reason\": \"…\", \"entry\": {…}}");
    }
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!List.of("baseRevision", "reason", "entry").contains(name)) {
        errors.add(new FieldError(name, "未知字段：" + name));
      }
    });
    JsonNode base = body.get("baseRevision");
    if (base != null && !base.isNull() && !base.canConvertToExactIntegral()) {
      errors.add(new FieldError("baseRevision", "基准修订号（baseRevision）必须为整数"));
    }
    JsonNode reason = body.get("reason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      errors.add(new FieldError("reason", "原因（reason）必须为文字"));
    }
    YearEntry entry = null;
    JsonNode entryNode = body.get("entry");
    if (entryNode != null && !entryNode.isNull()) {
      try {
        entry = CalendarData.readYear(entryNode.toString());
      } catch (JsonMappingException e) {
        // the parser's own words are English: name the field instead (written （field） for integrators,
        // which the pages leave out)
        String field = "entry" + path(e);
        errors.add(new FieldError(field, "年度安排格式不正确（" + field + "）：缺少该项、不是约定的项或类型不符"));
      } catch (JsonProcessingException e) {
        errors.add(new FieldError("entry", "年度安排格式不正确：无法解析，请检查其写法"));
      } catch (IOException e) {
        errors.add(new FieldError("entry", "年度安排无法读取"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Integer baseRevision = base == null || base.isNull() || !base.canConvertToInt() ? null : base.intValue();
    return new Addition(baseRevision, reason == null || reason.isNull() ? null : reason.asText(), entry);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    return path.toString();
  }
}
