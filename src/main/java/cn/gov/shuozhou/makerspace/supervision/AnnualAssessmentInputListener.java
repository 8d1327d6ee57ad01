package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code annualAssessment} (Art. 8): the city bureau confirms that it checked the
 * report; the grade is decision {@code annual-assessment}'s alone. An unqualified grade needs a
 * comment, which becomes part of the rectification's reason.
 */
@Component("annualAssessmentInput")
public class AnnualAssessmentInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean confirmed = in.bool(REPORT_CONFIRMED, "已核实报告内容", true);
    if (Boolean.FALSE.equals(confirmed)) {
      in.fail(REPORT_CONFIRMED, "请核实年度工作报告内容后勾选“已核实报告内容”（reportConfirmed）；"
          + "如发现虚假材料或违规行为，请另行报送核查");
    }
    boolean unqualified = GRADE_UNQUALIFIED.equals(task.getVariable(ASSESSMENT_GRADE));
    String comment = in.text(ASSESSMENT_COMMENT, unqualified ? "考核意见（考核不合格时写明整改要求）" : "考核意见",
        unqualified, Inputs.MAX_COMMENT);
    in.throwIfInvalid();
    task.setVariable(REPORT_CONFIRMED, confirmed);
    task.setVariable(ASSESSMENT_COMMENT, comment);
  }
}
