package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allow-list of the engine's API per role (security/EngineRestAllowList), on {@code /engine-rest}
 * and on the webapps' own engine API ({@code /camunda/api/engine/engine/default}, what Tasklist,
 * Cockpit and Admin call): what a role's work needs answers as the engine decides, everything else
 * 403 with a Chinese message, whatever engine-name prefix or spelling the path takes.
 */
class EngineRestAllowListHttpTest extends HardeningHttpTest {

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
      // applicants: their tasks, the application's start form, their own profile; nothing of Tasklist
      // (filters, other forms, history: they work on 我的申请); no deployments, users, instances, jobs
      "operator1, GET, /task, 200",
      "operator1, GET, /process-definition/key/maker-space-certification/deployed-start-form, 200",
      "operator1, GET, /process-definition/key/maker-space-certification/form-variables, 403",
      "operator1, GET, /filter, 403",
      "operator1, GET, /history/task, 403",
      "operator1, GET, /history/process-instance, 403",
      "operator1, GET, /user/operator1/profile, 200",
      "operator1, GET, /user/operator2/profile, 403",
      "operator1, GET, /deployment, 403",
      "operator1, GET, /user, 403",
      "operator1, GET, /process-instance, 403",
      "operator1, GET, /job, 403",
      "operator1, GET, /engine/default/deployment, 403",
      "operator1, GET, /decision-definition, 403",
      // reviewers and experts: their tasks and the history of their work
      "expert1, GET, /history/process-instance, 200",
      "expert1, GET, /history/variable-instance, 200",
      "expert1, GET, /filter, 200",
      "expert1, GET, /job, 403",
      "expert1, GET, /execution, 403",
      "expert1, GET, /incident, 403",
      "shuocheng1, GET, /authorization, 403",
      "shuocheng1, GET, /group, 403",
      "leader1, GET, /batch, 403",
      // rule administrators: decisions only
      "ruleadmin1, GET, /decision-definition, 200",
      "ruleadmin1, GET, /decision-requirements-definition, 200",
      "ruleadmin1, GET, /process-instance, 403",
      "ruleadmin1, GET, /history/process-instance, 403",
      "ruleadmin1, GET, /deployment, 403",
      // the city bureau and the auditors read everything the engine lets them read
      "city1, GET, /process-instance, 200",
      "city1, GET, /job, 200",
      "auditor1, GET, /job, 200",
      "auditor1, GET, /history/user-operation, 200",
      "auditor1, GET, /engine/default/history/process-instance, 200",
      // administrators: everything
      "admin, GET, /deployment, 200",
      "admin, GET, /job, 200"})
  void eachRoleReachesWhatItsWorkNeedsAndNothingElse(String user, String method, String path, int expected) {
    HttpResponse<String> r = rest(user).get(path);
    assertThat(r.statusCode()).as("%s %s %s: %s", user, method, path, abbreviate(r.body())).isEqualTo(expected);
    if (expected == 403) {
      assertThat(refusalText(r)).containsPattern(CHINESE).contains(path);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "operator1, /deployment/create",
      "operator1, /message",
      "expert1, /message",
      "shuocheng1, /process-instance/delete",
      "ruleadmin1, /deployment/create",
      "auditor1, /message",
      "city1, /job/retries",
      "city1, /process-instance/job-retries"})
  void writesOutsideTheRoleAreRefusedBeforeTheEngineSeesThem(String user, String path) {
    HttpResponse<String> r = rest(user).post(path, "{}");
    assertThat(r.statusCode()).as("%s %s: %s", user, path, abbreviate(r.body())).isEqualTo(403);
    assertThat(refusalText(r)).containsPattern(CHINESE);
  }

  @org.junit.jupiter.api.Test
  void aSignedInUserWithoutAnyGroupListsTheirTasksAndNothingElse() {
    String id = "nogroupprobe";
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User probe = engine.getIdentityService().newUser(id);
      probe.setPassword(id);
      engine.getIdentityService().saveUser(probe);
    }
    try {
      assertThat(rest(id).get("/task").statusCode()).isEqualTo(200);
      assertThat(rest(id).get("/user/" + id + "/profile").statusCode()).isEqualTo(200);
      assertThat(rest(id).get("/process-definition").statusCode()).isEqualTo(403);
      assertThat(rest(id).get("/history/process-instance").statusCode()).isEqualTo(403);
    } finally {
      engine.getIdentityService().deleteUser(id);
    }
  }

  @org.junit.jupiter.api.Test
  void anotherSpellingOfARefusedPathIsRefusedToo() {
    for (String variant : PathVariantHttpTest.variants(ENGINE_REST + "/deployment/count", ENGINE_REST)) {
      HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(uri(variant))
          .header("Authorization", basic("operator1")).header("Accept", "application/json").GET());
      assertThat(r.statusCode()).as(variant).isIn(400, 403, 404, 405);
    }
  }

  @ParameterizedTest(name = "webapps {0} {1} → {2}")
  @CsvSource({
      "operator1, /task, 200",
      "operator1, /process-definition/key/maker-space-certification/deployed-start-form, 200",
      "operator1, /process-definition/key/maker-space-certification/form-variables, 403",
      "operator1, /filter, 403",
      "operator1, /history/task, 403",
      "operator1, /user/operator1/profile, 200",
      "operator1, /user/operator2/profile, 403",
      "operator1, /deployment, 403",
      "operator1, /user, 403",
      "operator1, /process-instance, 403",
      "operator1, /job, 403",
      "operator1, /decision-definition, 403",
      "expert1, /history/process-instance, 200",
      "expert1, /job, 403",
      "expert1, /incident, 403",
      "shuocheng1, /authorization, 403",
      "ruleadmin1, /decision-definition, 200",
      "ruleadmin1, /process-instance, 403",
      "city1, /process-instance, 200",
      "city1, /job, 200",
      "auditor1, /job, 200",
      "admin, /deployment, 200",
      "admin, /user, 200"})
  void theWebappsEngineApiKeepsEachRoleToTheSameList(String user, String path, int expected) {
    HttpResponse<String> r = signedIn(user).get(TASKLIST_ENGINE + path);
    assertThat(r.statusCode()).as("%s GET %s: %s", user, path, abbreviate(r.body())).isEqualTo(expected);
    if (expected == 403) {
      assertThat(refusalText(r)).containsPattern(CHINESE).contains(path).contains("/camunda/api/engine");
    }
  }

  @ParameterizedTest(name = "webapps {0} POST {1}")
  @CsvSource({
      "operator1, /message",
      "operator1, /deployment/create",
      "expert1, /message",
      "shuocheng1, /process-instance/delete",
      "city1, /job/retries",
      "city1, /process-instance/job-retries"})
  void writesOutsideTheRoleAreRefusedOnTheWebappsEngineApiToo(String user, String path) {
    HttpResponse<String> r = signedIn(user).post(TASKLIST_ENGINE + path, "{}");
    assertThat(r.statusCode()).as("%s POST %s: %s", user, path, abbreviate(r.body())).isEqualTo(403);
    assertThat(refusalText(r)).containsPattern(CHINESE).contains(path);
  }

  @org.junit.jupiter.api.Test
  void theWebappsStillListTheEnginesBeforeAndAfterSignIn() {
    assertThat(webapp().get("/camunda/api/engine/engine/").statusCode()).isEqualTo(200);
    assertThat(signedIn("operator1").get("/camunda/api/engine/engine/").statusCode()).isEqualTo(200);
  }

  @org.junit.jupiter.api.Test
  void anotherSpellingOfARefusedWebappPathIsRefusedToo() {
    WebappSession operator = signedIn("operator1");
    assertThat(operator.get(TASKLIST_ENGINE + "/deployment/count").statusCode()).isEqualTo(403);
    for (String variant : PathVariantHttpTest.variants(TASKLIST_ENGINE + "/deployment/count", TASKLIST_ENGINE)) {
      HttpResponse<String> r = operator.get(variant);
      assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
    }
    for (String variant : PathVariantHttpTest.variants(TASKLIST_ENGINE + "/job/retries", TASKLIST_ENGINE)) {
      HttpResponse<String> r = signedIn("city1").post(variant, "{}");
      assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
    }
  }

  /** The welcome page shows every user their profile and groups and lets them edit their name. */
  @org.junit.jupiter.api.Test
  void theWelcomePagesProfileWorksForEveryUserAndOnlyForThemselves() {
    WebappSession operator = signedIn("operator1");
    assertThat(operator.get(TASKLIST_ENGINE + "/group/count?member=operator1").statusCode()).isEqualTo(200);
    assertThat(operator.get(TASKLIST_ENGINE + "/group?firstResult=0&maxResults=25&member=operator1").statusCode())
        .isEqualTo(200);
    String ownGroups = "{\"firstResult\":0,\"maxResults\":25,\"member\":\"operator1\"}";
    assertThat(operator.post(TASKLIST_ENGINE + "/group?maxResults=25&firstResult=0", ownGroups).statusCode())
        .isEqualTo(200);
    assertThat(operator.get(TASKLIST_ENGINE + "/identity/password-policy").statusCode()).isNotEqualTo(403);
    HttpResponse<String> profile = operator.get(TASKLIST_ENGINE + "/user/operator1/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(operator.put(TASKLIST_ENGINE + "/user/operator1/profile", profile.body()).statusCode()).isEqualTo(204);
    // another user's groups or profile, or a query naming someone else as well, stay closed
    for (String path : List.of("/group?member=operator2", "/group?member=operator1&member=operator2", "/group",
        "/group/count")) {
      HttpResponse<String> r = operator.get(TASKLIST_ENGINE + path);
      assertThat(r.statusCode()).as("%s: %s", path, abbreviate(r.body())).isEqualTo(403);
    }
    for (String body : List.of("{\"member\":\"operator2\"}", "{}", "{\"member\":[\"operator1\"]}", "[]")) {
      HttpResponse<String> r = operator.post(TASKLIST_ENGINE + "/group", body);
      assertThat(r.statusCode()).as("POST /group %s: %s", body, abbreviate(r.body())).isEqualTo(403);
    }
    assertThat(operator.put(TASKLIST_ENGINE + "/user/operator2/profile", profile.body()).statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("operator2").singleResult().getFirstName())
        .isEqualTo("运营机构");
    assertThat(rest("operator1").get("/group?member=operator1").statusCode()).isEqualTo(200);
    assertThat(rest("operator1").get("/group?member=operator2").statusCode()).isEqualTo(403);
    assertThat(rest("operator1").post("/group", ownGroups).statusCode()).isEqualTo(200);
    assertThat(rest("operator1").post("/group", "{\"member\":\"operator2\"}").statusCode()).isEqualTo(403);
  }

  /** A webapp session of a demo user; the welcome app is open to every user, whatever their apps. */
  private WebappSession signedIn(String user) {
    WebappSession session = webapp();
    assertThat(session.login(user, "welcome").statusCode()).as("login of %s", user).isEqualTo(200);
    return session;
  }
}
