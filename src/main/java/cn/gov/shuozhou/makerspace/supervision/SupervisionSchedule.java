package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.ANNUAL_REPORT_REMINDER_DAYS;
import static cn.gov.shuozhou.makerspace.certification.Policy.Output.FIRST_REPORT_MIN_WORKING_DAYS;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dates of the supervision: the yearly report windows (Art. 7), the rectification deadline
 * (Art. 8) and the renewal reminder and end of validity (Art. 11). Every number comes from decision
 * {@code certification-policy}, working days from the {@link WorkingDayCalendar}; times are
 * Asia/Shanghai. Knows nothing of Camunda.
 */
@Component
public class SupervisionSchedule {

  private final WorkingDayCalendar calendar;

  public SupervisionSchedule(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** One year's report: the window opens at the start of {@code opens}, closes at the end of {@code due}. */
  public record ReportWindow(int year, LocalDate opens, LocalDate due, Date opensAt, Date dueAt, Date reminderAt) {}

  /** When the operator is reminded that a renewal is possible, and the first moment the title is no longer valid. */
  public record Validity(Date renewalReminderAt, Date endsAt) {}

  /** The title's days (Art. 11): certified on, valid through. */
  public record Title(LocalDate certifiedOn, LocalDate lastValidDay) {}

  /**
   * The policy's rules for the annual reports (Art. 7): the window's opening and due day
   * ({@code "MM-dd"}), the reminder's lead in days, and the working days a first window must still
   * offer after the certification day.
   */
  public record ReportRules(String opens, String due, int reminderDays, int firstReportMinWorkingDays) {

    /**
     * The rules of {@code policy}; only the first report needs {@code firstReportMinWorkingDays}
     * (instances started before that parameter existed are past it).
     */
    public static ReportRules of(Policy policy, boolean firstReport) {
      return new ReportRules(policy.annualReportOpens(), policy.annualReportDue(),
          policy.number(ANNUAL_REPORT_REMINDER_DAYS), firstReport ? policy.number(FIRST_REPORT_MIN_WORKING_DAYS) : 0);
    }
  }

  /**
   * The next annual report after {@code previousYear} (null: the first), or empty once no further
   * report window opens while the title is valid (Art. 7, 11): every window that opens on or before
   * the last valid day is reported, even when it is due after that day.
   *
   * <p>The first report is for the certification year when its window opens after the
   * certification day, or when it had already opened but at least {@code firstReportMinWorkingDays}
   * working days of it remain after the certification day; otherwise for the following year. Every
   * later report is for the year after {@code previousYear}. When the due day ({@code "MM-dd"})
   * lies before the opening day in the calendar, the report is due in the following calendar year.
   * The reminder falls {@code reminderDays} before the due day (at its start), never before the
   * window opens.
   */
  public Optional<ReportWindow> nextReport(Title title, Integer previousYear, ReportRules rules) {
    MonthDay opens = monthDay("annualReportOpens", rules.opens());
    MonthDay due = monthDay("annualReportDue", rules.due());
    LocalDate certifiedOn = title.certifiedOn();
    int year;
    if (previousYear == null) {
      year = certifiedOn.getYear();
      if (!opens.atYear(year).isAfter(certifiedOn)
          && calendar.workingDaysBetween(certifiedOn, dueDay(opens, due, year)) < rules.firstReportMinWorkingDays()) {
        year++;
      }
    } else {
      year = previousYear + 1;
    }
    LocalDate opensDay = opens.atYear(year);
    if (opensDay.isAfter(title.lastValidDay())) {
      return Optional.empty();
    }
    LocalDate dueDay = dueDay(opens, due, year);
    LocalDate reminderDay = dueDay.minusDays(rules.reminderDays());
    if (reminderDay.isBefore(opensDay)) {
      reminderDay = opensDay;
    }
    return Optional.of(new ReportWindow(year, opensDay, dueDay, EngineClock.startOf(opensDay), endOf(dueDay),
        EngineClock.startOf(reminderDay)));
  }

  private static LocalDate dueDay(MonthDay opens, MonthDay due, int year) {
    return due.isBefore(opens) ? due.atYear(year + 1) : due.atYear(year);
  }

  /** The renewal reminder at the start of the day {@code renewalReminderDays} before the last valid day; the end at the start of the day after it. */
  public Validity validity(LocalDate lastValidDay, int renewalReminderDays) {
    return new Validity(EngineClock.startOf(lastValidDay.minusDays(renewalReminderDays)),
        EngineClock.startOf(lastValidDay.plusDays(1)));
  }

  /** The last day of a rectification ordered {@code today}: the same day {@code months} later. */
  public LocalDate rectificationDeadline(LocalDate today, int months) {
    return today.plusMonths(months);
  }

  /** The last second of a day in Shanghai, as for every other deadline of the application. */
  public Date endOf(LocalDate day) {
    return Date.from(day.atTime(WorkingDayCalendar.END_OF_DAY).atZone(EngineClock.ZONE).toInstant());
  }

  private static MonthDay monthDay(String name, String value) {
    try {
      return MonthDay.parse("--" + value);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("认定政策参数 " + name + " 应为“月-日”格式（如 12-31），实际为：" + value, e);
    }
  }
}
