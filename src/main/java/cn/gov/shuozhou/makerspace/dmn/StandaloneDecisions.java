package cn.gov.shuozhou.makerspace.dmn;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the active (latest) version of a decision table for display or a door's check, outside
 * any case: a standalone DMN engine with our FEEL, so that reading a checklist or the upload limits
 * writes no decision history. Inside a case, decisions are business rule tasks (history kept).
 */
@Component
public class StandaloneDecisions {

  private final ProcessEngine engine;
  private final DmnEngine dmn = FeelDmnEngines.create(new CachingFeelEngineFactory());
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public StandaloneDecisions(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The result rows of decision {@code key}'s latest version for {@code inputs}. */
  public List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs) {
    return dmn.evaluateDecisionTable(active(key), inputs).getResultList();
  }

  private DmnDecision active(String key) {
    DecisionDefinition definition = WithoutAuthorization.call(engine, () -> engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult());
    return parsed.computeIfAbsent(definition.getId(), id -> dmn.parseDecision(key,
        WithoutAuthorization.call(engine, () -> engine.getRepositoryService().getDmnModelInstance(id))));
  }
}
