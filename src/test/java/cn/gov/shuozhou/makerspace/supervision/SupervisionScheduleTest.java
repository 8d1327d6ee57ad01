package cn.gov.shuozhou.makerspace.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.supervision.SupervisionSchedule.ReportRules;
import cn.gov.shuozhou.makerspace.supervision.SupervisionSchedule.ReportWindow;
import cn.gov.shuozhou.makerspace.supervision.SupervisionSchedule.Title;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dates of the supervision, with the policy defaults (report 12-01 to 12-31, reminder 10 days,
 * renewal 90 days, first report in the certification year when at least 10 working days of its
 * window remain) and the released working-day calendar.
 */
class SupervisionScheduleTest {

  private static final int FIRST_REPORT_MIN_WORKING_DAYS = 10;

  private final SupervisionSchedule schedule = new SupervisionSchedule(new WorkingDayCalendar());

  @Test
  void threeReportsInAThreeYearValidityStartingInSpring() {
    assertThat(years(LocalDate.of(2026, 3, 2), LocalDate.of(2029, 3, 1))).containsExactly(2026, 2027, 2028);
  }

  @Test
  void certifiedInJuneTheSpaceReportsForEveryYearEndOfItsTitle() {
    // Art. 7, 11: valid through 2029-05-31; the 2029 window opens after the title ended
    assertThat(years(LocalDate.of(2026, 6, 1), LocalDate.of(2029, 5, 31))).containsExactly(2026, 2027, 2028);
  }

  @Test
  void certifiedInDecemberTheLastWindowOpensWhileValidAndIsReportedThoughDueAfterwards() {
    // valid through 2029-12-14: the 2029 window opens on 2029-12-01 and is reported (on main: skipped)
    List<ReportWindow> windows = windows(LocalDate.of(2026, 12, 15), LocalDate.of(2029, 12, 14));
    assertThat(windows).extracting(ReportWindow::year).containsExactly(2026, 2027, 2028, 2029);
    assertThat(windows.get(3).due()).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThat(years(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31))).containsExactly(2027, 2028, 2029);
    assertThat(years(LocalDate.of(2026, 12, 2), LocalDate.of(2029, 12, 1))).containsExactly(2026, 2027, 2028, 2029);
  }

  @Test
  void theCertificationYearIsReportedOnlyWhenEnoughWorkingDaysOfItsOpenWindowRemain() {
    // December 2026 has no holiday: after Thursday 12-17 ten working days remain, after Friday 12-18 nine
    assertThat(years(LocalDate.of(2026, 12, 17), LocalDate.of(2029, 12, 16))).containsExactly(2026, 2027, 2028, 2029);
    assertThat(years(LocalDate.of(2026, 12, 18), LocalDate.of(2029, 12, 17))).containsExactly(2027, 2028, 2029);
    // a window opening on the certification day itself has already opened: 22 working days remain
    assertThat(years(LocalDate.of(2026, 12, 1), LocalDate.of(2029, 11, 30))).containsExactly(2026, 2027, 2028);
    assertThat(years(LocalDate.of(2026, 11, 30), LocalDate.of(2029, 11, 29))).containsExactly(2026, 2027, 2028);
    // the number is the policy's
    assertThat(schedule.nextReport(new Title(LocalDate.of(2026, 12, 17), LocalDate.of(2029, 12, 16)), null,
        new ReportRules("12-01", "12-31", 10, 11))).map(ReportWindow::year).contains(2027);
  }

  @Test
  void windowTimesAreShanghaiDayBoundaries() {
    ReportWindow w = first(LocalDate.of(2026, 3, 2), "12-01", "12-31", 10).orElseThrow();
    assertThat(w.opensAt()).isEqualTo(at(LocalDateTime.of(2026, 12, 1, 0, 0)));
    assertThat(w.dueAt()).isEqualTo(at(LocalDateTime.of(2026, 12, 31, 23, 59, 59)));
    assertThat(w.reminderAt()).isEqualTo(at(LocalDateTime.of(2026, 12, 21, 0, 0)));
  }

  @Test
  void aDueDayBeforeTheOpeningDayFallsInTheNextYearAndTheReminderNeverPrecedesTheWindow() {
    ReportWindow w = first(LocalDate.of(2026, 3, 2), "12-20", "01-15", 60).orElseThrow();
    assertThat(w.year()).isEqualTo(2026);
    assertThat(w.due()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(w.reminderAt()).isEqualTo(w.opensAt());
  }

  @Test
  void aMalformedPolicyDateIsAnIncidentNotAGuess() {
    assertThatThrownBy(() -> first(LocalDate.of(2026, 3, 2), "12月1日", "12-31", 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("annualReportOpens");
  }

  @Test
  void renewalReminderAndExpiry() {
    SupervisionSchedule.Validity v = schedule.validity(LocalDate.of(2029, 3, 1), 90);
    assertThat(v.renewalReminderAt()).isEqualTo(at(LocalDateTime.of(2028, 12, 1, 0, 0)));
    assertThat(v.endsAt()).isEqualTo(at(LocalDateTime.of(2029, 3, 2, 0, 0)));
    assertThat(schedule.rectificationDeadline(LocalDate.of(2026, 11, 30), 3)).isEqualTo(LocalDate.of(2027, 2, 28));
  }

  private Optional<ReportWindow> first(LocalDate certifiedOn, String opens, String due, int reminderDays) {
    return schedule.nextReport(new Title(certifiedOn, certifiedOn.plusYears(3).minusDays(1)), null,
        new ReportRules(opens, due, reminderDays, FIRST_REPORT_MIN_WORKING_DAYS));
  }

  private List<Integer> years(LocalDate certifiedOn, LocalDate lastValidDay) {
    return windows(certifiedOn, lastValidDay).stream().map(ReportWindow::year).toList();
  }

  private List<ReportWindow> windows(LocalDate certifiedOn, LocalDate lastValidDay) {
    List<ReportWindow> windows = new ArrayList<>();
    Integer previous = null;
    for (Optional<ReportWindow> w; (w = schedule.nextReport(new Title(certifiedOn, lastValidDay), previous,
        new ReportRules("12-01", "12-31", 10, FIRST_REPORT_MIN_WORKING_DAYS))).isPresent(); ) {
      previous = w.get().year();
      windows.add(w.get());
    }
    return windows;
  }

  private static Date at(LocalDateTime shanghai) {
    return Date.from(shanghai.atZone(EngineClock.ZONE).toInstant());
  }
}
