package cn.gov.shuozhou.makerspace.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Component;

/**
 * The engine side of the rules feature: the deployed versions of a decision key, their XML, and
 * deployments of checked tables. Everything here runs without the engine's authorization checks:
 * the callers decide who may do what (rule administrators get no DEPLOYMENT CREATE anywhere, so
 * this checked path is the only way they can deploy), while the authenticated user is still
 * recorded in the engine's user operation log.
 */
@Component
public class DecisionVersions {

  /** The deployment name of packaged tables, deployed at start. */
  public static final String PACKAGED_DEPLOYMENT = "packaged-rules";
  /** The deployment name reserved for administrators' checked changes and rollbacks. */
  public static final String RULE_CHANGES_DEPLOYMENT = "rule-changes";

  private final ProcessEngineConfigurationImpl configuration;
  private final RepositoryService repository;

  public DecisionVersions(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.repository = engine.getRepositoryService();
  }

  /** A new version of a rule, as deployed. */
  public record Deployed(String deploymentId, int version, String decisionDefinitionId, java.util.Date deploymentTime) {}

  /** Runs engine calls inside one command with authorization checks off (nested calls reuse it). */
  public <T> T withoutAuthorization(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      boolean enabled = commandContext.isAuthorizationCheckEnabled();
      commandContext.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (enabled) {
          commandContext.enableAuthorizationCheck();
        }
      }
    });
  }

  /**
   * Deploys {@code xml} as a new version of the rule under {@code deploymentName}. Call only with a
   * checked table (or a packaged one). Joins the caller's transaction.
   */
  public Deployed deploy(PackagedRule rule, String deploymentName, String source, String xml) {
    return withoutAuthorization(() -> {
      DeploymentWithDefinitions deployment = repository.createDeployment()
          .name(deploymentName)
          .source(source)
          .addInputStream(rule.fileName(), new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .deployWithResult();
      DecisionDefinition definition = deployment.getDeployedDecisionDefinitions().stream()
          .filter(d -> d.getKey().equals(rule.key()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("deployment " + deployment.getId()
              + " holds no decision '" + rule.key() + "'"));
      return new Deployed(deployment.getId(), definition.getVersion(), definition.getId(),
          deployment.getDeploymentTime());
    });
  }

  public Optional<DecisionDefinition> latest(String key) {
    return withoutAuthorization(() -> Optional.ofNullable(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult()));
  }

  /** Every version of the key, newest first. */
  public List<DecisionDefinition> all(String key) {
    return withoutAuthorization(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).withoutTenantId().orderByDecisionDefinitionVersion().desc().list());
  }

  public Optional<DecisionDefinition> version(String key, int version) {
    return withoutAuthorization(() -> Optional.ofNullable(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).withoutTenantId().decisionDefinitionVersion(version).singleResult()));
  }

  public Optional<Deployment> deployment(String deploymentId) {
    return withoutAuthorization(() -> Optional.ofNullable(
        repository.createDeploymentQuery().deploymentId(deploymentId).singleResult()));
  }

  /** The DMN file a version was deployed from. */
  public String xml(DecisionDefinition definition) {
    return withoutAuthorization(() -> {
      try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
        return RuleXml.decode(in.readAllBytes(), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
