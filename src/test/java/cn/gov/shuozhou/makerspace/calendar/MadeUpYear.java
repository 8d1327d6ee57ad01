package cn.gov.shuozhou.makerspace.calendar;

import cn.gov.shuozhou.makerspace.calendar.CalendarData.DateGroup;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.Source;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up holiday arrangement for any year that passes every check (seven festivals, one working
 * Saturday, the statutory balance): test data only, never a real State Council notice. Tests add
 * it for the year after the released file, so they keep working when a release adds real years.
 */
public final class MadeUpYear {

  private MadeUpYear() {}

  /** The first year an administrator may add: the one after the released file. */
  public static int next() {
    return CalendarData.fromClasspath(WorkingDayCalendar.RESOURCE).verifiedYears().last() + 1;
  }

  /** Spring Festival's days off: the Monday of the second week of February and the days to Saturday. */
  public static LocalDate springFestivalStart(int year) {
    return LocalDate.of(year, 2, 8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
  }

  /** The working Saturday paid back for Spring Festival: the one before it. */
  public static LocalDate workingSaturday(int year) {
    return springFestivalStart(year).minusDays(2);
  }

  public static YearEntry entry(int year) {
    int extra = CalendarData.statutoryDaysOff(year) - 11; // 13 from 2025: two more weekdays at Spring Festival
    LocalDate spring = springFestivalStart(year);
    List<DateGroup> holidays = List.of(
        group("元旦", weekdays(LocalDate.of(year, 1, 1), 1)),
        group("春节", weekdays(spring, 4 + extra)),
        group("清明节", weekdays(LocalDate.of(year, 4, 5), 1)),
        group("劳动节", weekdays(LocalDate.of(year, 5, 1), 1)),
        group("端午节", weekdays(LocalDate.of(year, 6, 10), 1)),
        group("中秋节", weekdays(LocalDate.of(year, 9, 15), 1)),
        group("国庆节", weekdays(LocalDate.of(year, 10, 1), 3)));
    List<DateGroup> workdays = List.of(group("春节", List.of(workingSaturday(year))));
    return new YearEntry(year, true,
        List.of(new Source("国办发明电〔" + (year - 1) + "〕999号", "国务院办公厅关于" + year + "年部分节假日安排的通知",
            noticeDate(year), "https://www.gov.cn/test-only", null)),
        "测试数据：虚构的安排，不是国务院办公厅的通知", holidays, workdays);
  }

  /** The notice is dated the year before, and not after today. */
  public static LocalDate noticeDate(int year) {
    LocalDate endOfYearBefore = LocalDate.of(year - 1, 12, 31);
    LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
    return today.isBefore(endOfYearBefore) ? today : endOfYearBefore;
  }

  /** {@code count} weekdays from {@code from} on, with the weekend days between them. */
  private static List<LocalDate> weekdays(LocalDate from, int count) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate date = from;
    int found = 0;
    while (found < count) {
      dates.add(date);
      if (date.getDayOfWeek().getValue() <= 5) {
        found++;
      }
      date = date.plusDays(1);
    }
    return dates;
  }

  private static DateGroup group(String festival, List<LocalDate> dates) {
    return new DateGroup(festival, null, dates);
  }
}
