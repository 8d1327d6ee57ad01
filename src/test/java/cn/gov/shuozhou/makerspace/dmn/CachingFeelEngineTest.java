package cn.gov.shuozhou.makerspace.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.gov.shuozhou.makerspace.rules.CaseResult;
import cn.gov.shuozhou.makerspace.rules.DecisionCase;
import cn.gov.shuozhou.makerspace.rules.DecisionCaseSet;
import cn.gov.shuozhou.makerspace.rules.RegressionCases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The {@link CachingFeelEngine} evaluates exactly as Camunda's own FEEL engine: every regression
 * case of every decision ({@code dmn/cases}) gives the same rows with the same value types, on the
 * first evaluation (parsing) and the following ones (cached), and broken expressions fail with the
 * same message.
 */
class CachingFeelEngineTest {

  static Stream<Path> caseFiles() throws IOException {
    return Files.list(Path.of(System.getProperty("user.dir"), "dmn", "cases"))
        .filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("caseFiles")
  void sameResultsAsCamundasFeelEngineForEveryRegressionCase(Path caseFile) throws IOException {
    DecisionCaseSet cases = DecisionCaseSet.read(caseFile);
    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(caseFile.getParent().getParent().resolve(cases.decisionKey() + ".dmn"))) {
      model = Dmn.readModelFromStream(in);
    }
    DmnEngine plain = engine(false);
    DmnEngine caching = engine(true);
    DmnDecision plainDecision = plain.parseDecision(cases.decisionKey(), model);
    DmnDecision cachingDecision = caching.parseDecision(cases.decisionKey(), model);
    for (int round = 0; round < 3; round++) {
      for (DecisionCase c : cases.cases()) {
        assertThat(outcome(caching, cachingDecision, c.inputs()))
            .as("%s / %s, round %d", cases.decisionKey(), c.name(), round)
            .isEqualTo(outcome(plain, plainDecision, c.inputs()));
      }
    }
    List<CaseResult> judged = new RegressionCases(caching).run(cases, model);
    assertThat(judged).allSatisfy(r -> assertThat(r.passed()).as(r.describe()).isTrue());
  }

  @Test
  void brokenExpressionsFailWithCamundasMessage() {
    ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    CachingFeelEngine cached = new CachingFeelEngine(List.of());
    VariableContext vars = Variables.createVariables().putValue("x", 3).asVariableContext();
    for (int round = 0; round < 2; round++) {
      assertThat(message(() -> cached.evaluateSimpleExpression("x +", vars)))
          .isEqualTo(message(() -> camunda.evaluateSimpleExpression("x +", vars))).isNotNull();
      assertThat(message(() -> cached.evaluateSimpleUnaryTests("< ", "cellInput", vars)))
          .isEqualTo(message(() -> camunda.evaluateSimpleUnaryTests("< ", "cellInput", vars))).isNotNull();
      assertThat(message(() -> cached.evaluateSimpleExpression("x / \"a\" + y(1)", vars)))
          .isEqualTo(message(() -> camunda.evaluateSimpleExpression("x / \"a\" + y(1)", vars)));
    }
    assertThat(cached.cachedTexts()).isEqualTo(1);
  }

  @Test
  void unaryTestsSeeTheInputValueOfEachCall() {
    CachingFeelEngine cached = new CachingFeelEngine(List.of());
    for (int value : new int[] {50, 150, 99, 100}) {
      VariableContext vars = Variables.createVariables().putValue("cellInput", value).asVariableContext();
      assertThat(cached.evaluateSimpleUnaryTests("< 100, null", "cellInput", vars)).isEqualTo(value < 100);
    }
    assertThat(cached.cachedTexts()).isEqualTo(1);
  }

  private static DmnEngine engine(boolean cache) {
    return FeelDmnEngines.create(cache ? new CachingFeelEngineFactory() : null);
  }

  /** The result rows with each value's type, or the failure message. */
  private static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
    try {
      VariableMap variables = Variables.createVariables();
      inputs.forEach(variables::putValue);
      List<String> rows = new ArrayList<>();
      for (Map<String, Object> row : engine.evaluateDecision(decision, variables).getResultList()) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(row).forEach((k, v) -> text.append(k).append('=').append(v).append(':')
            .append(v == null ? "null" : v.getClass().getName()).append(';'));
        rows.add(text.toString());
      }
      return rows.toString();
    } catch (RuntimeException e) {
      return "failed: " + e.getMessage();
    }
  }

  private static String message(Runnable call) {
    Throwable t = catchThrowable(call::run);
    return t == null ? null : t.getClass().getName() + ": " + t.getMessage();
  }
}
