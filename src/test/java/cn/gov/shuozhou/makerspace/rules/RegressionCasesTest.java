package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

/** The runner itself: loading, judging, number equality, row order and old-versus-new comparison. */
class RegressionCasesTest {

  private static final String ROUTING_CASES = """
      {"decisionKey":"first-review-routing","cases":[
        {"name":"campus","inputs":{"hostType":"university","county":"youyu"},
         "expected":[{"reviewGroup":"edu-bureau"}]},
        {"name":"county","inputs":{"hostType":"other","county":"pinglu"},
         "expected":[{"reviewGroup":"county-pinglu"}]},
        {"name":"wrong on purpose","inputs":{"hostType":"other","county":"pinglu"},
         "expected":[{"reviewGroup":"edu-bureau"}]}
      ]}""";

  private final RegressionCases runner = PackagedDecisions.runner();

  @Test
  void judgesEachCaseAndExplainsAFailure() {
    List<CaseResult> results = runner.run(read(ROUTING_CASES), PackagedDecisions.model("first-review-routing"));
    assertThat(results).extracting(CaseResult::passed).containsExactly(true, true, false);
    CaseResult failed = results.get(2);
    assertThat(failed.actual()).containsExactly(Map.of("reviewGroup", "county-pinglu"));
    assertThat(failed.describe())
        .contains("[first-review-routing] wrong on purpose: FAILED")
        .contains("expected: [{reviewGroup=edu-bureau}]")
        .contains("actual:   [{reviewGroup=county-pinglu}]");
  }

  @Test
  void evaluatesWithoutJudgingInOutputColumnOrder() {
    String json = """
        {"decisionKey":"article4-eligibility","cases":[{"name":"tiny","inputs":{
          "hostType":"other","totalArea":150,"publicServiceArea":150,"premises":"owned","leaseYears":null,
          "seedFundAmount":1,"mentorCount":3,"monthlyEvents":1,"spaceFocus":"team","activeMakers":0,
          "activeTeams":3,"independentOperator":true,"sharedFacilities":true,"onlineServices":true,
          "lowCostOrFree":true},"expected":[]}]}""";
    List<CaseEvaluation> evaluations = runner.evaluate(read(json), PackagedDecisions.model("article4-eligibility"));
    assertThat(evaluations).hasSize(1);
    assertThat(evaluations.get(0).failed()).isFalse();
    assertThat(evaluations.get(0).rows()).hasSize(1);
    assertThat(evaluations.get(0).rows().get(0)).containsOnlyKeys("code", "article", "message");
    assertThat(List.copyOf(evaluations.get(0).rows().get(0).keySet())).containsExactly("code", "article", "message");
    assertThat(evaluations.get(0).rows().get(0)).containsEntry("code", "AREA_BELOW_MINIMUM");
  }

  @Test
  void numbersCompareByValue() {
    assertThat(RegressionCases.valuesEqual(3, 3.0)).isTrue();
    assertThat(RegressionCases.valuesEqual(3L, 3)).isTrue();
    assertThat(RegressionCases.valuesEqual(0.1, new java.math.BigDecimal("0.10"))).isTrue();
    assertThat(RegressionCases.valuesEqual(3, 3.01)).isFalse();
    assertThat(RegressionCases.valuesEqual("3", 3)).isFalse();
    assertThat(RegressionCases.valuesEqual(null, null)).isTrue();
    assertThat(RegressionCases.valuesEqual(true, Boolean.TRUE)).isTrue();
  }

  @Test
  void rowOrderMattersOnlyWhenAsked() {
    List<Map<String, Object>> expected = List.of(Map.of("code", "A"), Map.of("code", "B"));
    List<Map<String, Object>> actual = List.of(Map.of("code", "B", "x", 1), Map.of("code", "A", "x", 2));
    assertThat(RegressionCases.rowsMatch(expected, actual, true)).isTrue();
    assertThat(RegressionCases.rowsMatch(expected, actual, false)).isFalse();
    assertThat(RegressionCases.rowsMatch(List.of(Map.of("code", "A"), Map.of("code", "A")),
        List.of(Map.of("code", "A"), Map.of("code", "B")), true)).isFalse();
    assertThat(RegressionCases.rowsMatch(List.of(), List.of(Map.of("code", "A")), true)).isFalse();
    assertThat(RegressionCases.isUnorderedResult(PackagedDecisions.model("article4-eligibility"),
        "article4-eligibility")).isTrue();
    assertThat(RegressionCases.isUnorderedResult(PackagedDecisions.model("annual-assessment"),
        "annual-assessment")).isFalse();
  }

  @Test
  void comparesTheDeployedTableWithAnEditedOne() {
    // An administrator lowers the non-campus minimum area in the table (cell "< 200, null").
    String edited = PackagedDecisions.xml("article4-eligibility")
        .replace("&lt; 200, null", "&lt; 150, null");
    assertThat(edited).isNotEqualTo(PackagedDecisions.xml("article4-eligibility"));
    DmnModelInstance candidate = model(edited);
    DecisionCaseSet caseSet = DecisionCaseSet.read(PackagedDecisions.caseFile("article4-eligibility"));

    List<CaseComparison> comparisons =
        runner.compare(caseSet, PackagedDecisions.model("article4-eligibility"), candidate);
    assertThat(comparisons).hasSameSizeAs(caseSet.cases());
    List<CaseComparison> changed = comparisons.stream().filter(c -> !c.same()).toList();
    assertThat(changed).isNotEmpty()
        .allSatisfy(c -> assertThat(c.baselineRows()).anySatisfy(
            row -> assertThat(row).containsEntry("code", "AREA_BELOW_MINIMUM")));
    assertThat(changed).extracting(CaseComparison::name).contains("非校内面积199.99平方米：不足200");

    List<CaseResult> judged = runner.run(caseSet, candidate);
    assertThat(judged.stream().filter(r -> !r.passed()).count()).isEqualTo(changed.size());
  }

  @Test
  void aBrokenCellOrAMissingDecisionIsReportedAsAnErrorInsteadOfThrown() {
    // FEEL cells are parsed when a rule is evaluated: only the cases that reach the cell fail.
    String brokenCell = PackagedDecisions.xml("first-review-routing").replace("\"edu-bureau\"", "\"edu-bureau");
    List<CaseResult> results = runner.run(read(ROUTING_CASES), model(brokenCell));
    assertThat(results.get(0).passed()).isFalse();
    assertThat(results.get(0).error()).contains("edu-bureau");
    assertThat(results.get(1).passed()).isTrue();

    List<CaseEvaluation> missingDecision = runner.evaluate(
        new DecisionCaseSet("no-such-decision", read(ROUTING_CASES).cases()),
        PackagedDecisions.model("first-review-routing"));
    assertThat(missingDecision).hasSize(3)
        .allSatisfy(e -> assertThat(e.error()).contains("no-such-decision"));
  }

  private static DecisionCaseSet read(String json) {
    return DecisionCaseSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static DmnModelInstance model(String xml) {
    return RegressionCases.readModel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
