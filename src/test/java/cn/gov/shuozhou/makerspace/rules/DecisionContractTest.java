package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.BuiltinAggregator;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The names of the design contract (decisions section) that administrators, integrators and the processes depend
 * on: decision keys, hit policies, input and output columns with their types, and the codes.
 */
class DecisionContractTest {

  private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final Set<String> FEEL_LANGUAGES = Set.of(
      "feel",
      "http://www.omg.org/spec/FEEL/20140401",
      "https://www.omg.org/spec/DMN/20180521/FEEL/",
      "https://www.omg.org/spec/DMN/20191111/FEEL/");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  static List<String> keys() {
    return PackagedDecisions.KEYS;
  }

  // ------------------------------------------------------------------ every file

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void isDmn13WithFeelOnlyAndHistoryTimeToLive(String key) {
    var model = PackagedDecisions.model(key);
    assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).isEqualTo(DMN13);
    assertThat(model.getDefinitions().getExpressionLanguage()).isIn(FEEL_LANGUAGES);

    Matcher languages = Pattern.compile("expressionLanguage=\"([^\"]*)\"").matcher(PackagedDecisions.xml(key));
    while (languages.find()) {
      assertThat(languages.group(1)).as("expression languages in %s", key).isIn(FEEL_LANGUAGES);
    }

    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    assertThat(decisions).extracting(Decision::getId).contains(key);
    for (Decision decision : decisions) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", decision.getId())
          .isEqualTo("P3650D");
      assertThat(decision.getName()).as("name of %s", decision.getId()).containsPattern(CHINESE);
      DecisionTable table = table(decision);
      for (Input input : table.getInputs()) {
        assertThat(input.getLabel()).as("input label in %s", decision.getId()).containsPattern(CHINESE);
      }
      for (Output output : table.getOutputs()) {
        assertThat(output.getLabel()).as("output label in %s", decision.getId()).containsPattern(CHINESE);
      }
    }
  }

  // ------------------------------------------------------------------ per decision

  @Test
  void article4Eligibility() {
    DecisionTable table = table("article4-eligibility", "article4-eligibility");
    assertThat(decision("article4-eligibility", "article4-eligibility").getName())
        .isEqualTo("众创空间认定条件（第四条）");
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(table.getAggregation()).isNull();

    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("hostType", "string");
    inputs.put("totalArea", "double");
    inputs.put("if totalArea > 0 then publicServiceArea / totalArea else 0", "double");
    inputs.put("premises", "string");
    inputs.put("leaseYears", "double");
    inputs.put("seedFundAmount", "double");
    inputs.put("mentorCount", "integer");
    inputs.put("monthlyEvents", "double");
    inputs.put("spaceFocus", "string");
    inputs.put("activeMakers", "integer");
    inputs.put("activeTeams", "integer");
    inputs.put("independentOperator", "boolean");
    inputs.put("sharedFacilities", "boolean");
    inputs.put("onlineServices", "boolean");
    inputs.put("lowCostOrFree", "boolean");
    assertThat(inputColumns(table)).isEqualTo(inputs);
    assertThat(table.getInputs()).anySatisfy(input -> assertThat(input.getLabel()).isEqualTo("公共服务面积占比"));

    assertThat(outputColumns(table))
        .containsExactlyEntriesOf(ordered("code", "string", "article", "string", "message", "string"));
    assertThat(outputValues(table, "code")).containsExactlyInAnyOrder(
        "OPERATOR_NOT_INDEPENDENT", "AREA_BELOW_MINIMUM", "LEASE_TOO_SHORT", "PUBLIC_AREA_RATIO_LOW",
        "NO_SHARED_FACILITIES", "NO_SEED_FUND", "TOO_FEW_MENTORS", "TOO_FEW_EVENTS",
        "NO_ONLINE_SERVICES", "NOT_LOW_COST", "TOO_FEW_MAKERS", "TOO_FEW_TEAMS");
    assertThat(outputValues(table, "article")).allMatch(article -> article.startsWith("第四条"));
    assertThat(outputValues(table, "message")).allMatch(message -> CHINESE.matcher(message).find());
  }

  /** Issue 16, contract "Additions": the checklist of materials of each application. */
  @Test
  void requiredMaterials() {
    DecisionTable table = table("required-materials", "required-materials");
    assertThat(decision("required-materials", "required-materials").getName()).isEqualTo("申报材料清单");
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(table.getAggregation()).isNull();
    assertThat(inputColumns(table)).containsExactlyEntriesOf(ordered("premises", "string", "hostType", "string",
        "convertedOldBuilding", "boolean", "spaceFocus", "string"));
    assertThat(outputColumns(table)).containsExactlyEntriesOf(ordered("materialCode", "string", "materialName", "string",
        "article", "string", "required", "boolean"));
    assertThat(outputValues(table, "materialCode")).contains("REGISTRATION", "MANAGEMENT_TEAM", "PROPERTY_CERTIFICATE",
        "LEASE_CONTRACT", "FLOOR_PLAN", "SEED_FUND", "MENTOR_APPOINTMENTS", "EVENTS", "ONLINE_SERVICES",
        "FEE_SCHEDULE", "MAKER_LIST", "TEAM_LIST", "UNIVERSITY_CONSENT", "BUILDING_SAFETY", "APPLICATION_FORM");
    assertThat(outputValues(table, "article")).allMatch(article -> article.matches("第[三四五]条.*"));
    assertThat(outputValues(table, "materialName")).allMatch(name -> CHINESE.matcher(name).find());
  }

  @Test
  void firstReviewRouting() {
    DecisionTable table = table("first-review-routing", "first-review-routing");
    assertThat(decision("first-review-routing", "first-review-routing").getName()).isEqualTo("初审单位分派");
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(inputColumns(table)).containsExactlyEntriesOf(ordered("hostType", "string", "county", "string"));
    assertThat(outputColumns(table)).containsExactlyEntriesOf(Map.of("reviewGroup", "string"));
    assertThat(outputValues(table, "reviewGroup")).containsExactlyInAnyOrder(
        "edu-bureau", "county-shuocheng", "county-pinglu", "county-huairen", "county-shanyin",
        "county-yingxian", "county-youyu", "devzone-bureau");
  }

  @Test
  void expertConclusion() {
    DecisionTable table = table("expert-conclusion", "expert-conclusion");
    assertThat(decision("expert-conclusion", "expert-conclusion").getName()).isEqualTo("专家评审结论");
    assertThat(table.getHitPolicy()).isIn(HitPolicy.UNIQUE, HitPolicy.FIRST);
    assertThat(inputColumns(table))
        .containsExactlyEntriesOf(ordered("averageScore", "double", "recommendRatio", "double"));
    assertThat(outputColumns(table))
        .containsExactlyEntriesOf(ordered("expertPassed", "boolean", "reason", "string"));
  }

  @Test
  void annualAssessmentIsADrdOverTheScoreTable() {
    Decision top = decision("annual-assessment", "annual-assessment");
    assertThat(top.getName()).isEqualTo("年度考核");
    assertThat(top.getInformationRequirements())
        .extracting(InformationRequirement::getRequiredDecision)
        .extracting(Decision::getId)
        .containsExactly("annual-assessment-score");
    DecisionTable grade = table(top);
    assertThat(grade.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(inputColumns(grade))
        .containsExactlyEntriesOf(ordered("assessmentScore", "integer", "article4Met", "boolean"));
    assertThat(outputColumns(grade))
        .containsExactlyEntriesOf(ordered("assessmentScore", "integer", "assessmentGrade", "string"));
    assertThat(outputValues(grade, "assessmentGrade"))
        .containsExactlyInAnyOrder("excellent", "qualified", "unqualified");

    Decision scoreDecision = decision("annual-assessment", "annual-assessment-score");
    assertThat(scoreDecision.getName()).isEqualTo("年度考核评分");
    DecisionTable score = table(scoreDecision);
    assertThat(score.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(score.getAggregation()).isEqualTo(BuiltinAggregator.SUM);
    Map<String, String> inputs = new LinkedHashMap<>();
    for (String name : List.of("trainingSessions", "trainees", "residentMakers", "residentTeams",
        "graduatedTeams", "eventsHeld")) {
      inputs.put(name, "integer");
    }
    inputs.put("financingAmount", "double");
    inputs.put("reportOnTime", "boolean");
    assertThat(inputColumns(score)).containsExactlyEntriesOf(inputs);
    assertThat(outputColumns(score)).containsExactlyEntriesOf(Map.of("assessmentScore", "integer"));
  }

  @Test
  void certificationPolicyHasOneRuleAndNoInputs() {
    DecisionTable table = table("certification-policy", "certification-policy");
    assertThat(decision("certification-policy", "certification-policy").getName()).isEqualTo("认定管理政策参数");
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(table.getInputs()).isEmpty();
    assertThat(table.getRules()).hasSize(1);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String name : List.of("publicityWorkingDays", "supplementWorkingDays", "minExperts", "validityYears",
        "banYears", "rectificationMonths")) {
      outputs.put(name, "integer");
    }
    outputs.put("annualReportOpens", "string");
    outputs.put("annualReportDue", "string");
    outputs.put("renewalReminderDays", "integer");
    for (String name : List.of("firstReviewWorkingDays", "inspectionWorkingDays", "expertReviewWorkingDays",
        "bureauDecisionWorkingDays", "objectionWorkingDays", "assessmentWorkingDays",
        "annualReportReminderDays")) {
      outputs.put(name, "integer");
    }
    outputs.put("firstReportMinWorkingDays", "integer");
    for (String name : List.of("statementWorkingDays", "escalationWorkingDays", "uploadMaxFileMb",
        "uploadMaxApplicationMb", "objectionEvidenceMaxFiles", "objectionEvidenceMaxFileMb",
        "convertedBuildingTaskPriority", "standardTaskPriority")) {
      outputs.put(name, "integer");
    }
    assertThat(outputColumns(table)).containsExactlyEntriesOf(outputs);
  }

  // ------------------------------------------------------------------ helpers

  private static Decision decision(String key, String decisionId) {
    Decision decision = PackagedDecisions.model(key).getModelElementById(decisionId);
    assertThat(decision).as("decision %s in %s.dmn", decisionId, key).isNotNull();
    return decision;
  }

  private static DecisionTable table(String key, String decisionId) {
    return table(decision(key, decisionId));
  }

  private static DecisionTable table(Decision decision) {
    assertThat(decision.getExpression()).as("%s is a decision table", decision.getId())
        .isInstanceOf(DecisionTable.class);
    return (DecisionTable) decision.getExpression();
  }

  /** Input expression text to typeRef, in column order. */
  private static Map<String, String> inputColumns(DecisionTable table) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (Input input : table.getInputs()) {
      columns.put(input.getInputExpression().getText().getTextContent().trim(),
          input.getInputExpression().getTypeRef());
    }
    return columns;
  }

  /** Output name to typeRef, in column order. */
  private static Map<String, String> outputColumns(DecisionTable table) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (Output output : table.getOutputs()) {
      columns.put(output.getName(), output.getTypeRef());
    }
    return columns;
  }

  /** The distinct string literals that the rules write into one output column. */
  private static Set<String> outputValues(DecisionTable table, String outputName) {
    List<Output> outputs = List.copyOf(table.getOutputs());
    int column = outputs.stream().map(Output::getName).toList().indexOf(outputName);
    assertThat(column).as("output %s", outputName).isNotNegative();
    Set<String> values = new TreeSet<>();
    for (Rule rule : table.getRules()) {
      String text = List.copyOf(rule.getOutputEntries()).get(column).getText().getTextContent().trim();
      values.add(text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text);
    }
    return values.stream().filter(v -> !v.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
