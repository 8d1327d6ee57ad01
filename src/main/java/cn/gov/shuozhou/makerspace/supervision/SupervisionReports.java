package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.falsematerials.EndedTitleReview;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files the city bureau's reports about a certified space (Art. 9, 10): the record (table
 * {@code ms_supervision_report}, who and why) and the message to the space's running supervision,
 * in one transaction. The certification has no message for false materials (its own check is part
 * of the on-site inspection), so a report goes to the supervision; once the title has expired (its
 * supervision ended, or still awaiting the last year's assessment), a false-materials report starts
 * the review of Art. 9 after the title ({@code maker-space-ended-title-false-materials}), which can
 * still lead to the ban.
 */
@Service
public class SupervisionReports {

  /** The two kinds of report, their message and the variable that carries the text. */
  public enum Kind {
    FALSE_MATERIALS(MESSAGE_FALSE_MATERIALS, REPORT_TEXT),
    VIOLATION(MESSAGE_VIOLATION, VIOLATION_DESCRIPTION);

    final String message;
    final String textVariable;

    Kind(String message, String textVariable) {
      this.message = message;
      this.textVariable = textVariable;
    }
  }

  /** The filed report: its id and the certificate it concerns. */
  public record Filed(String reportId, String certificateNumber) {}

  /** A report as the city bureau's reports page lists it. */
  public record Listed(String reportId, String kind, String certificateNumber, String reportText,
      String reportedBy, Instant reportedAt) {}

  static final String NOTHING_TO_REPORT_ON =
      "没有找到正在年度管理中的众创空间（%s）：称号未认定或已取消的，不能再提交举报；称号已届满的，只受理虚假材料举报（第九条）";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final CertificateRegistry certificates;

  public SupervisionReports(ProcessEngine engine, JdbcTemplate jdbc, CertificateRegistry certificates) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.certificates = certificates;
  }

  /** Exactly one of {@code certificateNumber} and {@code applicationNumber} is given. */
  @Transactional
  public Filed file(Kind kind, String certificateNumber, String applicationNumber, String text, String reportedBy) {
    String subject = certificateNumber != null ? certificateNumber : applicationNumber;
    // an expired title can no longer be revoked, only the ban follows: also while its supervision
    // still awaits the last year's assessment (expiredAwaitingLastAssessment)
    Optional<Certificate> expired = kind == Kind.FALSE_MATERIALS
        ? (certificateNumber != null ? certificates.find(certificateNumber) : certificates.forApplication(applicationNumber))
            .filter(c -> c.status() == CertificateStatus.EXPIRED)
        : Optional.empty();
    if (expired.isPresent()) {
      return reviewAfterTitle(expired.get(), text, reportedBy);
    }
    ProcessInstance supervision = WithoutAuthorization.call(engine, () -> {
      ProcessInstanceQuery query = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(KEY).active();
      return (certificateNumber != null ? query.processInstanceBusinessKey(certificateNumber)
          : query.variableValueEquals(APPLICATION_NUMBER, applicationNumber)).singleResult();
    });
    if (supervision == null) {
      throw new ApiRefusal(ProblemType.NO_RUNNING_PROCESS, NOTHING_TO_REPORT_ON.formatted(subject));
    }
    String reportId = record(kind, supervision.getBusinessKey(), text, reportedBy, supervision.getId());
    try {
      WithoutAuthorization.call(engine, () -> engine.getRuntimeService().createMessageCorrelation(kind.message)
          .processInstanceId(supervision.getId())
          .setVariable(kind.textVariable, text)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException endedMeanwhile) {
      throw new ApiRefusal(ProblemType.NO_RUNNING_PROCESS, NOTHING_TO_REPORT_ON.formatted(subject));
    }
    return new Filed(reportId, supervision.getBusinessKey());
  }

  /** The newest {@code limit} reports, newest first. */
  public List<Listed> recent(int limit) {
    return jdbc.query("SELECT report_id, kind, certificate_number, report_text, reported_by, reported_at "
            + "FROM ms_supervision_report ORDER BY reported_at DESC, report_id FETCH FIRST " + limit + " ROWS ONLY",
        (rs, row) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()));
  }

  /** Art. 9 after the title expired: starts the review, with the certificate's data, for the city bureau. */
  private Filed reviewAfterTitle(Certificate c, String text, String reportedBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REPORT_TEXT, text);
    variables.put(CERTIFICATE_NUMBER, c.certificateNumber());
    variables.put(APPLICATION_NUMBER, c.applicationNumber());
    variables.put(CREDIT_CODE, c.creditCode());
    variables.put(OPERATOR_NAME, c.operatorName());
    variables.put(SPACE_NAME, c.spaceName());
    variables.put(APPLICANT, c.applicant());
    ProcessInstance review = WithoutAuthorization.call(engine, () -> engine.getRuntimeService()
        .createMessageCorrelation(EndedTitleReview.MESSAGE).processInstanceBusinessKey(c.certificateNumber())
        .setVariables(variables).correlateStartMessage());
    return new Filed(record(Kind.FALSE_MATERIALS, c.certificateNumber(), text, reportedBy, review.getId()),
        c.certificateNumber());
  }

  private String record(Kind kind, String certificateNumber, String text, String reportedBy, String processInstanceId) {
    String reportId = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ms_supervision_report (report_id, kind, certificate_number, report_text, reported_by, "
            + "reported_at, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        reportId, kind.name(), certificateNumber, text, reportedBy,
        new Timestamp(EngineClock.now().getTime()), processInstanceId);
    return reportId;
  }
}
