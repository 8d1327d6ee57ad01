package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTOR_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTOR_PHONE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RECOMMEND;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SCORE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_BUREAU_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
    // organisation accounts sign in only as the portal does (welcome app), never to Tasklist or Cockpit
    boolean organisation = user.startsWith("operator");
    WebappSession webapp = webapp();
    assertThat(webapp.login(user, "auditor1".equals(user) ? "cockpit" : organisation ? "welcome" : "tasklist").statusCode())
        .isEqualTo(200);
    HttpResponse<String> r = webapp.get(TASKLIST_ENGINE + "/history/variable-instance" + q);
    assertThat(r.statusCode()).isEqualTo(organisation ? 403 : 200);
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
    String phone = "13800001111"; // CertificationDriver.object
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
    for (String user : List.of("pinglu1", "expert4", "leader1")) {
      assertThat(casesInHistory(user)).as(user).isZero();
    }
    for (String user : List.of("operator1", "operator2")) { // the portal shows them their cases; the history API not at all
      assertThat(rest(user).get("/history/process-instance?processInstanceId=" + processInstanceId).statusCode()).as(user)
          .isEqualTo(403);
    }
    review("expert1", 80.0);
    review("expert3", 90.0);
    assertThat(casesInHistory("leader1")).as("leader1 at 局务会研究决定").isEqualTo(1);
  }

  /**
   * Counts and pages of variable instances agree with what the reader sees: before issue 12's last
   * gaps were closed, {@code /count} counted the hidden votes and a page held fewer rows than asked.
   */
  @Test
  void countsAndPagesOfVariablesHoldOnlyWhatTheReaderSees() {
    // expert1's review is open, expert2's vote is stored
    List<Rows> seen = visibleRows("expert1", processInstanceId);
    assertThat(String.join("\n", seen.stream().map(Rows::bodies).toList())).doesNotContain(secretOf.get("expert2"));
    Rows all = history("admin", processInstanceId);
    assertThat(seen.get(0).ids()).as("expert1 reads fewer rows than the administrator").hasSizeLessThan(all.ids().size())
        .isSubsetOf(all.ids());

    review("expert1", 80.0);
    review("expert3", 90.0);
    fixtures.task(processInstanceId, TASK_BUREAU_DECISION, null); // the panel is done
    all = history("admin", processInstanceId);
    for (String user : List.of("city1", "leader1", "auditor1")) {
      List<Rows> after = visibleRows(user, processInstanceId);
      assertThat(after.get(0).ids()).as(user).isEqualTo(all.ids());
      assertThat(after.get(0).bodies()).as(user).contains(secretOf.values());
    }
    List<Rows> expert = visibleRows("expert2", processInstanceId);
    assertThat(expert.get(0).ids()).hasSizeLessThan(all.ids().size());
    assertThat(String.join("\n", expert.stream().map(Rows::bodies).toList()))
        .contains(secretOf.get("expert2")).doesNotContain(secretOf.get("expert1"), secretOf.get("expert3"));
  }

  @Test
  void countsAndPagesOfVariablesHoldNoObjectorForOthers() {
    String pi = fixtures.waitingAt(TASK_HANDLE_OBJECTION, "shuocheng").getProcessInstanceId();
    Rows all = history("admin", pi);
    assertThat(all.names()).contains(OBJECTOR_NAME, OBJECTOR_PHONE);
    for (String user : List.of("city1", "auditor1")) {
      assertThat(visibleRows(user, pi).get(0).ids()).as(user).isEqualTo(all.ids());
    }
    for (String user : List.of("shuocheng1", "leader1", "expert1")) {
      for (Rows rows : visibleRows(user, pi)) {
        assertThat(rows.names()).as(user).doesNotContain(OBJECTOR_NAME, OBJECTOR_PHONE);
      }
    }
  }

  /**
   * Pages per list: enough that hidden rows fall inside pages and between them, few enough that a
   * list of a hundred rows is not a hundred reads (each waits ~50 ms or more on H2's checked query).
   */
  private static final int PAGES = 4;

  /** The rows of one query as seen by one reader, checked to agree between list, count and pages. */
  private record Rows(List<String> ids, List<String> names, String bodies) {}

  /**
   * The history's and the runtime's variable instances and the history's details of a case as
   * {@code user} reads them over {@code /engine-rest} and the webapps' engine API (history first);
   * for each, the full list, its {@code /count} and its pages agree (a path outside the
   * role's allow-list: 403, no rows).
   */
  private List<Rows> visibleRows(String user, String processInstanceId) {
    WebappSession webapp = webapp();
    assertThat(webapp.login(user, "auditor1".equals(user) ? "cockpit" : "tasklist").statusCode()).isEqualTo(200);
    List<Supplier<Rows>> reads = new ArrayList<>();
    for (Function<String, HttpResponse<String>> door : List.<Function<String, HttpResponse<String>>>of(
        path -> rest(user).get(path), path -> webapp.get(TASKLIST_ENGINE + path))) {
      reads.add(() -> agreeing(user, door, "/history/variable-instance", "processInstanceId=" + processInstanceId));
      reads.add(() -> agreeing(user, door, "/variable-instance", "processInstanceIdIn=" + processInstanceId));
      reads.add(() -> agreeing(user, door, "/history/detail", "processInstanceId=" + processInstanceId));
    }
    // Each read is a few GETs that wait on one query each (H2's history queries with the
    // authorization check: ~50 ms): the six run two at a time, in their order in the result.
    return reads.parallelStream().map(Supplier::get).toList();
  }

  private Rows history(String user, String processInstanceId) {
    return agreeing(user, path -> rest(user).get(path), "/history/variable-instance", "processInstanceId=" + processInstanceId);
  }

  private static Rows agreeing(String user, Function<String, HttpResponse<String>> door, String path, String filter) {
    String q = "?" + filter + "&deserializeValues=false";
    HttpResponse<String> list = door.apply(path + q);
    HttpResponse<String> count = door.apply(path + "/count" + q);
    if (list.statusCode() == 403) { // not in the role's /engine-rest allow-list
      assertThat(count.statusCode()).isEqualTo(403);
      return new Rows(List.of(), List.of(), "");
    }
    assertThat(list.statusCode()).as("%s %s: %s", user, path, abbreviate(list.body())).isEqualTo(200);
    List<String> ids = field(json(list.body()), "id");
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(json(count.body()).get("count").asInt()).as("%s %s/count", user, path).isEqualTo(ids.size());
    List<String> paged = new ArrayList<>();
    int size = Math.max(2, (ids.size() + PAGES - 1) / PAGES);
    for (int first = 0; first <= ids.size(); first += size) {
      HttpResponse<String> page = door.apply(path + q + "&firstResult=" + first + "&maxResults=" + size);
      List<String> pageIds = field(json(page.body()), "id");
      assertThat(pageIds).as("%s %s page at %d", user, path, first).hasSize(Math.min(size, ids.size() - first));
      paged.addAll(pageIds);
    }
    assertThat(paged).as("%s %s: the pages make the list", user, path).isEqualTo(ids);
    List<String> names = new ArrayList<>(); // a detail names its variable or form field differently
    json(list.body()).forEach(row -> names.add(Stream.of("name", "variableName", "fieldId")
        .filter(row::hasNonNull).findFirst().map(key -> row.get(key).asText()).orElse("")));
    return new Rows(ids, names, list.body());
  }

  private static List<String> field(JsonNode rows, String name) {
    List<String> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.get(name).asText()));
    return values;
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
