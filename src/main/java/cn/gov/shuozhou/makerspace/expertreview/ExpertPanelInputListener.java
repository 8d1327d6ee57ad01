package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.MIN_EXPERTS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERTS;

import cn.gov.shuozhou.makerspace.certification.Policy;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code organiseExpertReview}: a valid panel of at least {@code minExperts} experts. */
@Component("expertPanelInput")
public class ExpertPanelInputListener implements TaskListener {

  private final ExpertPanel panel;

  public ExpertPanelInputListener(ExpertPanel panel) {
    this.panel = panel;
  }

  @Override
  public void notify(DelegateTask task) {
    panel.validate(task.getVariable(EXPERTS), Policy.of(task).number(MIN_EXPERTS));
  }
}
