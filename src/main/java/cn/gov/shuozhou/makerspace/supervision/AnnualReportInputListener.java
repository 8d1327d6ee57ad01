package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.application.ApplicationValidator;
import cn.gov.shuozhou.makerspace.certification.SpaceStatus;
import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code submitAnnualReport} (Art. 7): the year's numbers (whole numbers, financing
 * in yuan), the space's Art. 4 status at year end (checked like an application's, Art. 8), the
 * report and next year's plan. Stores normalized types for decisions {@code article4-eligibility}
 * and {@code annual-assessment}.
 */
@Component("annualReportInput")
public class AnnualReportInputListener implements TaskListener {

  private final ApplicationValidator validator;

  public AnnualReportInputListener(ApplicationValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Integer sessions = in.integer(TRAINING_SESSIONS, "培训辅导次数", true, 0, Inputs.MAX_COUNT);
    Integer trainees = in.integer(TRAINEES, "培训人数", true, 0, Inputs.MAX_COUNT);
    Integer makers = in.integer(RESIDENT_MAKERS, "入驻创客数", true, 0, Inputs.MAX_COUNT);
    Integer teams = in.integer(RESIDENT_TEAMS, "入驻团队数", true, 0, Inputs.MAX_COUNT);
    Integer graduated = in.integer(GRADUATED_TEAMS, "毕业团队数", true, 0, Inputs.MAX_COUNT);
    Integer events = in.integer(EVENTS_HELD, "开展创业活动次数", true, 0, Inputs.MAX_COUNT);
    Double financing = in.decimal(FINANCING_AMOUNT, "帮助创业者获得融资金额", true, 0, Inputs.MAX_MONEY);
    SpaceStatus status = validator.spaceStatus(in);
    String summary = in.text(REPORT_SUMMARY, "年度工作报告", true, Inputs.MAX_LONG_TEXT);
    String plan = in.text(NEXT_YEAR_PLAN, "下一年度工作计划", true, Inputs.MAX_LONG_TEXT);
    in.throwIfInvalid();
    task.setVariable(TRAINING_SESSIONS, sessions);
    task.setVariable(TRAINEES, trainees);
    task.setVariable(RESIDENT_MAKERS, makers);
    task.setVariable(RESIDENT_TEAMS, teams);
    task.setVariable(GRADUATED_TEAMS, graduated);
    task.setVariable(EVENTS_HELD, events);
    task.setVariable(FINANCING_AMOUNT, financing);
    status.variables().forEach(task::setVariable);
    task.setVariable(REPORT_SUMMARY, summary);
    task.setVariable(NEXT_YEAR_PLAN, plan);
  }
}
