package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.notification.Notifications;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end campaign's reminder (Art. 7): to each space of a county whose report of the year is
 * still missing, through the notifications' outbox (email, SMS when configured, inbox), once per
 * space and year: the event key {@code campaign-reminder:{certificate}:{year}} makes a second
 * reminder of the same year change nothing.
 */
@Component
class CampaignReminders {

  private final Sections sections;
  private final Notifications notifications;
  private final JdbcTemplate jdbc;

  CampaignReminders(Sections sections, Notifications notifications, JdbcTemplate jdbc) {
    this.sections = sections;
    this.notifications = notifications;
    this.jdbc = jdbc;
  }

  record Sent(int missing, int reminded) {}

  /** Reminds the missing ones of {@code county} for {@code year}; how many were missing and how many were reminded now. */
  @Transactional
  Sent remind(int year, String county, Date now) {
    StatTable campaign = sections.section("campaign", new Filters(year, county, null, null), now);
    List<CaseRef> missing = campaign.rows().get(0).cells().get(Sections.CAMPAIGN_MISSING_COLUMN).cases().stream()
        .filter(r -> Sections.MISSING.equals(r.outcome()) || Sections.MISSING_OVERDUE.equals(r.outcome()))
        .toList();
    int reminded = 0;
    for (CaseRef report : missing) {
      String eventKey = "campaign-reminder:" + report.number() + ":" + year;
      if (jdbc.queryForObject("SELECT COUNT(*) FROM ms_outbox WHERE event_key = ?", Integer.class, eventKey) == 0) {
        String applicant = jdbc.queryForObject("SELECT applicant FROM ms_certificate WHERE certificate_number = ?",
            String.class, report.number());
        notifications.toApplicant(applicant, eventKey, "请报送" + year + "年度工作报告",
            "您运营的众创空间“" + report.spaceName() + "”（证书编号 " + report.number() + "）的" + year
                + "年度工作报告及下年度计划尚未报送，请登录“我的申请”尽快报送（《朔州市众创空间认定和管理办法》第七条）。");
        reminded++;
      }
    }
    return new Sent(missing.size(), reminded);
  }
}
