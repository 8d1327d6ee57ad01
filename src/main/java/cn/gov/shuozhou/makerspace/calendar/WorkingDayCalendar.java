package cn.gov.shuozhou.makerspace.calendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Chinese working days: Monday to Friday, except the statutory holidays, plus the Saturdays and
 * Sundays that the State Council moves to working days (调休). Periods count as in 行政许可法:
 * the start day is not counted.
 *
 * <p>Registered as bean {@code workingDays} for BPMN expressions, e.g. a user task's due date
 * {@code ${workingDays.due(now(), 10)}} or a timer's {@code timeDate}. The time zone is always
 * Asia/Shanghai, whatever the JVM's default. A date in a year the holiday file does not cover
 * raises {@link CalendarDataMissingException}; the calendar never guesses.
 */
@Component("workingDays")
public class WorkingDayCalendar {

  /** The time zone of every calendar date and due time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The holiday file on the classpath. */
  public static final String RESOURCE = "calendar/cn-working-days.json";

  /** Due dates end with the last second of the working day. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  /** How often a node asks the database whether an administrator added or revised a year. */
  static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** A missing year is looked for in the database at most this often (a burst of jobs may ask). */
  static final long MISSING_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** What the calendar page's reminders say instead of its address: the button that adds a year. */
  static final String ON_THIS_PAGE = "在本页单击“补充下一年度”";

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

  /** The data in use: replaced whole, never changed, so that every call sees one consistent year set. */
  private volatile Coverage coverage;

  /** Reloads the years administrators added ({@link CalendarYears}); none in plain unit tests. */
  private volatile Runnable reload = () -> {};
  // As if the last look were long enough ago that the first missing year is looked up at once.
  private final AtomicLong checkedAt = new AtomicLong(System.nanoTime() - MISSING_RECHECK_NANOS - 1);

  /** Loads {@value #RESOURCE} from the classpath (the constructor Spring uses). */
  @Autowired
  public WorkingDayCalendar() {
    this(CalendarData.fromClasspath(RESOURCE));
  }

  /** Uses the given data; only its verified years are covered. */
  public WorkingDayCalendar(CalendarData data) {
    use(data);
  }

