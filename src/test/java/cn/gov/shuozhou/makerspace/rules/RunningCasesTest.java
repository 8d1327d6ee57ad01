package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Where in the models an evaluation of a rule still lies ahead (RunningCases), read from the shipped models. */
class RunningCasesTest {

  private static final String SANCTION_HEARING = "maker-space-sanction-hearing";

  private static BpmnModelInstance model(String name) {
    return Bpmn.readModelFromFile(new File("bpmn/" + name + ".bpmn"));
  }

  @Test
  void article4IsAheadUntilTheInspectionIsMeasured() {
    Set<String> ahead = RunningCases.activitiesAhead(model("maker-space-certification"), "article4-eligibility",
        called -> false);
    assertThat(ahead).contains("checkEligibility", "supplementApplication", "firstReview", "onSiteInspection",
        "checkMeasuredValues").doesNotContain("expertReview", "bureauDecision", "organiseExpertReview");
  }

  @Test
  void theExpertConclusionIsAheadOfAPanelAndOfTheLeadersWhoMaySendItBack() {
    Set<String> ahead = RunningCases.activitiesAhead(model("maker-space-certification"), "expert-conclusion",
        called -> false);
    assertThat(ahead).contains("firstReview", "onSiteInspection", "expertReview", "bureauDecision")
        .doesNotContain("handleObjection");
  }

  @Test
  void thePolicyReadAtTheStartIsAheadOfNoWaitingStep() {
    Set<String> ahead = RunningCases.activitiesAhead(model("maker-space-certification"), "certification-policy",
        called -> false);
    assertThat(ahead).contains("loadPolicy").doesNotContain("firstReview", "onSiteInspection", "expertReview");
  }

  @Test
  void theChecklistIsReadAgainByTheSupplementAndSoIsAheadOfTheFirstReviewThatAsksForIt() {
    Set<String> ahead = RunningCases.activitiesAhead(model("maker-space-certification"), "required-materials",
        called -> false);
    assertThat(ahead).contains("supplementApplication", "firstReview").doesNotContain("expertReview", "bureauDecision");
  }

  @Test
  void aCalledProcessThatEvaluatesTheRuleIsAheadOfTheStepsBeforeTheCallNotOfTheCallItself() {
    BpmnModelInstance certification = model("maker-space-certification");
    assertThat(RunningCases.activitiesAhead(certification, "annual-assessment", called -> false)).isEmpty();
    Set<String> viaCall = RunningCases.activitiesAhead(certification, "annual-assessment", SANCTION_HEARING::equals);
    // an objection upheld during the notice leaves the notice by its boundary event, towards the hearing;
    // after the first review's hearing the case may go on to the notice, after the objection's it ends
    assertThat(viaCall).contains("firstReview", "expertReview", "handleObjection", "falseMaterialsHearing")
        .doesNotContain("objectionFalseMaterialsHearing");
  }
}
