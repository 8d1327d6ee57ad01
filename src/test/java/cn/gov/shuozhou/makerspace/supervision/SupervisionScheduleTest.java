package cn.gov.shuozhou.makerspace.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.supervision.SupervisionSchedule.ReportWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dates of the supervision, with the policy defaults (report 12-01 to 12-31, reminder 10 days, renewal 90 days). */
class SupervisionScheduleTest {

  private final SupervisionSchedule schedule = new SupervisionSchedule();

  @Test
  void threeReportsInAThreeYearValidityStartingInSpring() {
    assertThat(years(LocalDate.of(2026, 3, 2), LocalDate.of(2029, 3, 1))).containsExactly(2026, 2027, 2028);
  }

  @Test
  void theFirstReportIsNextYearWhenTheWindowHadAlreadyOpened() {
    assertThat(years(LocalDate.of(2026, 12, 1), LocalDate.of(2029, 11, 30))).containsExactly(2027, 2028);
    assertThat(years(LocalDate.of(2026, 11, 30), LocalDate.of(2029, 11, 29))).containsExactly(2026, 2027, 2028);
  }

  @Test
  void noReportIsDueAfterTheValidityEnds() {
    // valid through 2029-12-19: the 2029 report (due 2029-12-31) would only be assessed after the title expired
    assertThat(years(LocalDate.of(2026, 12, 20), LocalDate.of(2029, 12, 19))).containsExactly(2027, 2028);
    assertThat(years(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31))).containsExactly(2027, 2028, 2029);
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
    return schedule.nextReport(certifiedOn, certifiedOn.plusYears(3).minusDays(1), null, opens, due, reminderDays);
  }

  private List<Integer> years(LocalDate certifiedOn, LocalDate lastValidDay) {
    List<Integer> years = new ArrayList<>();
    Integer previous = null;
    for (Optional<ReportWindow> w; (w = schedule.nextReport(certifiedOn, lastValidDay, previous, "12-01", "12-31", 10))
        .isPresent(); ) {
      previous = w.get().year();
      years.add(previous);
    }
    return years;
  }

  private static Date at(LocalDateTime shanghai) {
    return Date.from(shanghai.atZone(EngineClock.ZONE).toInstant());
  }
}