  /**
   * Replaces the data in use, e.g. the released file plus the years an administrator added. Data
   * with problems is refused with an {@link IllegalStateException} naming each one.
   */
  public void use(CalendarData data) {
    Objects.requireNonNull(data, "data");
    var problems = data.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("工作日历文件 " + RESOURCE + " 有误：" + String.join("；", problems));
    }
    Coverage next = new Coverage(data);
    Coverage previous = coverage;
    coverage = next;
    if (previous == null || !previous.years.equals(next.years)) {
      LOG.info("工作日历已加载：{}–{}年", next.years.first(), next.years.last());
      coverageWarning(LocalDate.now(ZONE)).ifPresent(LOG::warn);
    }
  }

  /** Called by {@link CalendarYears}: how to look for years added on any node. */
  void reloadWith(Runnable reload) {
    this.reload = Objects.requireNonNull(reload, "reload");
  }

  /** Whether {@code date} is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return covering(current(), date.getYear()).isWorkingDay(date);
  }

  /**
   * The {@code n}-th working day strictly after {@code from} (the start day is not counted);
   * {@code n = 0} returns {@code from}.
   */
  public LocalDate plusWorkingDays(LocalDate from, int n) {
    Objects.requireNonNull(from, "from");
    if (n < 0) {
      throw new IllegalArgumentException("工作日数不能为负数：" + n);
    }
    Coverage data = current();
    LocalDate date = from;
    int remaining = n;
    while (remaining > 0) {
      date = date.plusDays(1);
      data = covering(data, date.getYear());
      if (data.isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /**
   * The end (23:59:59 Asia/Shanghai) of the {@code workingDays}-th working day after the calendar
   * day of {@code from} in Shanghai: a task's due date or a timer's date.
   */
  public Date due(Date from, int workingDays) {
    Objects.requireNonNull(from, "from");
    LocalDate start = from.toInstant().atZone(ZONE).toLocalDate();
    LocalDate end = plusWorkingDays(start, workingDays);
    return Date.from(end.atTime(END_OF_DAY).atZone(ZONE).toInstant());
  }

  /**
   * As {@link #due(Date, int)}, for a count that arrives as any {@link Number} (Integer, Long,
   * Double 10.0, BigDecimal ...) from a JSON-deserialized variable; it must be a whole number.
   */
  public Date due(Date from, Number workingDays) {
    return due(from, toCount(workingDays));
  }

  /**
   * A task's due date: as {@link #due(Date, Number)}, but where the calendar data does not reach
   * that far the task gets no due date (and a warning is logged) instead of blocking the work.
   * Deadlines with legal effect (timers) use {@code due} and raise an incident instead.
   */
  public Date dueIfKnown(Date from, Number workingDays) {
    try {
      return due(from, workingDays);
    } catch (CalendarDataMissingException e) {
      LOG.warn("任务未设置到期日：{}", e.getMessage());
      return null;
    }
  }

  /**
   * The number of working days in {@code (fromExclusive, toInclusive]}, so that {@code
   * workingDaysBetween(d, plusWorkingDays(d, n)) == n}; negative when {@code toInclusive} is
   * before {@code fromExclusive}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      return -workingDaysBetween(toInclusive, fromExclusive);
    }
    Coverage data = current();
    int count = 0;
    for (LocalDate date = fromExclusive.plusDays(1);
        !date.isAfter(toInclusive);
        date = date.plusDays(1)) {
      data = covering(data, date.getYear());
      if (data.isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /** Whether the calendar holds a verified arrangement for {@code year}. */
  public boolean covers(int year) {
    return current().years.contains(year);
  }

  /** The years the calendar answers for, e.g. 2016–2026. */
  public SortedSet<Integer> coveredYears() {
    return current().years;
  }

  /**
   * A reminder for the operators when {@code today}'s year is not covered, or when it is
   * November or December and next year's notice has not been added yet.
   */
  Optional<String> coverageWarning(LocalDate today) {
    return coverageWarning(today, CalendarDataMissingException.ON_THE_PAGE);
  }

  /**
   * The same reminder as worded for the calendar page itself: its reader is already where the
   * year is added, so it names the page's button instead of the page's address.
   */
  Optional<String> coverageWarningOnTheCalendarPage(LocalDate today) {
    return coverageWarning(today, ON_THIS_PAGE);
  }

  private Optional<String> coverageWarning(LocalDate today, String where) {
    int year = today.getYear();
    if (!covers(year)) {
      return Optional.of(CalendarDataMissingException.message(year, where));
    }
    if (today.getMonthValue() >= 11 && !covers(year + 1)) {
      return Optional.of(
          "工作日历尚未包含"
              + (year + 1)
              + "年的节假日安排；国务院办公厅通知发布后，请系统管理员及时"
              + where
              + "补充，否则跨年期限将无法计算");
    }
    return Optional.empty();
  }

  /** The data in use, reloaded first when the last look at the database is a minute old. */
  private Coverage current() {
    long last = checkedAt.get();
    if (System.nanoTime() - last > RECHECK_NANOS) {
      reloadOnce(last);
    }
    return coverage;
  }

  /** {@code data} if it covers {@code year}; else the data as reloaded; else the year is missing. */
  private Coverage covering(Coverage data, int year) {
    if (data.years.contains(year)) {
      return data;
    }
    long last = checkedAt.get();
    if (System.nanoTime() - last > MISSING_RECHECK_NANOS) {
      reloadOnce(last);
    }
    Coverage reloaded = coverage;
    if (!reloaded.years.contains(year)) {
      throw new CalendarDataMissingException(year);
    }
    return reloaded;
  }

  /** One caller reloads; the others go on with the data they have. */
  private void reloadOnce(long seenCheck) {
    if (checkedAt.compareAndSet(seenCheck, System.nanoTime())) {
      try {
        reload.run();
      } catch (RuntimeException e) {
        LOG.warn("工作日历：读取管理员补充的年份失败，继续使用已加载的数据：{}", e.toString());
      }
    }
  }

  /** The verified years of one data set, with their days off and adjusted working days. */
  private static final class Coverage {
    private final SortedSet<Integer> years;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();

    private Coverage(CalendarData data) {
      years = Collections.unmodifiableSortedSet(data.verifiedYears());
      data.years().stream()
          .filter(CalendarData.YearEntry::verified)
          .forEach(
              entry -> {
                holidays.addAll(entry.holidayDates());
                workdays.addAll(entry.workdayDates());
              });
    }

    private boolean isWorkingDay(LocalDate date) {
      if (workdays.contains(date)) {
        return true;
      }
      if (holidays.contains(date)) {
        return false;
      }
      DayOfWeek day = date.getDayOfWeek();
      return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
  }

  private static int toCount(Number n) {
    if (n == null) {
      throw new IllegalArgumentException("工作日数不能为空");
    }
    if (n instanceof Integer i) {
      return i;
    }
    try {
      return new BigDecimal(n.toString()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("工作日数必须是整数：" + n, e);
    }
  }
}
