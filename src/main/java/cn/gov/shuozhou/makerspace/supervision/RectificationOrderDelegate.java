package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code orderRectification} (Art. 8): an unqualified assessment (a low score or an
 * Art. 4 condition no longer met), or a report still missing after the follow-up, orders a
 * rectification. Records it and hands its reason to the event subprocess 限期整改, which the
 * escalation {@code RECTIFICATION} that follows starts.
 */
@Component("rectificationOrder")
public class RectificationOrderDelegate implements JavaDelegate {

  private final SupervisionService supervision;

  public RectificationOrderDelegate(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = Vars.integer(execution, REPORT_YEAR);
    String reason = Boolean.TRUE.equals(execution.getVariable(REPORT_SUBMITTED))
        ? supervision.orderRectificationForAssessment(Vars.step(execution), year,
            (Number) execution.getVariable(ASSESSMENT_SCORE), Vars.text(execution, ARTICLE4_FINDINGS),
            Vars.text(execution, ASSESSMENT_COMMENT))
        : supervision.orderRectificationForMissingReport(Vars.step(execution), year,
            Vars.text(execution, REPORT_DUE_DATE), Vars.text(execution, FOLLOW_UP_NOTE));
    execution.getProcessInstance().setVariable(PENDING_RECTIFICATION_REASON, reason);
    execution.getProcessInstance().setVariable(PENDING_RECTIFICATION_SOURCE, SOURCE_ASSESSMENT);
  }
}
