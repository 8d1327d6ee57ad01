package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.Applications;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reproductions 1–4 of issue 12 ("Integrity"), each through the door it was found at, as the
 * user who found it. On the main branch before DeclaredFieldsGuard every one of them was accepted.
 */
class IntegrityReproductionHttpTest extends HardeningHttpTest {

  private static final Map<String, Object> INJECTED = Map.of(SCORE, 100, RECOMMEND, true, EXPERT_PASSED, true,
      OUTCOME, "CERTIFIED", CERTIFICATE_NUMBER, "SZZC-2099-001");

  @Autowired
  CertificateRegistry certificates;

  private RuntimeService runtime;

  @BeforeEach
  void services() {
    runtime = engine.getRuntimeService();
  }

  /** 1. Computed variables and a 10 MB JSON variable at the start: engine start, submit-form, /api/applications. */
  @Test
  void anApplicantCannotStartWithTheVariablesTheProcessComputes() {
    Snapshot before = snapshot();
    Map<String, Object> application = Applications.valid("shuocheng");
    ObjectNode variables = (ObjectNode) json(engineVariables(application)).get("variables");
    INJECTED.forEach((name, value) -> variables.set(name, typed(JSON.valueToTree(value))));
    ObjectNode body = JSON.createObjectNode().set("variables", variables);

    for (String path : List.of(START_PATH, "/process-definition/key/" + KEY + "/submit-form")) {
      HttpResponse<String> started = rest("operator1").post(path, body.toString());
      assertThat(started.statusCode()).as(abbreviate(started.body())).isEqualTo(400);
      assertThat(refusalText(started)).contains(SCORE, RECOMMEND, EXPERT_PASSED, OUTCOME, CERTIFICATE_NUMBER);
    }
    ObjectNode api = JSON.valueToTree(application);
    INJECTED.forEach((name, value) -> api.set(name, JSON.valueToTree(value)));
    HttpResponse<String> filed = apiApply("operator1", api.toString());
    assertThat(filed.statusCode()).as(abbreviate(filed.body())).isEqualTo(400);
    assertThat(refusalText(filed)).contains(SCORE, RECOMMEND, EXPERT_PASSED, OUTCOME, CERTIFICATE_NUMBER);

    ObjectNode junk = ((ObjectNode) json(engineVariables(application)).get("variables")).deepCopy();
    junk.set("junk", JSON.createObjectNode().put("type", "Json").put("value", "[\"" + "x".repeat(10 << 20) + "\"]"));
    HttpResponse<String> big = rest("operator1").post(START_PATH, JSON.createObjectNode().set("variables", junk).toString());
    assertThat(big.statusCode()).as(abbreviate(big.body())).isEqualTo(400);
    assertThat(refusalText(big)).contains("junk");

    assertThat(snapshot()).as("nothing started, stored or reserved").isEqualTo(before);
  }

  /** 2. The applicant's own supplement task cannot carry a policy (validity 99 years, no ban, no notice). */
  @Test
  void anApplicantCannotRewriteThePolicyInTheSupplementTask() {
    Task supplement = fixtures.waitingAt(TASK_SUPPLEMENT, "shuocheng");
    String policyBefore = runtime.getVariableTyped(supplement.getProcessInstanceId(), POLICY, false).toString();
    ObjectNode variables = (ObjectNode) json(engineVariables(Map.of(WITHDRAWN, false))).get("variables");
    variables.set(POLICY, JSON.createObjectNode().put("type", "Json")
        .put("value", "{\"validityYears\":99,\"banYears\":0,\"publicityWorkingDays\":0}"));

    HttpResponse<String> r = rest("operator1").post("/task/" + supplement.getId() + "/complete",
        JSON.createObjectNode().set("variables", variables).toString());

    assertThat(r.statusCode()).as(abbreviate(r.body())).isEqualTo(400);
    assertThat(refusalText(r)).contains(POLICY).containsPattern(CHINESE);
    assertThat(runtime.getVariableTyped(supplement.getProcessInstanceId(), POLICY, false).toString()).isEqualTo(policyBefore);
    assertThat(engine.getTaskService().createTaskQuery().taskId(supplement.getId()).count()).isOne();
  }

  /** 3. The city bureau cannot overrule decision annual-assessment with its own grade and score. */
  @Test
  void theCityBureauCannotGradeAReportItself() {
    Task assessment = new SupervisionFixtures(engine, certificates, fixtures).assessmentOfAnUnqualifiedReport();
    String pi = assessment.getProcessInstanceId();
    assertThat(runtime.getVariable(pi, SupervisionProcess.ASSESSMENT_GRADE)).isEqualTo("unqualified");
    Object score = runtime.getVariable(pi, SupervisionProcess.ASSESSMENT_SCORE);

    HttpResponse<String> r = rest("city1").post("/task/" + assessment.getId() + "/complete",
        engineVariables(Map.of(SupervisionProcess.REPORT_CONFIRMED, true,
            SupervisionProcess.ASSESSMENT_GRADE, "excellent", SupervisionProcess.ASSESSMENT_SCORE, 99)));

    assertThat(r.statusCode()).as(abbreviate(r.body())).isEqualTo(400);
    assertThat(refusalText(r)).contains(SupervisionProcess.ASSESSMENT_GRADE, SupervisionProcess.ASSESSMENT_SCORE);
    assertThat(runtime.getVariable(pi, SupervisionProcess.ASSESSMENT_GRADE)).isEqualTo("unqualified");
    assertThat(runtime.getVariable(pi, SupervisionProcess.ASSESSMENT_SCORE)).isEqualTo(score);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assessment.getId()).count()).isOne();
  }

  /** 4. resolve is a door like complete: declared values cannot be changed through it. */
  @Test
  void theCountyCannotRewriteTheApplicationThroughResolve() {
    Task review = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    String pi = review.getProcessInstanceId();
    Map<String, Object> before = runtime.getVariables(pi, List.of(TOTAL_AREA, CREDIT_CODE, APPLICANT));

    HttpResponse<String> r = rest("shuocheng1").post("/task/" + review.getId() + "/resolve",
        engineVariables(Map.of(TOTAL_AREA, 1.0, CREDIT_CODE, "NOT-A-CODE", APPLICANT, "pinglu1")));

    assertThat(r.statusCode()).as(abbreviate(r.body())).isEqualTo(400);
    // security/DelegationGuard: only a pending delegation is handed back, and never with values
    assertThat(refusalText(r)).contains("没有被委派").contains(TOTAL_AREA, CREDIT_CODE, APPLICANT);
    assertThat(runtime.getVariables(pi, List.of(TOTAL_AREA, CREDIT_CODE, APPLICANT))).isEqualTo(before);
  }
}
