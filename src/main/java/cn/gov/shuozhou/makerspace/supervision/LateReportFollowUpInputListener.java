package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code followUpLateReport} (Art. 7): how the operator was urged; whether the report
 * is now treated as not submitted (the year's assessment fails, Art. 8) or the bureau keeps waiting.
 */
@Component("lateReportFollowUpInput")
public class LateReportFollowUpInputListener implements TaskListener {


  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String note = in.text(FOLLOW_UP_NOTE, "催报情况", true, Inputs.MAX_COMMENT);
    Boolean missing = in.bool(REPORT_MISSING, "按未提交年度报告处理", false);
    in.throwIfInvalid();
    task.setVariable(FOLLOW_UP_NOTE, note);
    task.setVariable(REPORT_MISSING, Boolean.TRUE.equals(missing));
  }
}
