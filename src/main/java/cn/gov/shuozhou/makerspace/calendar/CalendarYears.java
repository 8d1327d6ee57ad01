package cn.gov.shuozhou.makerspace.calendar;

import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The years a system administrator added after the release (table {@code ms_calendar_year}),
 * merged with the released file into the data {@link WorkingDayCalendar} uses. The released file
 * is authoritative for its years; a stored year counts only after the file's last year, and only
 * while the years stay gap-free. Every revision is kept with who, when and why; the newest one of
 * a year is used. All nodes read the same table: a node looks again when a year is missing, and
 * at least once a minute (see {@link WorkingDayCalendar}).
 */
@Service
public class CalendarYears {

  /** Notice numbers as the State Council General Office writes them, e.g. 国办发明电〔2025〕7号. */
  static final Pattern NOTICE_NUMBER = Pattern.compile("国办发明电〔\\d{4}〕\\d{1,3}号");


  private static final String SELECT = "SELECT cal_year, revision, entry, added_by, added_at, reason FROM ms_calendar_year";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarYears.class);

  /** One stored revision of a year. */
  public record StoredYear(int year, int revision, YearEntry entry, String addedBy, Instant addedAt, String reason) {}

  /** A year to add or revise: the entry in the file's format, on top of revision {@code baseRevision}. */
  public record Addition(Integer baseRevision, String reason, YearEntry entry) {}

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final CalendarData released;
  private final Clock clock;
  private long loadedRows = -1;

  @Autowired
  public CalendarYears(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this(jdbc, calendar, CalendarData.fromClasspath(WorkingDayCalendar.RESOURCE), Clock.system(WorkingDayCalendar.ZONE));
  }

  CalendarYears(JdbcTemplate jdbc, WorkingDayCalendar calendar, CalendarData released, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.released = released;
    this.clock = clock;
    reload();
    calendar.reloadWith(this::reloadIfChanged);
  }

  /** The last year of the released file: later years are the administrators'. */
  public int lastReleasedYear() {
    return released.verifiedYears().last();
  }

  /** The newest revision of every stored year after the released file, in year order. */
  public List<StoredYear> added() {
    Map<Integer, StoredYear> newest = new LinkedHashMap<>();
    for (StoredYear stored : all()) {
      if (stored.year() > lastReleasedYear()) {
        newest.put(stored.year(), stored); // all() is ordered by year, then revision
      }
    }
    return List.copyOf(newest.values());
  }

  /** Every stored revision of {@code year}, oldest first. */
  public List<StoredYear> revisions(int year) {
    return jdbc.query(SELECT + " WHERE cal_year = ? ORDER BY revision", CalendarYears::stored, year);
  }

  /** The entry the calendar uses for {@code year}: the released file's or the newest stored one. */
  public Optional<YearEntry> entry(int year) {
    Optional<YearEntry> file = released.years().stream().filter(e -> e.year() == year && e.verified()).findFirst();
    if (file.isPresent()) {
      return file;
    }
    return added().stream().filter(s -> s.year() == year).map(StoredYear::entry).findFirst();
  }

  /** Everything wrong with {@code addition}, per field, in Chinese; empty when it may be stored. */
  public List<FieldError> problems(Addition addition) {
    List<FieldError> errors = new ArrayList<>();
    if (addition.reason() == null || addition.reason().isBlank()) {
      errors.add(new FieldError("reason", "原因不能为空：请写明依据，例如“国务院办公厅2027年节假日安排通知已发布”"));
    } else if (addition.reason().length() > Inputs.MAX_TEXT) {
      errors.add(new FieldError("reason", "原因不能超过" + Inputs.MAX_TEXT + "个字符"));
    }
    if (addition.baseRevision() == null || addition.baseRevision() < 0) {
      errors.add(new FieldError("baseRevision", "基准修订号（baseRevision）必须为不小于0的整数：新增年份填0"));
    }
    YearEntry entry = addition.entry();
    if (entry == null) {
      errors.add(new FieldError("entry", "缺少年度安排（entry）"));
      return errors;
    }
    int year = entry.year();
    int firstAllowed = lastReleasedYear() + 1;
    int lastAllowed = Math.max(calendar.coveredYears().last(), lastReleasedYear()) + 1;
    if (year < 2000 || year > 2999) {
      errors.add(new FieldError("entry.year", "年份无效：" + year));
      return errors;
    }
    if (year <= lastReleasedYear()) {
      errors.add(new FieldError("entry.year", year + "年的安排随程序发布（" + WorkingDayCalendar.RESOURCE
          + "），只能随新版本修改；此处只能补充" + firstAllowed + "年及以后的年份"));
      return errors;
    }
    if (year > lastAllowed) {
      errors.add(new FieldError("entry.year", "年份须连续：请先补充" + lastAllowed + "年，再补充" + year + "年"));
      return errors;
    }
    if (!entry.verified()) {
      errors.add(new FieldError("entry.verified", "请对照通知原文逐日核对日期，然后勾选“我已对照通知原文逐日核对上述日期”"));
    }
    if (entry.verification() == null || entry.verification().isBlank()) {
      errors.add(new FieldError("entry.verification", "核对说明不能为空：请写明由谁、对照什么核对了每个日期"));
    } else if (entry.verification().length() > Inputs.MAX_TEXT) {
      errors.add(new FieldError("entry.verification", "核对说明不能超过" + Inputs.MAX_TEXT + "个字符"));
    }
    if (entry.sources().isEmpty()) {
      errors.add(new FieldError("entry.sources", "请注明国务院办公厅通知（文号、标题、发布日期）"));
    }
    for (int i = 0; i < entry.sources().size(); i++) {
      errors.addAll(sourceProblems(year, i, entry.sources().get(i)));
    }
    CalendarData merged = merged(year, entry);
    for (String problem : merged.problems()) {
      errors.add(new FieldError(problem.contains("放假日") ? "entry.holidays"
          : problem.contains("调休上班日") ? "entry.workdays" : "entry", problem));
    }
    return errors;
  }

  /**
   * Stores {@code addition} as the next revision of its year and puts it to use on this node (the
   * others follow within a minute, or at once when they need the year). Refused input changes
   * nothing; a revision stored meanwhile by someone else is a {@link StaleRevisionException}.
   */
  public StoredYear add(Addition addition, String user) {
    List<FieldError> errors = problems(addition);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    int year = addition.entry().year();
    int current = revisions(year).stream().mapToInt(StoredYear::revision).max().orElse(0);
    if (addition.baseRevision() != current) {
      throw new StaleRevisionException(year, current);
    }
    Instant now = clock.instant();
    try {
      jdbc.update(
          "INSERT INTO ms_calendar_year (cal_year, revision, entry, added_by, added_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
          year, current + 1, CalendarData.writeYear(addition.entry()), user, Timestamp.from(now), addition.reason().strip());
    } catch (DuplicateKeyException e) {
      throw new StaleRevisionException(year, current + 1);
    }
    LOG.info("工作日历：{} 补充了{}年的节假日安排（修订{}）：{}", user, year, current + 1, addition.reason().strip());
    reload();
    return new StoredYear(year, current + 1, addition.entry(), user, now, addition.reason().strip());
  }

  /** Re-reads the table and puts the merged data to use. */
  public synchronized void reload() {
    loadedRows = count();
    CalendarData data = released;
    for (StoredYear stored : added()) {
      CalendarData next = data.withYears(List.of(stored.entry()));
      List<String> problems = next.problems();
      if (!problems.isEmpty()) {
        LOG.error("工作日历：{}年（修订{}）未启用：{}", stored.year(), stored.revision(), String.join("；", problems));
        break;
      }
      data = next;
    }
    calendar.use(data);
  }

  private synchronized void reloadIfChanged() {
    if (count() != loadedRows) {
      reload();
    }
  }

  private long count() {
    Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM ms_calendar_year", Long.class);
    return rows == null ? 0 : rows;
  }

  private List<StoredYear> all() {
    return jdbc.query(SELECT + " ORDER BY cal_year, revision", CalendarYears::stored);
  }

  /** The released file plus the stored years before {@code year}, plus {@code entry}. */
  private CalendarData merged(int year, YearEntry entry) {
    List<YearEntry> years = new ArrayList<>();
    added().stream().filter(s -> s.year() < year).forEach(s -> years.add(s.entry()));
    years.add(entry);
    return released.withYears(years);
  }

  private List<FieldError> sourceProblems(int year, int i, CalendarData.Source source) {
    String field = "entry.sources[" + i + "]";
    List<FieldError> errors = new ArrayList<>();
    if (source.document() == null || !NOTICE_NUMBER.matcher(source.document()).matches()) {
      errors.add(new FieldError(field + ".document", "文号格式应为“国办发明电〔" + (year - 1) + "〕N号”"));
    }
    String title = "国务院办公厅关于" + year + "年部分节假日安排的通知";
    if (i == 0 && !title.equals(source.title())) {
      errors.add(new FieldError(field + ".title", "标题应为《" + title + "》"));
    }
    if (source.title() == null || source.title().isBlank() || source.title().length() > 200) {
      errors.add(new FieldError(field + ".title", "标题不能为空，且不能超过200个字符"));
    }
    LocalDate today = LocalDate.now(clock);
    if (source.date() == null || source.date().isAfter(today)) {
      errors.add(new FieldError(field + ".date", "发布日期不能为空，也不能晚于今天"));
    } else if (i == 0 && !source.date().isBefore(LocalDate.of(year, 1, 1))) {
      errors.add(new FieldError(field + ".date", year + "年安排的通知应于" + (year - 1) + "年发布"));
    }
    if (source.url() != null && !source.url().isBlank()
        && !(source.url().startsWith("https://") || source.url().startsWith("http://"))) {
      errors.add(new FieldError(field + ".url", "网址须以 https:// 或 http:// 开头"));
    }
    return errors;
  }

  private static StoredYear stored(ResultSet row, int rowNumber) throws SQLException {
    int year = row.getInt("cal_year");
    int revision = row.getInt("revision");
    try {
      return new StoredYear(year, revision, CalendarData.readYear(row.getString("entry")), row.getString("added_by"),
          row.getTimestamp("added_at").toInstant(), row.getString("reason"));
    } catch (IOException e) {
      throw new IllegalStateException("工作日历：" + year + "年修订" + revision + "无法解析：" + e.getMessage(), e);
    }
  }

  /** Someone stored another revision of the year since the caller read it. */
  public static class StaleRevisionException extends RuntimeException {
    StaleRevisionException(int year, int current) {
      super(year + "年的安排已被他人修改（当前修订为" + current + "）：请刷新页面，核对后重新提交");
    }
  }
}
