package cn.gov.shuozhou.makerspace.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The holiday file {@code calendar/cn-working-days.json}: one entry per calendar year with the
 * days off and the adjusted working days (调休) announced by the State Council General Office.
 * The format is described in {@code docs/calendar.md}.
 */
public record CalendarData(
    String description,
    String timezone,
    List<String> notes,
    String lastChecked,
    List<YearEntry> years) {

  /** The seven statutory festivals every year's notice arranges. */
  public static final List<String> STATUTORY_FESTIVALS =
      List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  public CalendarData {
    notes = notes == null ? List.of() : List.copyOf(notes);
    years = years == null ? List.of() : List.copyOf(years);
  }

  /** One calendar year. Only a {@code verified} year is used by the calendar. */
  public record YearEntry(
      int year,
      boolean verified,
      List<Source> sources,
      String verification,
      List<DateGroup> holidays,
      List<DateGroup> workdays) {

    public YearEntry {
      sources = sources == null ? List.of() : List.copyOf(sources);
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
      workdays = workdays == null ? List.of() : List.copyOf(workdays);
    }

    public List<LocalDate> holidayDates() {
      return flatten(holidays);
    }

    public List<LocalDate> workdayDates() {
      return flatten(workdays);
    }

    private static List<LocalDate> flatten(List<DateGroup> groups) {
      List<LocalDate> all = new ArrayList<>();
      groups.forEach(group -> all.addAll(group.dates()));
      return all;
    }
  }

  /** A State Council General Office notice, e.g. 国办发明电〔2015〕18号 of 2015-12-10. */
  public record Source(String document, String title, LocalDate date, String url, String note) {}

  /** The dates of one festival, e.g. 春节, with an optional remark. */
  public record DateGroup(String festival, String note, List<LocalDate> dates) {

    public DateGroup {
      dates = dates == null ? List.of() : List.copyOf(dates);
    }
  }

  /**
   * Weekdays off minus working weekends in a year: the statutory days off. A statutory day on a
   * weekend is made up on a weekday (补休) and every weekday moved into a holiday is paid back on a
   * weekend (调休), so the balance is the statutory count of 《全国年节及纪念日放假办法》: 11 days,
   * 13 from 2025 (Spring Festival and Labour Day one more each, as revised in November 2024).
   * 2020 has two more: the Spring Festival extension of 国办发明电〔2020〕1号.
   */
  public static int statutoryDaysOff(int year) {
    return (year >= 2025 ? 13 : 11) + (year == 2020 ? 2 : 0);
  }

  /** Reads the file; a file that cannot be parsed is an {@link IllegalStateException}. */
  public static CalendarData read(InputStream in, String name) {
    try (in) {
      return MAPPER.readValue(in, CalendarData.class);
    } catch (IOException e) {
      throw new IllegalStateException("工作日历文件 " + name + " 无法解析：" + e.getMessage(), e);
    }
  }

  /** Reads the file from the classpath, e.g. {@code calendar/cn-working-days.json}. */
  public static CalendarData fromClasspath(String resource) {
    InputStream in = CalendarData.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("找不到工作日历文件 classpath:" + resource);
    }
    return read(in, resource);
  }

  /** The same file with {@code added} appended to its years. */
  public CalendarData withYears(List<YearEntry> added) {
    List<YearEntry> all = new ArrayList<>(years);
    all.addAll(added);
    return new CalendarData(description, timezone, notes, lastChecked, all);
  }

  /** One year entry as JSON, in the file's format. */
  public static String writeYear(YearEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One year entry from JSON; unknown keys are refused as in the file. */
  public static YearEntry readYear(String json) throws IOException {
    return MAPPER.readValue(json, YearEntry.class);
  }

  /** The years the calendar may answer for: present and verified. */
  public SortedSet<Integer> verifiedYears() {
    SortedSet<Integer> verified = new TreeSet<>();
    years.stream().filter(YearEntry::verified).forEach(entry -> verified.add(entry.year()));
    return verified;
  }

  /**
   * Everything that makes the file unusable, in words an administrator understands; empty when
   * the file is sound. Checked once at start-up, so a broken file stops the application instead
   * of producing wrong due dates.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!WorkingDayCalendar.ZONE.getId().equals(timezone)) {
      problems.add("时区必须为 " + WorkingDayCalendar.ZONE.getId() + "，文件中为：" + timezone);
    }
    Set<Integer> seenYears = new HashSet<>();
    Map<LocalDate, Integer> holidayYear = new HashMap<>();
    Set<LocalDate> workdays = new HashSet<>();
    for (YearEntry entry : years) {
      int year = entry.year();
      if (!seenYears.add(year)) {
        problems.add(year + "年出现了不止一次");
      }
      if (entry.verified()) {
        if (entry.sources().isEmpty()) {
          problems.add(year + "年已标记为核实，但没有注明国务院办公厅通知");
        }
        long balance = weekdaysOffMinusWorkingWeekends(entry);
        if (balance != statutoryDaysOff(year)) {
          problems.add(year + "年放假的工作日数减去调休上班的周末数应为法定节假日天数" + statutoryDaysOff(year)
              + "天，现为" + balance + "天：请核对是否漏填或多填了日期");
        }
        for (String festival : STATUTORY_FESTIVALS) {
          boolean present =
              entry.holidays().stream().anyMatch(group -> containsFestival(group, festival));
          if (!present) {
            problems.add(year + "年缺少" + festival + "的放假安排");
          }
        }
      }
      for (LocalDate date : entry.holidayDates()) {
        if (date.getYear() != year) {
          problems.add(year + "年的放假日 " + date + " 不在该年内");
        }
        holidayYear.put(date, year);
      }
      for (LocalDate date : entry.workdayDates()) {
        if (date.getYear() != year) {
          problems.add(year + "年的调休上班日 " + date + " 不在该年内");
        }
        DayOfWeek day = date.getDayOfWeek();
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
          problems.add(year + "年的调休上班日 " + date + " 不是星期六或星期日");
        }
        workdays.add(date);
      }
    }
    workdays.stream()
        .filter(holidayYear::containsKey)
        .sorted()
        .forEach(date -> problems.add(date + " 同时列为放假日和调休上班日"));
    SortedSet<Integer> verified = verifiedYears();
    if (!verified.isEmpty()) {
      for (int year = verified.first(); year <= verified.last(); year++) {
        if (!verified.contains(year)) {
          problems.add(
              "已核实的年份之间缺少" + year + "年（" + verified.first() + "–" + verified.last() + "年须连续）");
        }
      }
    } else {
      problems.add("没有任何已核实的年份");
    }
    return problems;
  }

  /** See {@link #statutoryDaysOff(int)}. */
  public static long weekdaysOffMinusWorkingWeekends(YearEntry entry) {
    return weekdaysOff(entry) - workingWeekends(entry);
  }

  /** Monday to Friday dates among the year's days off. */
  public static long weekdaysOff(YearEntry entry) {
    return entry.holidayDates().stream().distinct().filter(date -> date.getDayOfWeek().getValue() <= 5).count();
  }

  /** The year's adjusted working days (all on weekends when the entry is sound). */
  public static long workingWeekends(YearEntry entry) {
    return entry.workdayDates().stream().distinct().count();
  }

  private static boolean containsFestival(DateGroup group, String festival) {
    return group.festival() != null
        && List.of(group.festival().split("、")).contains(festival)
        && !group.dates().isEmpty();
  }
}
