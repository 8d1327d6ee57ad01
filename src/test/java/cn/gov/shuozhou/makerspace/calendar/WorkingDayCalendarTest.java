package cn.gov.shuozhou.makerspace.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static Date shanghai(int year, int month, int day, int hour, int minute, int second) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, second, 0, SHANGHAI).toInstant());
  }

  @Nested
  class SpringFestival {

    @Test
    void in2024_feb10To17AreOff_andSundaysFeb4AndFeb18AreWorking() {
      for (LocalDate d = date(2024, 2, 10); !d.isAfter(date(2024, 2, 17)); d = d.plusDays(1)) {
        assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
      }
      assertThat(CALENDAR.isWorkingDay(date(2024, 2, 4))).isTrue(); // Sunday, 调休
      assertThat(CALENDAR.isWorkingDay(date(2024, 2, 18))).isTrue(); // Sunday, 调休
      assertThat(CALENDAR.isWorkingDay(date(2024, 2, 9))).isTrue(); // New Year's Eve, a Friday
      assertThat(CALENDAR.isWorkingDay(date(2024, 2, 3))).isFalse(); // ordinary Saturday
      assertThat(CALENDAR.plusWorkingDays(date(2024, 2, 9), 1)).isEqualTo(date(2024, 2, 18));
    }

    @Test
    void in2025_eightDaysFromNewYearsEve() {
      for (LocalDate d = date(2025, 1, 28); !d.isAfter(date(2025, 2, 4)); d = d.plusDays(1)) {
        assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
      }
      assertThat(CALENDAR.isWorkingDay(date(2025, 1, 26))).isTrue(); // Sunday
      assertThat(CALENDAR.isWorkingDay(date(2025, 2, 8))).isTrue(); // Saturday
      assertThat(CALENDAR.plusWorkingDays(date(2025, 1, 27), 1)).isEqualTo(date(2025, 2, 5));
    }

    @Test
    void in2026_nineDays_feb15To23() {
      for (LocalDate d = date(2026, 2, 15); !d.isAfter(date(2026, 2, 23)); d = d.plusDays(1)) {
        assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
      }
      assertThat(CALENDAR.isWorkingDay(date(2026, 2, 14))).isTrue(); // Saturday
      assertThat(CALENDAR.isWorkingDay(date(2026, 2, 28))).isTrue(); // Saturday
      assertThat(CALENDAR.plusWorkingDays(date(2026, 2, 13), 1)).isEqualTo(date(2026, 2, 14));
      assertThat(CALENDAR.plusWorkingDays(date(2026, 2, 14), 1)).isEqualTo(date(2026, 2, 24));
      assertThat(CALENDAR.workingDaysBetween(date(2026, 2, 13), date(2026, 2, 28))).isEqualTo(6);
    }

    @Test
    void in2020_extensionToFeb2CancelledTheWorkingSaturday() {
      assertThat(CALENDAR.isWorkingDay(date(2020, 1, 31))).isFalse();
      assertThat(CALENDAR.isWorkingDay(date(2020, 2, 1))).isFalse();
      assertThat(CALENDAR.isWorkingDay(date(2020, 2, 3))).isTrue();
      assertThat(CALENDAR.isWorkingDay(date(2020, 1, 19))).isTrue(); // Sunday
    }
  }

  @Test
  void nationalDay2023_sep29ToOct6Off_weekendOct7And8Working() {
    for (LocalDate d = date(2023, 9, 29); !d.isAfter(date(2023, 10, 6)); d = d.plusDays(1)) {
      assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(CALENDAR.isWorkingDay(date(2023, 10, 7))).isTrue(); // Saturday
    assertThat(CALENDAR.isWorkingDay(date(2023, 10, 8))).isTrue(); // Sunday
    assertThat(CALENDAR.plusWorkingDays(date(2023, 9, 28), 1)).isEqualTo(date(2023, 10, 7));
    assertThat(CALENDAR.plusWorkingDays(date(2023, 9, 28), 3)).isEqualTo(date(2023, 10, 9));
  }

  @Test
  void adjustedWorkingSaturdayCountsAsAWorkingDay() {
    assertThat(date(2024, 5, 11).getDayOfWeek()).hasToString("SATURDAY");
    assertThat(CALENDAR.isWorkingDay(date(2024, 5, 11))).isTrue();
    assertThat(CALENDAR.plusWorkingDays(date(2024, 5, 10), 1)).isEqualTo(date(2024, 5, 11));
    assertThat(CALENDAR.plusWorkingDays(date(2024, 5, 10), 2)).isEqualTo(date(2024, 5, 13));
  }

  @Test
  void ordinaryWeekendsAreOffAndOrdinaryWeekdaysAreWorking() {
    assertThat(CALENDAR.isWorkingDay(date(2024, 3, 16))).isFalse(); // Saturday
    assertThat(CALENDAR.isWorkingDay(date(2024, 3, 17))).isFalse(); // Sunday
    assertThat(CALENDAR.isWorkingDay(date(2024, 3, 18))).isTrue(); // Monday
    assertThat(CALENDAR.plusWorkingDays(date(2024, 3, 15), 10)).isEqualTo(date(2024, 3, 29));
  }

  @Test
  void fiveWorkingDaysFromTheFridayBeforeAHoliday() {
    // National Day 2024: Sun 29 Sep working, 1-7 Oct off.
    assertThat(CALENDAR.plusWorkingDays(date(2024, 9, 27), 5)).isEqualTo(date(2024, 10, 10));
    // Spring Festival 2025: Sun 26 Jan working, 28 Jan - 4 Feb off.
    assertThat(CALENDAR.plusWorkingDays(date(2025, 1, 24), 5)).isEqualTo(date(2025, 2, 7));
    assertThat(CALENDAR.workingDaysBetween(date(2025, 1, 24), date(2025, 2, 7))).isEqualTo(5);
  }

  @Test
  void crossesYearBoundaries() {
    // 2026: 1-3 Jan off, Sunday 4 Jan working.
    assertThat(CALENDAR.plusWorkingDays(date(2025, 12, 31), 1)).isEqualTo(date(2026, 1, 4));
    assertThat(CALENDAR.plusWorkingDays(date(2025, 12, 31), 2)).isEqualTo(date(2026, 1, 5));
    // 2024: Monday 1 Jan off.
    assertThat(CALENDAR.plusWorkingDays(date(2023, 12, 29), 1)).isEqualTo(date(2024, 1, 2));
    // The 2019 notice made Sat 29 Dec 2018 a working day and Mon 31 Dec 2018 a day off.
    assertThat(CALENDAR.plusWorkingDays(date(2018, 12, 28), 1)).isEqualTo(date(2018, 12, 29));
    assertThat(CALENDAR.plusWorkingDays(date(2018, 12, 28), 2)).isEqualTo(date(2019, 1, 2));
    assertThat(CALENDAR.isWorkingDay(date(2018, 12, 31))).isFalse();
  }

  @Test
  void zeroWorkingDaysIsTheStartDay_negativeIsRejected() {
    assertThat(CALENDAR.plusWorkingDays(date(2024, 2, 10), 0)).isEqualTo(date(2024, 2, 10));
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(date(2024, 2, 10), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("不能为负数");
  }

  @Test
  void workingDaysBetweenIsTheInverseOfPlusWorkingDays() {
    LocalDate from = date(2023, 9, 1);
    for (int n = 0; n <= 40; n++) {
      assertThat(CALENDAR.workingDaysBetween(from, CALENDAR.plusWorkingDays(from, n))).isEqualTo(n);
    }
    assertThat(CALENDAR.workingDaysBetween(date(2024, 2, 18), date(2024, 2, 8))).isEqualTo(-2);
  }

  @Nested
  class Due {

    @Test
    void endsAt235959ShanghaiTimeOfTheNthWorkingDay() {
      Date due = CALENDAR.due(shanghai(2024, 2, 8, 10, 30, 0), 1);
      assertThat(due.toInstant()).isEqualTo(shanghai(2024, 2, 9, 23, 59, 59).toInstant());
      assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2024, 2, 9, 15, 59, 59, 0, ZoneOffset.UTC).toInstant());

      Date tenDays = CALENDAR.due(shanghai(2023, 9, 27, 9, 0, 0), 10);
      // 28 Sep, then 7, 8 (weekend 调休), 9-13, 16, 17 Oct.
      assertThat(tenDays.toInstant()).isEqualTo(shanghai(2023, 10, 17, 23, 59, 59).toInstant());
    }

    @Test
    void usesTheShanghaiCalendarDayWhateverTheJvmDefaultZone() {
      // 2024-02-08T17:00Z is already 9 February, 01:00 in Shanghai.
      Date from = Date.from(ZonedDateTime.of(2024, 2, 8, 17, 0, 0, 0, ZoneOffset.UTC).toInstant());
      TimeZone original = TimeZone.getDefault();
      try {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        assertThat(CALENDAR.due(from, 1).toInstant())
            .isEqualTo(shanghai(2024, 2, 18, 23, 59, 59).toInstant());
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        assertThat(CALENDAR.due(from, 1).toInstant())
            .isEqualTo(shanghai(2024, 2, 18, 23, 59, 59).toInstant());
      } finally {
        TimeZone.setDefault(original);
      }
    }

    @Test
    void zeroWorkingDaysIsTheEndOfTheStartDay() {
      assertThat(CALENDAR.due(shanghai(2024, 2, 10, 8, 0, 0), 0).toInstant())
          .isEqualTo(shanghai(2024, 2, 10, 23, 59, 59).toInstant());
    }

    @Test
    void acceptsAnyWholeNumber() {
      Date from = shanghai(2024, 2, 8, 10, 30, 0);
      Date expected = shanghai(2024, 2, 18, 23, 59, 59); // 9 Feb, then Sunday 18 Feb
      assertThat(CALENDAR.due(from, Integer.valueOf(2))).isEqualTo(expected);
      assertThat(CALENDAR.due(from, Long.valueOf(2L))).isEqualTo(expected);
      assertThat(CALENDAR.due(from, (Number) 2.0d)).isEqualTo(expected);
      assertThat(CALENDAR.due(from, new BigDecimal("2"))).isEqualTo(expected);
    }

    @Test
    void rejectsFractionsNullsAndNegatives() {
      Date from = shanghai(2024, 2, 8, 10, 30, 0);
      assertThatThrownBy(() -> CALENDAR.due(from, (Number) 1.5d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("整数");
      assertThatThrownBy(() -> CALENDAR.due(from, (Number) null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CALENDAR.due(from, Long.valueOf(-3)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CALENDAR.due(from, Long.valueOf(Integer.MAX_VALUE + 1L)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class BeyondTheData {

    /**
     * The reminder names the calendar page by its address wherever it is read (log, Cockpit,
     * incidents), and on the calendar page itself its button instead: there the address sent the
     * reader to the page they were on (before: 请系统管理员及时在工作日历页面（/calendar/）补充).
     */
    @Test
    void theCoverageReminderNamesThePageElsewhereAndItsButtonOnThePage() {
      int last = CALENDAR.coveredYears().last();
      LocalDate november = date(last, 11, 15);
      assertThat(CALENDAR.coverageWarning(november)).hasValue("工作日历尚未包含" + (last + 1)
          + "年的节假日安排；国务院办公厅通知发布后，请系统管理员及时在工作日历页面（/calendar/）补充，否则跨年期限将无法计算");
      assertThat(CALENDAR.coverageWarningOnTheCalendarPage(november)).hasValue("工作日历尚未包含" + (last + 1)
          + "年的节假日安排；国务院办公厅通知发布后，请系统管理员及时在本页单击“补充下一年度”补充，否则跨年期限将无法计算");

      LocalDate uncovered = date(last + 1, 1, 5);
      assertThat(CALENDAR.coverageWarning(uncovered)).hasValue(new CalendarDataMissingException(last + 1).getMessage());
      assertThat(CALENDAR.coverageWarningOnTheCalendarPage(uncovered)).hasValue("工作日历未包含" + (last + 1)
          + "年的节假日安排，请系统管理员在本页单击“补充下一年度”补充国务院办公厅通知后重试");

      assertThat(CALENDAR.coverageWarning(date(last, 6, 1))).isEmpty();
      assertThat(CALENDAR.coverageWarningOnTheCalendarPage(date(last, 6, 1))).isEmpty();
    }

    @Test
    void aYearNotInTheDataThrowsWithAChineseMessageNamingTheYearAndThePage() {
      assertThatThrownBy(() -> CALENDAR.isWorkingDay(date(2028, 3, 1)))
          .isInstanceOf(CalendarDataMissingException.class)
          .hasMessage("工作日历未包含2028年的节假日安排，请系统管理员在工作日历页面（/calendar/）补充国务院办公厅通知后重试")
          .satisfies(e -> assertThat(((CalendarDataMissingException) e).getYear()).isEqualTo(2028));
      assertThatThrownBy(() -> CALENDAR.isWorkingDay(date(2015, 6, 1)))
          .isInstanceOf(CalendarDataMissingException.class)
          .hasMessageContaining("2015年");
    }

    @Test
    void yearsWithoutAVerifiedNoticeAreNotCovered() {
      assertThat(CALENDAR.covers(2016)).isTrue();
      assertThat(CALENDAR.covers(2026)).isTrue();
      // The 2027 notice was not verifiable when the file was last checked: no guessing.
      if (!CALENDAR.covers(2027)) {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(date(2027, 1, 4)))
            .isInstanceOf(CalendarDataMissingException.class)
            .hasMessageContaining("2027年");
      }
      assertThat(CALENDAR.coveredYears().first()).isEqualTo(2016);
    }

    @Test
    void countingIntoAnUncoveredYearThrowsInsteadOfGuessing() {
      int last = CALENDAR.coveredYears().last();
      assertThatThrownBy(() -> CALENDAR.plusWorkingDays(date(last, 12, 28), 10))
          .isInstanceOf(CalendarDataMissingException.class)
          .hasMessageContaining((last + 1) + "年");
      assertThatThrownBy(() -> CALENDAR.due(shanghai(last, 12, 30, 9, 0, 0), 5))
          .isInstanceOf(CalendarDataMissingException.class);
    }

    @Test
    void anUnverifiedEntryIsTreatedAsMissing() {
      String json =
          """
          {"timezone": "Asia/Shanghai", "years": [
            {"year": 2024, "verified": true, "sources": [{"document": "国办发明电〔2023〕7号"}],
             "holidays": [{"festival": "元旦", "dates": ["2024-01-01"]},
                          {"festival": "春节", "dates": ["2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16"]},
                          {"festival": "清明节", "dates": ["2024-04-04"]},
                          {"festival": "劳动节", "dates": ["2024-05-01"]},
                          {"festival": "端午节", "dates": ["2024-06-10"]},
                          {"festival": "中秋节", "dates": ["2024-09-17"]},
                          {"festival": "国庆节", "dates": ["2024-10-01"]}],
             "workdays": []},
            {"year": 2025, "verified": false, "holidays": [], "workdays": []}
          ]}
          """;
      WorkingDayCalendar calendar =
          new WorkingDayCalendar(
              CalendarData.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test"));
      assertThat(calendar.coveredYears()).containsExactly(2024);
      assertThat(calendar.isWorkingDay(date(2024, 1, 1))).isFalse();
      assertThatThrownBy(() -> calendar.isWorkingDay(date(2025, 1, 2)))
          .isInstanceOf(CalendarDataMissingException.class);
    }
  }

  @Test
  void remindsOperatorsInNovemberWhenNextYearIsMissing() {
    int last = CALENDAR.coveredYears().last();
    assertThat(CALENDAR.coverageWarning(date(last, 6, 1))).isEmpty();
    assertThat(CALENDAR.coverageWarning(date(last, 11, 5)))
        .hasValueSatisfying(warning -> assertThat(warning).contains((last + 1) + "年"));
    assertThat(CALENDAR.coverageWarning(date(last + 1, 1, 5)))
        .hasValueSatisfying(warning -> assertThat(warning).startsWith("工作日历未包含"));
  }
}
