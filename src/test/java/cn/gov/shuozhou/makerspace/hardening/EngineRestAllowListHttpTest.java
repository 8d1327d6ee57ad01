package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allow-list of {@code /engine-rest} per role (security/EngineRestAllowList): what a role's
 * work needs answers as the engine decides, everything else 403 with a Chinese message, whatever
 * engine-name prefix or spelling the path takes.
 */
class EngineRestAllowListHttpTest extends HardeningHttpTest {

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
      // applicants: their tasks, start forms, their own profile; no deployments, users, instances, jobs
      "operator1, GET, /task, 200",
      "operator1, GET, /process-definition/key/maker-space-certification/form-variables, 200",
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
}
