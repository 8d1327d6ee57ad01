package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.ASSESSMENT_GRADE;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_YEAR;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.AssessmentResults;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code annualAssessment} (Art. 8), after its input is accepted: the year's grade is
 * recorded for the public registry, in the same transaction as the assessment.
 */
@Component("assessmentPublication")
public class AssessmentPublicationListener implements TaskListener {

  private final AssessmentResults results;

  public AssessmentPublicationListener(AssessmentResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateTask task) {
    results.record(new AssessmentResults.Result(Vars.text(task.getExecution(), CERTIFICATE_NUMBER),
        Vars.integer(task.getExecution(), REPORT_YEAR), Vars.text(task.getExecution(), ASSESSMENT_GRADE),
        EngineClock.today()));
  }
}
