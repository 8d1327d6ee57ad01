package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of every {@code dmn/cases/*.json} against the packaged table of the same key
 * (testing layer 1 of the architecture). The same cases guard an administrator's upload.
 */
class DecisionRegressionTest {

  private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

  static Stream<Arguments> cases() {
    List<Arguments> arguments = new ArrayList<>();
    for (Path file : PackagedDecisions.caseFiles()) {
      DecisionCaseSet caseSet = DecisionCaseSet.read(file);
      for (DecisionCase decisionCase : caseSet.cases()) {
        arguments.add(Arguments.of(caseSet.decisionKey(), decisionCase.name(), decisionCase));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void caseHolds(String decisionKey, String caseName, DecisionCase decisionCase) {
    RegressionCases runner = PackagedDecisions.runner();
    DmnDecision decision = DECISIONS.computeIfAbsent(decisionKey,
        key -> runner.dmnEngine().parseDecision(key, PackagedDecisions.model(key)));
    CaseEvaluation evaluation = runner.evaluate(decision, caseName, decisionCase.inputs());
    boolean unordered = RegressionCases.isUnorderedResult(PackagedDecisions.model(decisionKey), decisionKey);
    CaseResult result = RegressionCases.judge(decisionKey, decisionCase, evaluation, unordered);
    if (!result.passed()) {
      fail(result.describe() + System.lineSeparator() + "  inputs:   " + decisionCase.inputs());
    }
  }

  @Test
  void everyDecisionHasCasesAndEveryCaseFileHasADecision() {
    List<String> caseKeys = PackagedDecisions.caseFiles().stream()
        .map(file -> DecisionCaseSet.read(file).decisionKey())
        .toList();
    assertThat(caseKeys).containsExactlyInAnyOrderElementsOf(PackagedDecisions.KEYS);
    for (Path file : PackagedDecisions.caseFiles()) {
      DecisionCaseSet caseSet = DecisionCaseSet.read(file);
      assertThat(file.getFileName().toString())
          .as("case file name must be <decisionKey>.json")
          .isEqualTo(caseSet.decisionKey() + ".json");
      assertThat(PackagedDecisions.dmnFile(caseSet.decisionKey())).exists();
      assertThat(caseSet.cases()).as("cases of %s", caseSet.decisionKey()).isNotEmpty();
      assertThat(caseSet.cases().stream().map(DecisionCase::name))
          .as("case names of %s are unique", caseSet.decisionKey())
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void eligibilityHasAtLeastFortyCases() {
    DecisionCaseSet caseSet = DecisionCaseSet.read(PackagedDecisions.caseFile("article4-eligibility"));
    assertThat(caseSet.cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void wholeCaseSetsPassThroughTheRunnersPublicApi() {
    for (String key : PackagedDecisions.KEYS) {
      DecisionCaseSet caseSet = DecisionCaseSet.read(PackagedDecisions.caseFile(key));
      List<CaseResult> results = PackagedDecisions.runner().run(caseSet, PackagedDecisions.model(key));
      assertThat(results).hasSameSizeAs(caseSet.cases());
      assertThat(results.stream().filter(r -> !r.passed()).map(CaseResult::describe))
          .as("failed cases of %s", key)
          .isEmpty();
    }
  }
}
