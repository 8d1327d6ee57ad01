package cn.gov.shuozhou.makerspace.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.calendar.CalendarData.DateGroup;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The holiday file as the State Council notices shape it; guards every edit of the file. */
class CalendarDataIntegrityTest {

  private static final CalendarData DATA = CalendarData.fromClasspath(WorkingDayCalendar.RESOURCE);
  private static final Pattern NOTICE_NUMBER = Pattern.compile("国办发明电〔\\d{4}〕\\d+号");

  @Test
  void theFileHasNoProblems() {
    assertThat(DATA.problems()).isEmpty();
    assertThat(DATA.timezone()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void yearsAreUniqueAndWithin2016To2027() {
    List<Integer> years = DATA.years().stream().map(YearEntry::year).toList();
    assertThat(years).doesNotHaveDuplicates().allSatisfy(y -> assertThat(y).isBetween(2016, 2027));
  }

  @Test
  void coveredYearsStartIn2016AndHaveNoGap() {
    SortedSet<Integer> verified = DATA.verifiedYears();
    assertThat(verified.first()).isEqualTo(2016);
    assertThat(verified).hasSize(verified.last() - verified.first() + 1);
    assertThat(verified).contains(2024, 2025, 2026);
  }

  @Test
  void everyYearArrangesAllSevenFestivals() {
    for (YearEntry entry : DATA.years()) {
      Set<String> festivals = new HashSet<>();
      for (DateGroup group : entry.holidays()) {
        assertThat(group.dates()).as(entry.year() + " " + group.festival()).isNotEmpty();
        festivals.addAll(List.of(group.festival().split("、")));
      }
      assertThat(festivals)
          .as("festivals of %d", entry.year())
          .hasSizeGreaterThanOrEqualTo(7)
          .containsAll(CalendarData.STATUTORY_FESTIVALS);
    }
  }

  @Test
  void noDateIsBothAHolidayAndAnAdjustedWorkday() {
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> workdays = new HashSet<>();
    DATA.years().forEach(
        entry -> {
          holidays.addAll(entry.holidayDates());
          workdays.addAll(entry.workdayDates());
        });
    workdays.retainAll(holidays);
    assertThat(workdays).isEmpty();
  }

  @Test
  void everyAdjustedWorkdayIsASaturdayOrSunday() {
    for (YearEntry entry : DATA.years()) {
      assertThat(entry.workdayDates())
          .as("adjusted workdays of %d", entry.year())
          .allSatisfy(
              d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }
  }

  @Test
  void everyDateIsInItsOwnYearAndListedOnce() {
    for (YearEntry entry : DATA.years()) {
      assertThat(entry.holidayDates())
          .as("holidays of %d", entry.year())
          .doesNotHaveDuplicates()
          .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(entry.year()));
      assertThat(entry.workdayDates())
          .as("workdays of %d", entry.year())
          .doesNotHaveDuplicates()
          .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(entry.year()));
    }
  }

  @Test
  void everyVerifiedYearNamesItsNoticeIssuedBeforeTheYearBegan() {
    for (YearEntry entry : DATA.years()) {
      if (!entry.verified()) {
        continue;
      }
      assertThat(entry.sources()).as("sources of %d", entry.year()).isNotEmpty();
      assertThat(entry.verification()).as("verification of %d", entry.year()).isNotBlank();
      CalendarData.Source notice = entry.sources().get(0);
      assertThat(notice.document()).matches(NOTICE_NUMBER);
      assertThat(notice.title()).isEqualTo("国务院办公厅关于" + entry.year() + "年部分节假日安排的通知");
      assertThat(notice.date()).isBefore(LocalDate.of(entry.year(), 1, 1));
    }
  }

  @Test
  void adjustmentsAreZeroSum_everyYearGivesExactlyItsStatutoryDaysOff() {
    // CalendarData.statutoryDaysOff explains the rule; problems() applies it to every verified
    // year, so a missing or extra date in a new year's entry stops the calendar.
    assertThat(CalendarData.statutoryDaysOff(2024)).isEqualTo(11);
    assertThat(CalendarData.statutoryDaysOff(2020)).isEqualTo(13);
    assertThat(CalendarData.statutoryDaysOff(2025)).isEqualTo(13);
    for (YearEntry entry : DATA.years()) {
      assertThat(CalendarData.weekdaysOffMinusWorkingWeekends(entry))
          .as("weekdays off minus working weekends in %d", entry.year())
          .isEqualTo(CalendarData.statutoryDaysOff(entry.year()));
    }
    YearEntry y2026 = DATA.years().stream().filter(e -> e.year() == 2026).findFirst().orElseThrow();
    List<DateGroup> oneDayShort = new ArrayList<>(y2026.holidays());
    oneDayShort.set(0, new DateGroup("元旦", null, List.of(LocalDate.of(2026, 1, 1))));
    CalendarData withoutJan2 = new CalendarData(DATA.description(), DATA.timezone(), DATA.notes(), DATA.lastChecked(),
        DATA.years().stream().map(e -> e.year() != 2026 ? e : new YearEntry(2026, true, e.sources(),
            e.verification(), oneDayShort, e.workdays())).toList());
    assertThat(withoutJan2.problems())
        .containsExactly("2026年放假的工作日数减去调休上班的周末数应为法定节假日天数13天，现为12天：请核对是否漏填或多填了日期");
  }

  @Test
  void aBrokenFileStopsTheCalendarWithEveryProblemNamed() {
    String json =
        """
        {"timezone": "Asia/Shanghai", "years": [
          {"year": 2030, "verified": true, "sources": [],
           "holidays": [{"festival": "春节", "dates": ["2030-02-04", "2031-01-01"]}],
           "workdays": [{"festival": "春节", "dates": ["2030-02-04", "2030-02-06"]}]},
          {"year": 2032, "verified": true, "sources": [], "holidays": [], "workdays": []}
        ]}
        """;
    CalendarData broken =
        CalendarData.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");

    assertThat(broken.problems())
        .anySatisfy(p -> assertThat(p).contains("2031-01-01 不在该年内"))
        .anySatisfy(p -> assertThat(p).contains("2030-02-06 不是星期六或星期日"))
        .anySatisfy(p -> assertThat(p).contains("2030-02-04 同时列为放假日和调休上班日"))
        .anySatisfy(p -> assertThat(p).contains("2030年缺少元旦"))
        .anySatisfy(p -> assertThat(p).contains("缺少2031年"))
        .anySatisfy(p -> assertThat(p).contains("没有注明国务院办公厅通知"));
    assertThatThrownBy(() -> new WorkingDayCalendar(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("工作日历文件");
  }

  @Test
  void aMisspelledKeyIsRejectedRatherThanIgnored() {
    String json = "{\"timezone\": \"Asia/Shanghai\", \"years\": [{\"year\": 2030, \"workday\": []}]}";
    assertThatThrownBy(
            () -> CalendarData.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("无法解析");
  }
}
