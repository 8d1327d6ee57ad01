package cn.gov.shuozhou.makerspace.sanction;

import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code submitStatement} (陈述申辩): the operator states its case, or says it waives
 * the right; a statement is required unless it waives.
 */
@Component("statementInput")
public class StatementInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean waived = in.bool(STATEMENT_WAIVED, "放弃陈述和申辩", true);
    String statement = in.text(STATEMENT_TEXT, "陈述和申辩意见", Boolean.FALSE.equals(waived), Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(STATEMENT_WAIVED, waived);
    task.setVariable(STATEMENT_TEXT, statement);
    task.setVariable(STATEMENT_SUBMITTED_AT, EngineClock.now());
  }
}
