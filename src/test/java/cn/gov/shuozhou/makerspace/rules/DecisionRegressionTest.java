package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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

  /**
   * The case names are read on the rule page's check results, where a ratio is written as the task
   * forms write it, 2/3（67%）, or as a percentage when the case has no counts: never as a decimal
   * (before: 平均分恰好60、建议比例0.51, 3名专家2人建议认定（0.6667）, 公共面积占比0.8999).
   */
  @Test
  void caseNamesWriteRatiosAsCountsOrPercentagesNotAsDecimals() {
    Pattern decimalFraction = Pattern.compile("(?<![\\d.])0\\.\\d+");
    List<String> aboutRatios = new ArrayList<>();
    for (Path file : PackagedDecisions.caseFiles()) {
      for (DecisionCase decisionCase : DecisionCaseSet.read(file).cases()) {
        String name = decisionCase.name();
        boolean aboutARatio = name.contains("比例") || name.contains("占比")
            || decisionCase.inputs().keySet().stream().anyMatch(input -> input.endsWith("Ratio"));
        if (aboutARatio) {
          aboutRatios.add(name);
        }
      }
    }
    assertThat(aboutRatios)
        .contains("平均分恰好60、建议比例51%：通过", "3名专家2人建议认定，比例2/3（67%）：通过",
            "公共面积占比89.99%（8999/10000）：不足90%")
        .noneMatch(name -> decimalFraction.matcher(name).find());
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
