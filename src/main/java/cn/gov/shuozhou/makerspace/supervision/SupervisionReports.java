package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.web.ApiRefusal;
import java.sql.Timestamp;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files the city bureau's reports about a certified space (Art. 9, 10): the record (table
 * {@code ms_supervision_report}, who and why) and the message to the space's running supervision,
 * in one transaction. The certification has no message for false materials (its own check is part
 * of the on-site inspection), so a report always goes to the supervision.
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

  static final String NOTHING_TO_REPORT_ON =
      "没有找到正在年度管理中的众创空间（%s）：称号未认定、已取消或已届满的，不能再提交举报";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public SupervisionReports(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Exactly one of {@code certificateNumber} and {@code applicationNumber} is given. */
  @Transactional
  public Filed file(Kind kind, String certificateNumber, String applicationNumber, String text, String reportedBy) {
    String subject = certificateNumber != null ? certificateNumber : applicationNumber;
    ProcessInstance supervision = WithoutAuthorization.call(engine, () -> {
      ProcessInstanceQuery query = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(KEY).active();
      return (certificateNumber != null ? query.processInstanceBusinessKey(certificateNumber)
          : query.variableValueEquals(APPLICATION_NUMBER, applicationNumber)).singleResult();
    });
    if (supervision == null) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "NoRunningSupervision", NOTHING_TO_REPORT_ON.formatted(subject));
    }
    String reportId = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ms_supervision_report (report_id, kind, certificate_number, report_text, reported_by, "
            + "reported_at, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        reportId, kind.name(), supervision.getBusinessKey(), text, reportedBy,
        new Timestamp(EngineClock.now().getTime()), supervision.getId());
    try {
      WithoutAuthorization.call(engine, () -> engine.getRuntimeService().createMessageCorrelation(kind.message)
          .processInstanceId(supervision.getId())
          .setVariable(kind.textVariable, text)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException endedMeanwhile) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "NoRunningSupervision", NOTHING_TO_REPORT_ON.formatted(subject));
    }
    return new Filed(reportId, supervision.getBusinessKey());
  }
}
