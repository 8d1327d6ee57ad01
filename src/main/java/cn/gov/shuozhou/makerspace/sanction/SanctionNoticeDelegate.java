package cn.gov.shuozhou.makerspace.sanction;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.STATEMENT_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.*;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code noticeSanction}: the written notice (告知) of the proposal. Sets the end of the
 * statement period ({@code statementWorkingDays} working days, decision {@code certification-policy})
 * and the notice text the operator reads, and opens the decision record.
 */
@Component("sanctionNotice")
public class SanctionNoticeDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final DecisionRecords records;

  public SanctionNoticeDelegate(WorkingDayCalendar calendar, DecisionRecords records) {
    this.calendar = calendar;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution e) {
    Date now = EngineClock.now();
    Date due = calendar.due(now, Policy.of(e).number(STATEMENT_WORKING_DAYS));
    String facts = text(e, PROPOSAL_FACTS);
    String article = text(e, PROPOSAL_ARTICLE);
    String decision = text(e, PROPOSAL_DECISION);
    e.setVariable(STATEMENT_DUE_AT, due);
    e.setVariable(DECISION_RECORD_ID, e.getProcessInstanceId());
    e.setVariable(NOTICE_TEXT, "市科技局拟依据" + article + "作出如下处理：" + decision + "。事实与理由：" + facts
        + "。贵单位有权在 " + EngineClock.toLocalDate(due) + " 前（含当日）提出陈述和申辩；逾期未提出的，视为放弃陈述和申辩的权利。");
    records.notified(e.getProcessInstanceId(), e.getProcessBusinessKey(), text(e, CertificationProcess.CREDIT_CODE),
        text(e, PROPOSAL_KIND), article, facts, decision, text(e, PROPOSED_BY), local(now), local(due));
  }

  static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), EngineClock.ZONE);
  }

  static String text(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v == null ? null : v.toString();
  }
}
