package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Where in the models an evaluation of a rule still lies ahead (RunningCases), read from the shipped models. */
class RunningCasesTest {

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
    assertThat(ahead).contains("firstReview", "onSiteInspection", "expertReview", "bureauDecision");
  }

  @Test
  void thePolicyReadAtTheStartIsAheadOfNoWaitingStep() {
    Set<String> ahead = RunningCases.activitiesAhead(model("maker-space-certification"), "certification-policy",
        called -> false);
    assertThat(ahead).contains("loadPolicy").doesNotContain("firstReview", "onSiteInspection", "expertReview");
  }

  @Test
  void aCalledProcessThatEvaluatesTheRuleMakesItsCallAnEvaluation() {
    BpmnModelInstance supervision = model("maker-space-supervision");
    Set<String> none = RunningCases.activitiesAhead(supervision, "required-materials", called -> false);
    assertThat(none).isEmpty();
    Set<String> viaCall = RunningCases.activitiesAhead(supervision, "required-materials",
        "maker-space-sanction-hearing"::equals);
    assertThat(viaCall).contains("rectificationHearing", "sanctionHearing", "falseMaterialsHearing");
  }
}
