package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OUTCOME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OUTCOME_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes {@code outcome} and its Chinese {@code outcomeReason} at each end event of the
 * certification (used as {@code ${outcomes.record(execution, 'REJECTED', 'EXPERTS')}}: the names of
 * {@link Outcome} and {@link OutcomeReason}; a name that is neither fails the end event).
 */
@Component("outcomes")
public class OutcomeRecorder {

  public void record(DelegateExecution execution, String outcome, String reason) {
    Outcome ended = Outcome.valueOf(outcome);
    String text = OutcomeReason.valueOf(reason).text(execution);
    execution.setVariable(OUTCOME, ended.name());
    execution.setVariable(OUTCOME_REASON, text);
  }
}
