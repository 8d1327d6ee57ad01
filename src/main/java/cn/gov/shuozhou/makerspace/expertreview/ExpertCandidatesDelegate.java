package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT_CANDIDATES;

import cn.gov.shuozhou.makerspace.certification.Policy;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code listExpertCandidates}: the options of the organiser's form and the panel minimum. */
@Component("expertCandidates")
public class ExpertCandidatesDelegate implements JavaDelegate {

  private final ExpertPanel panel;

  public ExpertCandidatesDelegate(ExpertPanel panel) {
    this.panel = panel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, String>> options = panel.candidates().entrySet().stream()
        .map(e -> Map.of("value", e.getKey(), "label", e.getValue()))
        .toList();
    execution.setVariable(EXPERT_CANDIDATES, options);
    execution.setVariable("minExperts", Policy.of(execution).intValue("minExperts"));
  }
}
