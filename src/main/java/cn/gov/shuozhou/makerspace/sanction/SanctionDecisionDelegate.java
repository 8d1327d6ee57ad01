package cn.gov.shuozhou.makerspace.sanction;

import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordSanctionDecision}: completes the decision record with the statement
 * received (or that none came within the period) and the leaders' decision.
 */
@Component("sanctionDecisionRecord")
public class SanctionDecisionDelegate implements JavaDelegate {

  private final DecisionRecords records;

  public SanctionDecisionDelegate(DecisionRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution e) {
    Date statementAt = (Date) e.getVariable(STATEMENT_SUBMITTED_AT);
    records.decided(e.getProcessInstanceId(), SanctionNoticeDelegate.text(e, STATEMENT_TEXT),
        (Boolean) e.getVariable(STATEMENT_WAIVED), statementAt == null ? null : SanctionNoticeDelegate.local(statementAt),
        SanctionNoticeDelegate.text(e, LEADER_DECISION), SanctionNoticeDelegate.text(e, LEADER_COMMENT),
        SanctionNoticeDelegate.text(e, LEADER_DECIDED_BY), SanctionNoticeDelegate.local(EngineClock.now()));
  }
}
