package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.dmn.FeelDmnEngines;
import cn.gov.shuozhou.makerspace.dmn.FeelLanguage;
import cn.gov.shuozhou.makerspace.common.SafeXml;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.security.DeploymentGuard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12, reproduction 10: a rule check has limits (size, constructs, time per case), on every path. */
class RuleLimitsTest {

  private static final String ARTICLE4 = "article4-eligibility";
  private static final String AREA_CELL = "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>&lt; 200, null</text>";
  private static final String MESSAGE_CELL_TEXT =
      "<text>\"可自主支配场地面积不足：非大专院校众创空间不低于200平方米\"</text>";

  private final RuleChecker checker = new RuleChecker(PackagedDecisions.runner(), RuleLimits.defaults());

  @Test
  void anIterationOverALargeRangeIsRefusedBeforeAnythingIsEvaluated() {
    String xml = table().replace(AREA_CELL, AREA_CELL.replace("&lt; 200, null", "&lt; count(for i in 1..200000 return i), null"));
    long start = System.nanoTime();
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null, xml);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertLimit(check, "FEEL_CONSTRUCT", "rule-area-other-in-totalArea", "「for」", "迭代");
    assertThat(check.pastLimit()).isTrue();
    assertThat(millis).as("refused without evaluating (main: 7.6 s)").isLessThan(2_000);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "if some x in [1, 2] satisfies x > 1 then \"a\" else \"b\"     | some",
      "if every x in [1, 2] satisfies x > 0 then \"a\" else \"b\"    | every",
      "string(count(for i in 1..3 return i))                          | for",
      "(function(x) x)(\"a\")                                         | function",
      "{a: \"x\", b: a + a}.b                                         | {",
      "if matches(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(a+)+$\") then \"a\" else \"b\" | matches",
      "replace(\"aaa\", \"a\", \"b\")                                 | replace",
      "string join(split(\"a,b\", \",\"), \"\")                       | split"})
  void everyConstructWithoutABoundIsRefusedNamingTheCell(String expression, String construct) {
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null, withMessage(expression));
    assertLimit(check, "FEEL_CONSTRUCT", "rule-area-other-out-message", "输出条目", "「" + construct);
    assertThat(deploymentProblems(withMessage(expression))).anySatisfy(problem ->
        assertThat(problem.message()).contains("rule-area-other-out-message").contains("「" + construct));
  }

  @Test
  void theSameWordsInsideAStringAreText() {
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null,
        withMessage("\"for every case, some {matches} function(x) 1..9\""));
    assertThat(check.errors()).isEmpty();
    assertThat(check.accepted()).isTrue();
  }

  @Test
  void tooManyRulesAreRefusedNamingTheTable() {
    RuleChecker strict = new RuleChecker(PackagedDecisions.runner(), limits(12, 10_000, 1_000, Duration.ofSeconds(2)));
    RuleCheck check = strict.check(RuleFixtures.packaged(ARTICLE4), null, table());
    assertLimit(check, "RULE_LIMIT", "决策表（decisionTable）", "13 条规则", "上限 12 条");
  }

  @Test
  void tooManyCellsAreRefused() {
    RuleChecker strict = new RuleChecker(PackagedDecisions.runner(), limits(500, 100, 1_000, Duration.ofSeconds(2)));
    assertLimit(strict.check(RuleFixtures.packaged(ARTICLE4), null, table()), "CELL_LIMIT", "上限 100 个");
  }

  @Test
  void aTooLongExpressionIsRefusedNamingTheCell() {
    String longList = "string(count([" + "1, ".repeat(400) + "1]))";
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null, withMessage(longList));
    assertLimit(check, "EXPRESSION_LENGTH", "rule-area-other-out-message", "超过上限 1000 个字符");
    assertThat(deploymentProblems(withMessage(longList))).isNotEmpty();
  }

  @Test
  void aCaseThatDoesNotFinishInTimeIsAbandonedAndRefused() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    RegressionCases slow = new RegressionCases(FeelDmnEngines.create(() -> new HangingOn("\"hang\"", release)));
    RuleChecker timed = new RuleChecker(slow, RuleLimits.defaults().withMaxCaseTime(Duration.ofMillis(300)));
    try {
      long start = System.nanoTime();
      RuleCheck check = timed.check(RuleFixtures.packaged(ARTICLE4), null, withMessage("\"hang\""));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertLimit(check, "CASE_TIME_LIMIT", "回归用例「", "300 毫秒");
      assertThat(millis).as("the check returns although the evaluation still runs").isLessThan(10_000);
    } finally {
      release.countDown();
    }
  }

  @Test
  void thePackagedTablesAreWithinTheLimitsOnBothPaths() throws Exception {
    for (String key : PackagedDecisions.KEYS) {
      assertThat(RuleLimits.defaults().check(SafeXml.parse(PackagedDecisions.xml(key)).getDocumentElement()))
          .as(key).isEmpty();
      assertThat(new DeploymentGuard(RuleLimits.defaults()).check(key + ".dmn",
          PackagedDecisions.xml(key).getBytes(StandardCharsets.UTF_8))).as(key).isEmpty();
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String table() {
    String xml = PackagedDecisions.xml(ARTICLE4);
    assertThat(xml).contains(AREA_CELL).contains(MESSAGE_CELL_TEXT);
    return xml;
  }

  /** The table with the area rule's message cell replaced by a FEEL expression (XML-escaped here). */
  private static String withMessage(String feel) {
    String escaped = feel.replace("&", "&amp;").replace("<", "&lt;");
    return table().replace(MESSAGE_CELL_TEXT, "<text>" + escaped + "</text>");
  }

  private static List<FieldError> deploymentProblems(String xml) {
    return new DeploymentGuard(RuleLimits.defaults()).check(ARTICLE4 + ".dmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static RuleLimits limits(int rules, int cells, int expressionLength, Duration caseTime) {
    return new RuleLimits(RuleLimits.DEFAULT_MAX_XML_BYTES, rules, cells, expressionLength, caseTime);
  }

  private static void assertLimit(RuleCheck check, String code, String... messageParts) {
    assertThat(check.accepted()).as("accepted").isFalse();
    assertThat(check.pastLimit()).isTrue();
    assertThat(check.errors()).as("errors").anySatisfy(error -> {
      assertThat(error.code()).isEqualTo(code);
      assertThat(error.field()).isEqualTo("xml");
      for (String part : messageParts) {
        assertThat(error.message()).contains(part);
      }
    });
  }

  /** Camunda's FEEL engine, except that an expression containing {@code marker} waits until released. */
  private static final class HangingOn implements FeelEngine {
    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    private final String marker;
    private final CountDownLatch release;

    HangingOn(String marker, CountDownLatch release) {
      this.marker = marker;
      this.release = release;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      boolean waited = !expression.contains(marker);
      while (!waited) {
        try {
          waited = release.await(60, TimeUnit.SECONDS) || true;
        } catch (InterruptedException ignored) {
          // like FEEL: an interrupt does not stop the evaluation
        }
      }
      return feel.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
  }

  /** The rule check and the deployment guard share one FEEL test and one parser: the same language gets the same answer. */
  @Test
  void bothDoorsAgreeOnWhatIsFeel() throws Exception {
    String xml = PackagedDecisions.xml("certification-policy");
    for (String language : List.of("feel", "FEEL", "http://www.omg.org/spec/FEEL/20140401", "juel", "groovy",
        "HTTP://WWW.OMG.ORG/SPEC/FEEL/20140401/", "feel-scala")) {
      String changed = xml.replaceFirst("expressionLanguage=\"[^\"]*\"", "expressionLanguage=\"" + language + "\"");
      boolean deployable = new DeploymentGuard(RuleLimits.defaults())
          .check("certification-policy.dmn", changed.getBytes(StandardCharsets.UTF_8)).isEmpty();
      assertThat(deployable).as(language).isEqualTo(FeelLanguage.isFeel(language));
    }
  }
}
