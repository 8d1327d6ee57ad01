package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.dmn.FeelLanguage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard in front of every rule change, without a process engine. */
class RuleCheckerTest {

  private static final String ARTICLE4 = "article4-eligibility";
  private final RuleChecker checker = new RuleChecker(PackagedDecisions.runner(), RuleLimits.defaults());

  // ------------------------------------------------------------------ accepted

  @Test
  void thePackagedTableItselfPassesWithNoChangedCase() {
    for (String key : PackagedDecisions.KEYS) {
      RuleCheck check = checker.check(RuleFixtures.packaged(key), null, PackagedDecisions.xml(key));
      assertThat(check.errors()).as(key).isEmpty();
      assertThat(check.accepted()).isTrue();
      assertThat(check.changedCases()).isEmpty();
      assertThat(check.unchangedCases()).isEqualTo(RuleFixtures.packaged(key).cases().cases().size());
    }
  }

  @Test
  void raisingTheMinimumAreaListsTheAffectedCasesSideBySide() {
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null, RuleFixtures.article4MinimumArea(300));
    assertThat(check.accepted()).as("%s", check.errors()).isTrue();
    assertThat(check.changedCases()).isNotEmpty().allSatisfy(changed -> {
      assertThat(changed.inputs()).containsKey("totalArea");
      assertThat(changed.after()).extracting(row -> row.get("code")).contains("AREA_BELOW_MINIMUM");
    });
    // Newly flagged (e.g. exactly 200 m²), besides cases whose message now names 300 m².
    assertThat(check.changedCases()).anySatisfy(changed -> {
      assertThat(changed.inputs().get("totalArea")).isIn(200, 200.0);
      assertThat(changed.before()).isEmpty();
    });
    assertThat(check.unchangedCases() + check.changedCases().size())
        .isEqualTo(RuleFixtures.packaged(ARTICLE4).cases().cases().size());
  }

  @Test
  void aThresholdChangedWhileTheRulesTextStillStatesTheOldNumberIsPointedOut() {
    String threshold = "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>&lt; 200, null</text>";
    String xml = PackagedDecisions.xml(ARTICLE4).replace(threshold, threshold.replace("200", "300"));
    RuleCheck check = checker.check(RuleFixtures.packaged(ARTICLE4), null, xml);
    assertThat(check.accepted()).isTrue();
    assertThat(check.warnings()).filteredOn(w -> w.code().equals("STALE_TEXT")).extracting(RuleProblem::message)
        .contains("第3条规则「说明」列仍写着「200」，而该规则条件中的 200 已改为 300：请核对这段文字是否也要一并修改")
        .anySatisfy(message -> assertThat(message).startsWith("第3条规则的备注仍写着「200」"));

    // the text changed with it: only the annotation is left to point out
    RuleCheck both = checker.check(RuleFixtures.packaged(ARTICLE4), null, RuleFixtures.article4MinimumArea(300));
    assertThat(both.warnings()).filteredOn(w -> w.code().equals("STALE_TEXT")).extracting(RuleProblem::message)
        .singleElement().asString().startsWith("第3条规则的备注");
    // an unchanged table has nothing to point out
    assertThat(checker.check(RuleFixtures.packaged(ARTICLE4), null, PackagedDecisions.xml(ARTICLE4)).warnings())
        .extracting(RuleProblem::code).doesNotContain("STALE_TEXT");
  }

  @Test
  void aMissingHistoryTimeToLiveIsTakenFromThePackagedTable() {
    String xml = PackagedDecisions.xml("first-review-routing").replace(" camunda:historyTimeToLive=\"P3650D\"", "");
    RuleCheck check = checker.check(RuleFixtures.packaged("first-review-routing"), null, xml);
    assertThat(check.accepted()).isTrue();
    assertThat(check.warnings()).extracting(RuleProblem::code).contains("HISTORY_TTL_ADDED");
    assertThat(check.xml()).contains("historyTimeToLive=\"P3650D\"");
  }

  @Test
  void anInvalidHistoryTimeToLiveIsRefused() {
    String xml = PackagedDecisions.xml("first-review-routing").replace("camunda:historyTimeToLive=\"P3650D\"",
        "camunda:historyTimeToLive=\"forever\"");
    assertRefused(checker.check(RuleFixtures.packaged("first-review-routing"), null, xml), "HISTORY_TTL",
        "历史保留期限", "forever");
  }

  // ------------------------------------------------------------------ not a DMN table

  @Test
  void somethingThatIsNotXmlIsRefused() {
    assertRefused(check("这不是一个决策表"), "NOT_XML", "不是有效的XML");
    assertRefused(check("  "), "EMPTY", "xml");
  }

  @Test
  void aBpmnFileIsRefused() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
          <bpmn:process id="p" isExecutable="true"><bpmn:scriptTask id="s" scriptFormat="groovy">
          <bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask></bpmn:process>
        </bpmn:definitions>""";
    assertRefused(check(bpmn), "NOT_DMN", "不是DMN决策表", "definitions");
  }

  @Test
  void externalEntitiesAreRefusedBeforeParsing() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="&secret;" namespace="x"/>""";
    assertRefused(check(xxe), "DOCTYPE", "DOCTYPE");
  }

  @Test
  void anOversizedFileIsRefused() {
    RuleChecker small = new RuleChecker(PackagedDecisions.runner(), RuleLimits.defaults().withMaxXmlBytes(1000));
    assertRefused(small.check(RuleFixtures.packaged(ARTICLE4), null, PackagedDecisions.xml(ARTICLE4)),
        "SIZE_LIMIT", "过大");
  }

  @Test
  void anotherDecisionKeyIsRefused() {
    String xml = PackagedDecisions.xml(ARTICLE4).replace("<decision id=\"article4-eligibility\"",
        "<decision id=\"article4-eligibility-v2\"");
    assertRefused(check(xml), "DECISION_KEY", "决策键不符", "article4-eligibility", "article4-eligibility-v2");
  }

  @Test
  void aDrdMustKeepItsRequiredDecision() {
    String xml = PackagedDecisions.xml("annual-assessment").replace("\"annual-assessment-score\"", "\"score\"")
        .replace("#annual-assessment-score", "#score");
    RuleCheck check = checker.check(RuleFixtures.packaged("annual-assessment"), null, xml);
    assertRefused(check, "DECISION_KEY", "缺少决策「annual-assessment-score」");
    assertThat(check.errors()).extracting(RuleProblem::message).anyMatch(m -> m.contains("多出决策「score」"));
  }

  // ------------------------------------------------------------------ FEEL only

  @ParameterizedTest
  @ValueSource(strings = {"juel", "groovy", "javascript", "python", "JavaScript"})
  void anyOtherExpressionLanguageIsRefusedOnEveryElement(String language) {
    String xml = PackagedDecisions.xml(ARTICLE4);
    String lang = " expressionLanguage=\"" + language + "\"";
    // definitions (replacing FEEL), the decision table, an input expression, an input entry, an output entry
    String everywhere = xml
        .replace("expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"", lang.trim())
        .replace("<decisionTable id=\"article4-eligibility-table\"", "<decisionTable" + lang + " id=\"article4-eligibility-table\"")
        .replace("<inputExpression id=\"in-totalArea-expression\"", "<inputExpression" + lang + " id=\"in-totalArea-expression\"")
        .replace("<inputEntry id=\"rule-area-other-in-totalArea\">", "<inputEntry" + lang + " id=\"rule-area-other-in-totalArea\">")
        .replace("<outputEntry id=\"rule-area-other-out-code\">", "<outputEntry" + lang + " id=\"rule-area-other-out-code\">");
    RuleCheck check = check(everywhere);
    assertRefused(check, "EXPRESSION_LANGUAGE", "不允许的表达式语言「" + language + "」", "只允许使用FEEL");
    assertThat(check.errors()).extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("定义（definitions）"))
        .anyMatch(m -> m.contains("决策表（decisionTable）"))
        .anyMatch(m -> m.contains("输入表达式（inputExpression）") && m.contains("in-totalArea-expression"))
        .anyMatch(m -> m.contains("规则「rule-area-other」的输入条目（inputEntry）"))
        .anyMatch(m -> m.contains("规则「rule-area-other」的输出条目（outputEntry）"));
    assertThat(check.errors()).filteredOn(e -> e.code().equals("EXPRESSION_LANGUAGE")).hasSize(5);
  }

  @Test
  void aLiteralExpressionInAnotherLanguageIsRefused() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="d" name="策略" namespace="x">
          <decision id="certification-policy" name="认定管理政策参数" camunda:historyTimeToLive="P3650D">
            <variable id="v" name="publicityWorkingDays" typeRef="integer"/>
            <literalExpression id="lit" expressionLanguage="groovy"><text>Runtime.getRuntime().exec('id'); 5</text></literalExpression>
          </decision>
        </definitions>""";
    RuleCheck check = checker.check(RuleFixtures.packaged("certification-policy"), null, xml);
    assertRefused(check, "EXPRESSION_LANGUAGE", "「groovy」", "文字表达式（literalExpression）");
  }

  @Test
  void feelSpellingsThatCamundaTreatsAsFeelAreAccepted() {
    assertThat(FeelLanguage.isFeel("feel")).isTrue();
    assertThat(FeelLanguage.isFeel("FEEL")).isTrue();
    assertThat(FeelLanguage.isFeel("https://www.omg.org/spec/DMN/20191111/FEEL/")).isTrue();
    assertThat(FeelLanguage.isFeel("http://www.omg.org/spec/FEEL/20140401")).isTrue();
    assertThat(FeelLanguage.isFeel("juel")).isFalse();
    assertThat(FeelLanguage.isFeel("feel-scala")).isFalse();
  }

  @Test
  void feelExternalJavaFunctionsAreRefused() {
    String xml = PackagedDecisions.xml(ARTICLE4).replace(
        "<text>\"AREA_BELOW_MINIMUM\"</text>",
        "<text>function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}</text>");
    assertRefused(check(xml), "FEEL_EXTERNAL_FUNCTION", "外部（Java）函数");
  }

  // ------------------------------------------------------------------ the contract's inputs and outputs

  @Test
  void aRenamedInputIsRefused() {
    String xml = PackagedDecisions.xml(ARTICLE4).replace("<text>leaseYears</text>", "<text>leaseTerm</text>");
    assertRefused(check(xml), "INPUT_MISSING", "决策「article4-eligibility」缺少输入「leaseYears」", "不能删除或改名");
  }

  @Test
  void aRemovedInputColumnIsRefused() {
    String xml = PackagedDecisions.xml(ARTICLE4);
    xml = removeAll(xml, "<input id=\"in-mentorCount\".*?</input>\\s*");
    xml = removeAll(xml, "<inputEntry id=\"[^\"]*-in-mentorCount\">.*?</inputEntry>\\s*");
    assertRefused(check(xml), "INPUT_MISSING", "缺少输入「mentorCount」");
  }

  @Test
  void anInputOfAComputedExpressionMustStayRead() {
    String xml = PackagedDecisions.xml(ARTICLE4).replace(
        "<text>if totalArea &gt; 0 then publicServiceArea / totalArea else 0</text>", "<text>0.95</text>");
    assertRefused(check(xml), "INPUT_MISSING", "缺少输入「publicServiceArea」");
  }

  @Test
  void aRenamedOrRemovedOutputIsRefused() {
    String renamed = PackagedDecisions.xml(ARTICLE4).replace("name=\"code\"", "name=\"errorCode\"");
    assertRefused(check(renamed), "OUTPUT_MISSING", "决策「article4-eligibility」缺少输出「code」");

    String removed = removeAll(PackagedDecisions.xml(ARTICLE4), "<output id=\"out-message\"[^>]*/>\\s*");
    removed = removeAll(removed, "<outputEntry id=\"[^\"]*-out-message\">.*?</outputEntry>\\s*");
    assertRefused(check(removed), "OUTPUT_MISSING", "缺少输出「message」");
  }

  @Test
  void variableNamesOfFeelInputExpressions() {
    assertThat(RuleChecker.variableNames("hostType")).containsExactly("hostType");
    assertThat(RuleChecker.variableNames("if totalArea > 0 then publicServiceArea / totalArea else 0"))
        .containsExactly("totalArea", "publicServiceArea");
    assertThat(RuleChecker.variableNames("count(items) + person.age + length(\"hostType\")"))
        .containsExactly("items", "person");
  }

  // ------------------------------------------------------------------ regression cases

  @Test
  void aTableThatFailsToEvaluateACaseIsRefused() {
    // valid FEEL whose value the table's type refuses when evaluated: text as the whole number of days
    String policy = "certification-policy";
    String xml = PackagedDecisions.xml(policy).replace(
        "<outputEntry id=\"rule-current-out-publicityWorkingDays\">\n          <text>5</text>",
        "<outputEntry id=\"rule-current-out-publicityWorkingDays\">\n          <text>\"五\"</text>");
    assertThat(xml).isNotEqualTo(PackagedDecisions.xml(policy));
    RuleCheck check = checker.check(RuleFixtures.packaged(policy), null, xml);
    assertRefused(check, "CASE_FAILED", "回归用例", "求值失败");
    // both cases fail for the same cause: said once, with the number of cases, naming the cell and why
    assertThat(check.failedCases()).hasSize(2);
    assertThat(check.errors()).singleElement().extracting(RuleProblem::message).asString()
        .isEqualTo("2 个回归用例在新决策表上求值失败（如「现行政策参数（默认值）」）：第1条规则「网上公示期」列的单元格"
            + "「\"五\"」得出文本，而这一列的类型是整数：请改为整数，或修改这一列的类型");
    assertThat(check.failedCases()).allSatisfy(failed -> assertNoEngineText(failed.error()));
  }

  @Test
  void anInputColumnWhoseTypeRefusesTheCasesValuesIsNamedOnceForAllItsCases() {
    RuleCheck check = check(PackagedDecisions.xml(ARTICLE4).replace(
        "<inputExpression id=\"in-hostType-expression\" typeRef=\"string\">",
        "<inputExpression id=\"in-hostType-expression\" typeRef=\"integer\">"));
    // every case that gives a host type (one leaves it empty)
    int cases = (int) RuleFixtures.packaged(ARTICLE4).cases().cases().stream()
        .filter(c -> c.inputs().get("hostType") != null).count();
    assertThat(check.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo("CASE_FAILED");
      assertThat(error.message()).startsWith(cases + " 个回归用例在新决策表上求值失败（如「")
          .endsWith("：输入列「空间类型」的类型是整数，与回归用例给出的值不符：请检查这一列的类型");
      assertNoEngineText(error.message());
    });
  }

  @Test
  void resultsOfManyRulesThatTheirColumnsTypeRefusesAreNamedOnceByColumnAndRules() {
    RuleCheck check = check(PackagedDecisions.xml(ARTICLE4).replace(
        "name=\"code\" typeRef=\"string\"", "name=\"code\" typeRef=\"integer\""));
    assertThat(check.errors()).singleElement().extracting(RuleProblem::message).asString()
        .contains("个回归用例在新决策表上求值失败")
        .endsWith("：「不符合条件代码」列有 13 条规则（第1、2、3、4、5、6、7、8、9、10、11、12、13条）的结果是文本，"
            + "而这一列的类型是整数：请改为整数，或修改这一列的类型");
  }

  @Test
  void rulesMatchingTogetherUnderAUniqueHitPolicyAreNamedByNumber() {
    String key = "first-review-routing";
    String xml = PackagedDecisions.xml(key).replace("<text>\"pinglu\"</text>", "<text></text>");
    RuleCheck check = checker.check(RuleFixtures.packaged(key), null, xml);
    assertThat(check.accepted()).isFalse();
    assertThat(check.errors()).isNotEmpty().allSatisfy(error -> {
      assertThat(error.code()).isEqualTo("CASE_FAILED");
      assertThat(error.message()).containsPattern("第\\d+条、第\\d+条规则同时命中，而命中策略“唯一”只允许一条规则命中")
          .contains("第3条");
      assertNoEngineText(error.message());
    });
  }

  /** A message for rule administrators: no word of the engines' English (the case names hold only identifiers). */
  private static void assertNoEngineText(String message) {
    assertThat(message).containsPattern("\\p{IsHan}")
        .doesNotContainPattern("Exception|DMN-|Invalid|clause|evaluat|[A-Z][a-z]+ [a-z]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"&gt;=", "&gt;= 抽象"})
  void aCellThatIsNotValidFeelIsNamedOnceByRuleAndColumnBeforeAnyCaseRuns(String cell) {
    RuleCheck check = check(areaCell(cell));
    assertThat(check.accepted()).isFalse();
    assertThat(check.failedCases()).as("no case ran").isEmpty();
    assertThat(check.errors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo("FEEL_INVALID");
      assertThat(error.message()).startsWith("第3条规则「可自主支配场地面积」列的单元格「" + cell.replace("&gt;", ">") + "」不是有效的FEEL条件")
          .doesNotContainPattern("Exception|Expected|failed|parse");
    });
  }

  @Test
  void cellsMayReadTheTablesInputsAndCallFunctionsOfSeveralWords() {
    RuleCheck check = check(areaCell("&lt; 200, null, &lt; publicServiceArea, &gt; string length(\"抽象\")"));
    assertThat(check.errors()).isEmpty();
    assertThat(FeelCells.names("date and time(\"x\") < policy.validityYears and not(hostType) or 抽象 > 1"))
        .containsExactly("policy", "hostType", "抽象");
  }

  /** The article 4 table with the condition on the area of rule 3 ({@code rule-area-other}) replaced by {@code cell}. */
  private static String areaCell(String cell) {
    String xml = PackagedDecisions.xml(ARTICLE4).replace(
        "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>&lt; 200, null</text>",
        "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>" + cell + "</text>");
    assertThat(xml).isNotEqualTo(PackagedDecisions.xml(ARTICLE4));
    return xml;
  }

  @Test
  void outcomesAreComparedWithTheActiveVersionNotThePackagedOne() {
    String active = RuleFixtures.article4MinimumArea(300);
    RuleCheck back = checker.check(RuleFixtures.packaged(ARTICLE4), active, PackagedDecisions.xml(ARTICLE4));
    assertThat(back.accepted()).isTrue();
    assertThat(back.changedCases()).isNotEmpty().allSatisfy(changed ->
        assertThat(changed.before()).extracting(row -> row.get("code")).contains("AREA_BELOW_MINIMUM"));
  }

  // ------------------------------------------------------------------ helpers

  private RuleCheck check(String xml) {
    return checker.check(RuleFixtures.packaged(ARTICLE4), null, xml);
  }

  private static void assertRefused(RuleCheck check, String code, String... messageParts) {
    assertThat(check.accepted()).as("accepted").isFalse();
    assertThat(check.xml()).isNull();
    assertThat(check.errors()).as("errors").isNotEmpty();
    List<RuleProblem> matching = check.errors().stream().filter(e -> e.code().equals(code)).toList();
    assertThat(matching).as("errors with code %s in %s", code, check.errors()).isNotEmpty();
    assertThat(matching).anySatisfy(error -> {
      assertThat(error.field()).isEqualTo("xml");
      assertThat(error.message()).containsPattern("\\p{IsHan}");
      for (String part : messageParts) {
        assertThat(error.message()).contains(part);
      }
    });
    assertThat(check.summary()).startsWith("决策表未通过检查：");
  }

  private static String removeAll(String xml, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(xml);
    assertThat(matcher.find()).as("pattern %s", regex).isTrue();
    return matcher.replaceAll("");
  }
}
