package cn.gov.shuozhou.makerspace.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

  private static boolean containsFestival(DateGroup group, String festival) {
    return group.festival() != null
        && List.of(group.festival().split("、")).contains(festival)
        && !group.dates().isEmpty();
  }
}
