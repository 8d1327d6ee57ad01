package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.registry.SanctionKind;
import cn.gov.shuozhou.makerspace.registry.SanctionRegistry;
import cn.gov.shuozhou.makerspace.registry.SanctionRegistry.Sanction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;

/**
 * What the supervision decides about a certified space (Art. 8–11), in the registry: sanctions,
 * revocation, expiry, and the Chinese texts that explain them. Knows nothing of Camunda.
 */
@Service
public class SupervisionService {

  /**
   * A step of the supervision that acts on a space: the space (certificate, operator, supervision
   * instance), the moment it acts (one reading of the engine clock, Asia/Shanghai) and its reference
   * (the activity instance: a retried step records once).
   */
  public record Step(String certificateNumber, String creditCode, String processInstanceId, LocalDateTime at,
      String ref) {

    public LocalDate today() {
      return at.toLocalDate();
    }
  }

  static final String CAUSE_ASSESSMENT_UNQUALIFIED = "ASSESSMENT_UNQUALIFIED";
  static final String CAUSE_REPORT_MISSING = "REPORT_MISSING";
  static final String CAUSE_VIOLATION = "VIOLATION";
  /** The registry keeps at most this many characters of a certificate's status note. */
  static final int REGISTRY_NOTE_LENGTH = 2000;

  private final CertificateRegistry certificates;
  private final SanctionRegistry sanctions;

  public SupervisionService(CertificateRegistry certificates, SanctionRegistry sanctions) {
    this.certificates = certificates;
    this.sanctions = sanctions;
  }

  // ------------------------------------------------------------------ rectification (Art. 8, 10)

  /**
   * Art. 8: an unqualified annual assessment orders a rectification; returns its reason, which names
   * the Art. 4 conditions no longer met ({@code article4Findings}, null when all are met).
   */
  public String orderRectificationForAssessment(Step step, int reportYear, Number score, String article4Findings,
      String comment) {
    String reason = cap(reportYear + "年度考核不合格（得分 " + score + " 分）"
        + suffix("不再符合第四条认定条件", article4Findings) + suffix("考核意见", comment));
    record(step, SanctionKind.RECTIFICATION, CAUSE_ASSESSMENT_UNQUALIFIED, reason, null);
    return reason;
  }

  /** Art. 7, 8: a report still missing after the city bureau's follow-up fails that year's assessment. */
  public String orderRectificationForMissingReport(Step step, int reportYear, String dueDate, String followUpNote) {
    String reason = cap(reportYear + "年度工作报告逾期未提交（截止日期 " + readable(dueDate) + "），经催报仍未提交，年度考核不合格"
        + suffix("催报情况", followUpNote));
    record(step, SanctionKind.RECTIFICATION, CAUSE_REPORT_MISSING, reason, null);
    return reason;
  }

  /**
   * Art. 10: records the city bureau's decision on a reported violation; returns the reason of the
   * rectification it orders (used only when the sanction is {@code rectification}).
   */
  public String recordViolationSanction(Step step, String sanction, String description, String note) {
    SanctionKind kind = switch (sanction) {
      case SANCTION_WARNING -> SanctionKind.WARNING;
      case SANCTION_RECTIFICATION -> SanctionKind.RECTIFICATION;
      case SANCTION_REVOKE -> SanctionKind.REVOCATION;
      default -> throw new IllegalArgumentException("未知的处理方式：" + sanction);
    };
    // a revocation is recorded when the title is actually revoked (revoke), with the registry's end
    if (kind != SanctionKind.REVOCATION) {
      record(step, kind, CAUSE_VIOLATION, description, note);
    }
    return cap("违反管理规定，经研究决定限期整改（第十条）。违规情况：" + description + suffix("处理意见", note));
  }

  // ------------------------------------------------------------------ notes for a revocation

  /** Why a rectification failed: the deadline passed without a report, or the reassessment failed it. */
  public String rectificationFailureNote(String reason, String deadline, String report, String reassessmentComment) {
    String failure = report == null
        ? "未在整改期限（" + readable(deadline) + "）内提交整改报告"
        : "整改复核不合格" + suffix("复核意见", reassessmentComment);
    return cap("整改原因：" + ReadableValues.clause(reason) + "；" + failure);
  }

  public String violationNote(String description, String sanctionNote) {
    return cap("违规情况：" + ReadableValues.clause(description) + suffix("处理意见", sanctionNote));
  }

  public String falseMaterialsNote(String reportText, String finding) {
    return cap("举报内容：" + ReadableValues.clause(reportText) + suffix("核定意见", finding));
  }

  // ------------------------------------------------------------------ the end (Art. 8–11)

  /** Revokes the title: registry REVOKED with reason, note and date, plus a sanction record; returns the Chinese outcome reason. */
  public String revoke(Step step, Revocation revocation, String note, int banYears) {
    String headline = revocation.headline(banYears);
    String outcomeReason = cap(headline + suffix("", note));
    certificates.close(step.certificateNumber(), CertificateStatus.REVOKED, revocation.name(),
        cut(outcomeReason, REGISTRY_NOTE_LENGTH), step.today());
    record(step, SanctionKind.REVOCATION, revocation.name(), headline, note);
    return outcomeReason;
  }

  /** Art. 11: the validity is over; returns the Chinese outcome reason. */
  public String expire(Step step, LocalDate lastValidDay) {
    String outcomeReason = "认定有效期已于 " + ReadableValues.date(lastValidDay) + " 届满，朔州市众创空间称号到期（第十一条）；如需继续保持称号，请重新申请认定";
    certificates.close(step.certificateNumber(), CertificateStatus.EXPIRED, OUTCOME_EXPIRED, outcomeReason,
        step.today());
    return outcomeReason;
  }

  // ------------------------------------------------------------------ reminders

  public String reportReminder(int reportYear, String dueDate) {
    return "提醒：" + reportYear + "年度工作报告和下一年度工作计划应于 " + readable(dueDate)
        + " 前提交（第七条）；逾期提交将影响年度考核得分，并由市科技局催报。";
  }

  public String renewalReminder(String certificateNumber, LocalDate lastValidDay, int renewalReminderDays) {
    return "提醒：认定证书 " + certificateNumber + " 有效期至 " + ReadableValues.date(lastValidDay) + "，届满后朔州市众创空间称号自动到期（第十一条）。"
        + "有效期届满前" + renewalReminderDays + "日内可申请重新认定，如需继续保持称号，请及时提交认定申请。";
  }

  private void record(Step step, SanctionKind kind, String cause, String reason, String note) {
    sanctions.record(new Sanction(step.ref(), step.certificateNumber(), step.creditCode(), kind, cause, step.today(),
        step.at(), cap(reason), cap(note), step.processInstanceId()));
  }

  private static String suffix(String label, String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    return label.isEmpty() ? "：" + ReadableValues.clause(text) : "；" + label + "：" + ReadableValues.clause(text);
  }

  /** A composed text (a reason quoting several inputs) is cut to what the engine stores; every quoted input stays complete in its own variable. */
  static String cap(String text) {
    return cut(text, Inputs.MAX_LONG_TEXT);
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  /** A day the process keeps as ISO text (2027-03-01) as people read it (2027年3月1日). */
  private static String readable(String isoDay) {
    return isoDay == null ? "" : ReadableValues.date(LocalDate.parse(isoDay));
  }
}
