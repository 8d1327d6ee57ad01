package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys the packaged tables to a real (in-memory) Camunda 7 process engine and evaluates them by
 * key, as {@code POST /engine-rest/decision-definition/key/{key}/evaluate} does: the DRD, the table
 * without inputs and every regression case, with history.
 */
class DecisionDeploymentTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void deploy() throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration
        .setProcessEngineName("dmn-deployment-test")
        .setJdbcUrl("jdbc:h2:mem:dmn-deployment-test;DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("dmn-deployment-test");
    for (String key : PackagedDecisions.KEYS) {
      try (InputStream in = Files.newInputStream(PackagedDecisions.dmnFile(key))) {
        deployment.addInputStream("dmn/" + key + ".dmn", in);
      }
    }
    deployment.deploy();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void everyContractKeyIsDeployedWithItsChineseName() {
    List<DecisionDefinition> definitions =
        engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list();
    assertThat(definitions).extracting(DecisionDefinition::getKey)
        .containsAll(PackagedDecisions.KEYS)
        .contains("annual-assessment-score");
    assertThat(definitions).allSatisfy(definition -> {
      assertThat(definition.getName()).containsPattern("\\p{IsHan}");
      assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    });
  }

  @Test
  void annualAssessmentDrdReturnsScoreAndGradeByKey() {
    VariableMap variables = Variables.createVariables()
        .putValue("trainingSessions", 12).putValue("trainees", 100).putValue("residentMakers", 30)
        .putValue("residentTeams", 2).putValue("graduatedTeams", 3).putValue("eventsHeld", 12)
        .putValue("financingAmount", 200000.0).putValue("reportOnTime", true).putValue("article4Met", true);
    DmnDecisionResult result =
        engine.getDecisionService().evaluateDecisionByKey("annual-assessment").variables(variables).evaluate();
    assertThat(result.getResultList()).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsOnlyKeys("assessmentScore", "assessmentGrade")
        .containsEntry("assessmentScore", 80)
        .containsEntry("assessmentGrade", "excellent");

    // Every evaluation is in history with its version, the required decision under the same root.
    List<HistoricDecisionInstance> evaluations = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("annual-assessment").includeOutputs().list();
    assertThat(evaluations).isNotEmpty().allSatisfy(top -> {
      assertThat(top.getDecisionDefinitionId()).startsWith("annual-assessment:1:");
      assertThat(top.getOutputs()).extracting(output -> output.getVariableName())
          .contains("assessmentScore", "assessmentGrade");
      assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
          .rootDecisionInstanceId(top.getId()).decisionDefinitionKey("annual-assessment-score").count())
          .isEqualTo(1);
    });
  }

  @Test
  void policyTableWithoutInputsEvaluatesByKey() {
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("certification-policy")
        .variables(Variables.createVariables()).evaluate();
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("publicityWorkingDays", 5)
        .containsEntry("minExperts", 3)
        .containsEntry("validityYears", 3)
        .containsEntry("banYears", 2)
        .containsEntry("annualReportDue", "12-31");
  }

  @Test
  void everyRegressionCaseHoldsInTheProcessEngine() {
    List<String> failures = new ArrayList<>();
    for (String key : PackagedDecisions.KEYS) {
      DecisionCaseSet caseSet = DecisionCaseSet.read(PackagedDecisions.caseFile(key));
      boolean unordered = RegressionCases.isUnorderedResult(PackagedDecisions.model(key), key);
      for (DecisionCase decisionCase : caseSet.cases()) {
        CaseEvaluation evaluation = evaluateByKey(key, decisionCase);
        CaseResult result = RegressionCases.judge(key, decisionCase, evaluation, unordered);
        if (!result.passed()) {
          failures.add(result.describe());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static CaseEvaluation evaluateByKey(String key, DecisionCase decisionCase) {
    try {
      VariableMap variables = Variables.createVariables();
      decisionCase.inputs().forEach(variables::putValue);
      DmnDecisionResult result =
          engine.getDecisionService().evaluateDecisionByKey(key).variables(variables).evaluate();
      List<Map<String, Object>> rows = new ArrayList<>(result.getResultList());
      return new CaseEvaluation(decisionCase.name(), decisionCase.inputs(), rows, null);
    } catch (RuntimeException e) {
      return new CaseEvaluation(decisionCase.name(), decisionCase.inputs(), List.of(), e.toString());
    }
  }
}
