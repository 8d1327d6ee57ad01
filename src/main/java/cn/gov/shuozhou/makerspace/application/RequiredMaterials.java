package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.dmn.CachingFeelEngineFactory;
import cn.gov.shuozhou.makerspace.rules.RegressionCases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Art. 3–5: the checklist of materials of one application, from the active version of decision
 * {@code required-materials} (administered like every rule). Read for display, so it is evaluated
 * by a standalone DMN engine: looking at a checklist writes no decision history.
 */
@Component
public class RequiredMaterials {

  public static final String KEY = "required-materials";
  private static final List<String> INPUTS = List.of(PREMISES, HOST_TYPE, CONVERTED_OLD_BUILDING, SPACE_FOCUS);

  /** One item: what proves which article, and whether it is required. */
  public record Material(String code, String name, String article, boolean required) {}

  private final ProcessEngine engine;
  private final DmnEngine dmn = RegressionCases.createFeelDmnEngine(new CachingFeelEngineFactory());
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public RequiredMaterials(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The checklist for an application's {@code premises}, {@code hostType}, {@code convertedOldBuilding}, {@code spaceFocus}. */
  public List<Material> of(Map<String, Object> application) {
    Map<String, Object> inputs = new HashMap<>();
    INPUTS.forEach(name -> inputs.put(name, application.get(name)));
    return dmn.evaluateDecisionTable(active(), inputs).getResultList().stream()
        .map(row -> new Material((String) row.get("materialCode"), (String) row.get("materialName"),
            (String) row.get("article"), Boolean.TRUE.equals(row.get("required"))))
        .toList();
  }

  private DmnDecision active() {
    DecisionDefinition definition = WithoutAuthorization.call(engine, () -> engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion().singleResult());
    return parsed.computeIfAbsent(definition.getId(), id -> dmn.parseDecision(KEY,
        WithoutAuthorization.call(engine, () -> engine.getRepositoryService().getDmnModelInstance(id))));
  }
}
