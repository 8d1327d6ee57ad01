package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.RECTIFICATION_MONTHS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of the event subprocess 限期整改 (escalation {@code RECTIFICATION}): takes over the reason
 * that whoever ordered it handed over, sets the deadline ({@code rectificationMonths}) and keeps all
 * of it in the subprocess's own scope, so that two rectifications never share variables.
 */
@Component("rectificationStart")
public class RectificationStartListener implements ExecutionListener {

  private final SupervisionSchedule schedule;

  public RectificationStartListener(SupervisionSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    String reason = Vars.text(instance, PENDING_RECTIFICATION_REASON);
    String source = Vars.text(instance, PENDING_RECTIFICATION_SOURCE);
    if (reason == null || source == null) {
      throw new IllegalStateException("限期整改缺少整改原因：触发整改前应设置 " + PENDING_RECTIFICATION_REASON);
    }
    instance.removeVariable(PENDING_RECTIFICATION_REASON);
    instance.removeVariable(PENDING_RECTIFICATION_SOURCE);
    LocalDate deadline = schedule.rectificationDeadline(EngineClock.today(),
        Policy.of(execution).number(RECTIFICATION_MONTHS));
    execution.setVariableLocal(RECTIFICATION_REASON, reason);
    execution.setVariableLocal(RECTIFICATION_SOURCE, source);
    execution.setVariableLocal(RECTIFICATION_DEADLINE, deadline.toString());
    execution.setVariableLocal(RECTIFICATION_DEADLINE_AT, schedule.endOf(deadline));
    execution.setVariableLocal(RECTIFICATION_REPORT, null);
    execution.setVariableLocal(RECTIFICATION_PASSED, null);
    execution.setVariableLocal(REASSESSMENT_COMMENT, null);
  }
}
