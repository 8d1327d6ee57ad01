package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.MIN_EXPERTS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT_CANDIDATES;

import cn.gov.shuozhou.makerspace.certification.Policy;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Service task {@code listExpertCandidates}: the options of the organiser's form and the panel minimum.
 *
 * <p>The options are a Spin JSON value, not a Java object: Tasklist sends the chosen {@code experts}
 * with the variable type of their {@code valuesKey}, so a Json type here makes the panel arrive as a
 * JSON array (an Object type would make the engine deserialise the ids into a list of maps and fail).
 */
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
    execution.setVariable(EXPERT_CANDIDATES, SpinValues.jsonValue(Spin.JSON(options)).create());
    execution.setVariable("minExperts", Policy.of(execution).number(MIN_EXPERTS));
  }
}
