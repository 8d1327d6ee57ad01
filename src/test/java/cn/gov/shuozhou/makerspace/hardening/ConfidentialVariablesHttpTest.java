package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RECOMMEND;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SCORE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_BUREAU_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expert votes are confidential until the panel has decided (issue 12, reproduction 6), and an
 * objector's identity is read only by the city bureau and the auditors: every read path of
 * variables, over {@code /engine-rest} and the webapps' engine API, as the real roles
 * (security/ConfidentialVariablesGuard; docs/security.md, "Visibility of variables").
 */
class ConfidentialVariablesHttpTest extends HardeningHttpTest {

  private String processInstanceId;
  private Map<String, String> secretOf;

  @BeforeEach
  void panelWithExpert2Done() {
    Task own = fixtures.waitingAt(TASK_EXPERT_REVIEW, "shuocheng");
    processInstanceId = own.getProcessInstanceId();
    String suffix = processInstanceId.substring(0, 8);
    secretOf = Map.of("expert1", "专家一保密意见" + suffix, "expert2", "专家二保密意见" + suffix,
        "expert3", "专家三保密意见" + suffix);
    review("expert2", 55.0);
  }

  /** The history, runtime and detail reads of the case as {@code user}, over both APIs. */
  private List<String> reads(String user) {
    return reads(user, processInstanceId);
  }

  private List<String> reads(String user, String processInstanceId) {
    String q = "?processInstanceId=" + processInstanceId + "&deserializeValues=false";
    List<String> bodies = new java.util.ArrayList<>();
    for (String path : List.of("/history/variable-instance" + q, "/history/detail" + q, "/variable-instance" + q)) {
      HttpResponse<String> r = rest(user).get(path);
      assertThat(r.statusCode()).as("%s %s: %s", user, path, abbreviate(r.body())).isIn(200, 403);
      bodies.add(r.body());
    }
    WebappSession webapp = webapp();
    assertThat(webapp.login(user, "auditor1".equals(user) ? "cockpit" : "tasklist").statusCode()).isEqualTo(200);
    HttpResponse<String> r = webapp.get(TASKLIST_ENGINE + "/history/variable-instance" + q);
    assertThat(r.statusCode()).isEqualTo(200);
    bodies.add(r.body());
    return bodies;
  }

  private String seenBy(String user) {
    return String.join("\n", reads(user));
  }

  @Test
  void anExpertWhoseReviewIsOpenReadsNoOtherExpertsVote() {
    String expert1 = seenBy("expert1");
    assertThat(expert1).doesNotContain(secretOf.get("expert2"));
    // nor through the variables of their own task or its form
    Task own = fixtures.task(processInstanceId, TASK_EXPERT_REVIEW, "expert1");
    for (String path : List.of("/task/" + own.getId() + "/variables", "/task/" + own.getId() + "/form-variables")) {
      HttpResponse<String> r = rest("expert1").get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).doesNotContain(secretOf.get("expert2"));
    }
    // expert2 reads their own vote, not the others' (which are still empty)
    assertThat(seenBy("expert2")).contains(secretOf.get("expert2"));
  }

  @Test
  void theOrganiserLeadersAndAuditorsReadNoVoteBeforeThePanelIsDone() {
    for (String user : List.of("city1", "auditor1", "leader1", "shuocheng1", "inspector1", "operator1")) {
      assertThat(seenBy(user)).as(user).doesNotContain(secretOf.get("expert2"));
    }
  }

  @Test
  void afterThePanelTheOrganiserLeadersAndAuditorsReadEveryVoteAndEachExpertOnlyTheirOwn() {
    review("expert1", 80.0);
    review("expert3", 90.0);
    fixtures.task(processInstanceId, TASK_BUREAU_DECISION, null); // the panel is done

    for (String user : List.of("city1", "auditor1", "leader1")) {
      String seen = seenBy(user);
      assertThat(seen).as(user).contains(secretOf.values());
    }
    for (String expert : List.of("expert1", "expert2", "expert3")) {
      String seen = seenBy(expert);
      assertThat(seen).as(expert).contains(secretOf.get(expert));
      secretOf.forEach((other, secret) -> {
        if (!other.equals(expert)) {
          assertThat(seen).as("%s reads %s's vote", expert, other).doesNotContain(secret);
        }
      });
    }
    for (String user : List.of("shuocheng1", "inspector1", "operator1")) {
      assertThat(seenBy(user)).as(user).doesNotContain(secretOf.get("expert1"));
    }
  }

  @Test
  void onlyTheCityBureauAndTheAuditorsReadWhoObjected() {
    Task objection = fixtures.waitingAt(TASK_HANDLE_OBJECTION, "shuocheng");
    String pi = objection.getProcessInstanceId();
    String phone = "13800001111"; // Fixtures.object
    for (String user : List.of("city1", "auditor1")) {
      assertThat(String.join("\n", reads(user, pi))).as(user).contains(phone);
    }
    for (String user : List.of("expert1", "leader1", "shuocheng1", "inspector1", "operator1")) {
      assertThat(String.join("\n", reads(user, pi))).as(user).doesNotContain(phone);
    }
    // the one who handles the objection reads it on the task too
    HttpResponse<String> own = rest("city1").get("/task/" + objection.getId() + "/variables");
    assertThat(own.body()).contains(phone);
  }

  @Test
  void reviewersReadTheHistoryOfTheCasesTheyWorkedOnOnly() {
    for (String user : List.of("shuocheng1", "inspector1", "inspector2", "expert1", "expert2", "city1", "auditor1")) {
      assertThat(casesInHistory(user)).as(user).isEqualTo(1);
    }
    for (String user : List.of("pinglu1", "expert4", "leader1", "operator1", "operator2")) {
      assertThat(casesInHistory(user)).as(user).isZero();
    }
    review("expert1", 80.0);
    review("expert3", 90.0);
    assertThat(casesInHistory("leader1")).as("leader1 at 局务会研究决定").isEqualTo(1);
  }

  private int casesInHistory(String user) {
    HttpResponse<String> r = rest(user).get("/history/process-instance?processInstanceId=" + processInstanceId);
    assertThat(r.statusCode()).as("%s: %s", user, abbreviate(r.body())).isEqualTo(200);
    return json(r.body()).size();
  }

  private void review(String expert, double score) {
    Task task = fixtures.task(processInstanceId, TASK_EXPERT_REVIEW, expert);
    engine.getTaskService().complete(task.getId(), Map.of(SCORE, score, RECOMMEND, score >= 60,
        COMMENT, secretOf.get(expert)));
  }
}
