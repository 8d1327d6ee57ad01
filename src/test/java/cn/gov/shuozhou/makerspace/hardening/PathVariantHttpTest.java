package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * No spelling of a path routes around a guard (issue 12, reproduction 7): every guarded endpoint,
 * asked with a matrix parameter, a double or encoded slash, a backslash, a trailing slash, another
 * case, {@code ..} or {@code /./}, is refused with 400 before any guard or resource sees it
 * (security/CanonicalPathFilter); the canonical path still reaches its guard.
 */
class PathVariantHttpTest extends HardeningHttpTest {

  /** A task query whose or-part carries an expression that evaluates harmlessly when not refused. */
  private static final String OR_EXPRESSION_QUERY = "{\"orQueries\":[{\"dueAfterExpression\":\"${dateTime().toDate()}\"}]}";

  /**
   * The spellings of {@code canonical} (a path such as {@code /engine-rest/task/count}, whose first
   * segment is the API's prefix) that a guard comparing strings would not recognise.
   */
  static List<String> variants(String canonical, String prefix) {
    String rest = canonical.substring(prefix.length()); // "/task/count"
    int lastSlash = rest.lastIndexOf('/');
    String head = rest.substring(0, lastSlash);
    String tail = rest.substring(lastSlash + 1);
    String firstSegment = rest.substring(1).split("/")[0];
    List<String> variants = new ArrayList<>(List.of(
        canonical + ";x",
        prefix + "/" + firstSegment + ";x" + rest.substring(1 + firstSegment.length()),
        prefix + "/" + rest,
        prefix + head + "//" + tail,
        prefix + head + "%2F" + tail,
        prefix + head + "%2f" + tail,
        prefix + head + "%5C" + tail,
        prefix + head + "%5c" + tail,
        canonical + "/",
        prefix.toUpperCase(Locale.ROOT) + rest,
        prefix + "/x/.." + rest,
        prefix + "/x/%2e%2e" + rest,
        prefix + "/." + rest,
        prefix + "/%2e" + rest,
        prefix + "/%3b" + rest));
    if (!tail.equals(tail.toUpperCase(Locale.ROOT))) {
      variants.add(prefix + head + "/" + tail.toUpperCase(Locale.ROOT));
    }
    return variants;
  }

  @Test
  void theOrQueryExpressionGuardCannotBeBypassedByAnySpellingOfTheTaskQuery() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      assertThat(post(path, OR_EXPRESSION_QUERY).statusCode()).as("canonical %s", path).isEqualTo(400);
      for (String variant : variants(path, ENGINE_REST)) {
        HttpResponse<String> r = post(variant, OR_EXPRESSION_QUERY);
        assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
      }
    }
    WebappSession tasklist = portalSession("operator1");
    for (String path : List.of(TASKLIST_ENGINE + "/task", TASKLIST_ENGINE + "/task/count")) {
      for (String variant : variants(path, TASKLIST_ENGINE)) {
        HttpResponse<String> r = tasklist.post(variant, OR_EXPRESSION_QUERY);
        assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
      }
    }
  }

  @Test
  void theMatrixParameterThatBypassedTheExpressionGuardOnMainIsRefusedInChinese() {
    for (String path : List.of("/engine-rest/task/count;x", "/engine-rest/task;x")) {
      HttpResponse<String> r = post(path, OR_EXPRESSION_QUERY);
      assertThat(r.statusCode()).as("%s: %s", path, abbreviate(r.body())).isEqualTo(400);
      assertThat(refusalText(r)).containsPattern(CHINESE).contains("path");
    }
  }

  @Test
  void everyNonCanonicalSpellingIsRefusedWithAChineseMessageNamingThePath() {
    for (String variant : variants("/engine-rest/task/count", ENGINE_REST)) {
      HttpResponse<String> r = post(variant, "{}");
      if (variant.contains("%2F") || variant.contains("%2f") || variant.contains("%5C") || variant.contains("%5c")) {
        // Tomcat itself refuses an encoded slash or backslash before any filter runs
        assertThat(r.statusCode()).as(variant).isEqualTo(400);
        continue;
      }
      if (variant.endsWith("/COUNT")) {
        // a segment in another case names no resource of the engine's REST API (or not one of the role's)
        assertThat(r.statusCode()).as(variant).isIn(400, 403, 404, 405);
        continue;
      }
      assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isEqualTo(400);
      assertThat(refusalText(r)).as(variant).containsPattern(CHINESE).contains("path");
    }
    for (String variant : variants("/api/rules/first-review-routing", "/api")) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(variant)).header("Authorization", basic("ruleadmin1"))
          .header("Accept", "application/json").GET());
      assertThat(r.statusCode()).as(variant).isIn(400, 404);
    }
    // the canonical spellings still work
    assertThat(post("/engine-rest/task/count", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void anAuditorCannotWriteThroughAnotherSpellingOfTheWrite() {
    ProcessInstance pi = fixtures.apply("shuocheng");
    String canonical = ENGINE_REST + "/process-instance/" + pi.getId() + "/suspended";
    for (String variant : variants(canonical, ENGINE_REST)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(variant)).header("Authorization", basic("auditor1"))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": true}", StandardCharsets.UTF_8)));
      assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().isSuspended()).isFalse();

    // the same in Cockpit, through the webapps' engine API
    WebappSession cockpit = webapp();
    assertThat(cockpit.login("auditor1", "cockpit").statusCode()).isEqualTo(200);
    Object area = engine.getRuntimeService().getVariable(pi.getId(), "totalArea");
    String variables = TASKLIST_ENGINE + "/process-instance/" + pi.getId() + "/variables";
    for (String variant : variants(variables, TASKLIST_ENGINE)) {
      HttpResponse<String> r = cockpit.post(variant, "{\"modifications\": {\"totalArea\": {\"value\": 99999, \"type\": \"Double\"}}}");
      assertThat(r.statusCode()).as("%s: %s", variant, abbreviate(r.body())).isIn(400, 403, 404, 405);
    }
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "totalArea")).isEqualTo(area);
  }

  @Test
  void onlyTheAdminStartPagesOptionsOfTheUserGroupAndTenantListsMayEndWithASlash() throws Exception {
    WebappSession admin = webapp();
    assertThat(admin.login("admin", "admin").statusCode()).isEqualTo(200);
    for (String list : List.of("user", "group", "tenant")) {
      String path = "/camunda/api/engine/engine/default/" + list + "/";
      HttpResponse<String> options = admin.options(path);
      assertThat(options.statusCode()).as("%s: %s", path, abbreviate(options.body())).isEqualTo(200);
      assertThat(options.body()).as(path).contains("\"links\"", "\"create\"");
      assertThat(admin.get(path).statusCode()).as("GET " + path).isEqualTo(400);
    }
    assertThat(admin.options("/camunda/api/engine/engine/default/task/").statusCode()).isEqualTo(400);
    assertThat(admin.options("/camunda/api/engine/engine/default/user//").statusCode()).isEqualTo(400);
  }

  /**
   * Cockpit's 挂起 and 激活 dialogs PUT the suspension state with a trailing slash
   * ({@code engine://engine/:engine/process-definition/{id}/suspended/}, the same for a process instance
   * and a job definition): those three answer as without it, the guards behind still decide, and
   * nothing near them may end with a slash.
   */
  @Test
  void cockpitsSuspensionCallsMayEndWithASlashAndMeetTheSameGuards() {
    ProcessInstance pi = fixtures.apply("shuocheng");
    String definitionId = pi.getProcessDefinitionId();
    String jobDefinitionId = engine.getManagementService().createJobDefinitionQuery()
        .processDefinitionId(definitionId).list().get(0).getId();
    String instance = TASKLIST_ENGINE + "/process-instance/" + pi.getId() + "/suspended/";
    String definition = TASKLIST_ENGINE + "/process-definition/" + definitionId + "/suspended/";
    String jobDefinition = TASKLIST_ENGINE + "/job-definition/" + jobDefinitionId + "/suspended/";
    WebappSession admin = webapp();
    assertThat(admin.login("admin", "cockpit").statusCode()).isEqualTo(200);
    try {
      HttpResponse<String> r = admin.put(instance, "{\"suspended\": true}");
      assertThat(r.statusCode()).as("%s: %s", instance, abbreviate(r.body())).isEqualTo(204);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
          .singleResult().isSuspended()).isTrue();
      assertThat(admin.put(instance, "{\"suspended\": false}").statusCode()).isEqualTo(204);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
          .singleResult().isSuspended()).isFalse();

      r = admin.put(definition, "{\"suspended\": true, \"includeProcessInstances\": false, \"executionDate\": null}");
      assertThat(r.statusCode()).as("%s: %s", definition, abbreviate(r.body())).isEqualTo(204);
      assertThat(engine.getRepositoryService().getProcessDefinition(definitionId).isSuspended()).isTrue();
      assertThat(admin.put(definition, "{\"suspended\": false, \"includeProcessInstances\": false}")
          .statusCode()).isEqualTo(204);
      assertThat(engine.getRepositoryService().getProcessDefinition(definitionId).isSuspended()).isFalse();

      r = admin.put(jobDefinition, "{\"suspended\": true, \"includeJobs\": false, \"executionDate\": null}");
      assertThat(r.statusCode()).as("%s: %s", jobDefinition, abbreviate(r.body())).isEqualTo(204);
      assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(jobDefinitionId)
          .singleResult().isSuspended()).isTrue();
      assertThat(admin.put(jobDefinition, "{\"suspended\": false, \"includeJobs\": false}").statusCode())
          .isEqualTo(204);
    } finally {
      engine.getRepositoryService().activateProcessDefinitionById(definitionId);
      engine.getManagementService().activateJobDefinitionById(jobDefinitionId);
      engine.getRuntimeService().activateProcessInstanceById(pi.getId());
    }

    // only those PUTs: not another method, another resource, more segments, two slashes, nor /engine-rest
    assertThat(admin.get(instance).statusCode()).as("GET " + instance).isEqualTo(400);
    assertThat(admin.post(instance, "{}").statusCode()).as("POST " + instance).isEqualTo(400);
    for (String path : List.of(TASKLIST_ENGINE + "/process-instance/" + pi.getId() + "/variables/",
        TASKLIST_ENGINE + "/process-instance/" + pi.getId() + "/suspended//",
        TASKLIST_ENGINE + "/process-instance/" + pi.getId() + "/x/suspended/",
        TASKLIST_ENGINE + "/process-instance/suspended/",
        TASKLIST_ENGINE + "/external-task/" + pi.getId() + "/suspended/",
        "/camunda/api/cockpit/process-instance/" + pi.getId() + "/suspended/")) {
      HttpResponse<String> r = admin.put(path, "{\"suspended\": true}");
      assertThat(r.statusCode()).as("%s: %s", path, abbreviate(r.body())).isEqualTo(400);
    }
    HttpResponse<String> rest = send(HttpRequest.newBuilder(uri(ENGINE_REST + "/process-instance/" + pi.getId() + "/suspended/"))
        .header("Authorization", basic("admin")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": true}", StandardCharsets.UTF_8)));
    assertThat(rest.statusCode()).as(abbreviate(rest.body())).isEqualTo(400);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().isSuspended()).isFalse();

    // the auditor is refused for what the call does, in Chinese, not for its spelling
    WebappSession auditor = webapp();
    assertThat(auditor.login("auditor1", "cockpit").statusCode()).isEqualTo(200);
    for (String path : List.of(instance, definition, jobDefinition)) {
      HttpResponse<String> r = auditor.put(path, "{\"suspended\": true}");
      assertThat(r.statusCode()).as("%s: %s", path, abbreviate(r.body())).isEqualTo(403);
      assertThat(refusalText(r)).as(path).containsPattern(CHINESE).doesNotContain("path");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().isSuspended()).isFalse();
    assertThat(engine.getRepositoryService().getProcessDefinition(definitionId).isSuspended()).isFalse();
  }

  @Test
  void theAdminSetupCannotBeReachedThroughAnotherSpelling() {
    String user = "{\"profile\":{\"id\":\"pathintruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
        + "\"credentials\":{\"password\":\"Intruder-2026\"}}";
    for (String variant : variants("/camunda/api/admin/setup/default/user/create", "/camunda/api")) {
      HttpResponse<String> r = webapp().post(variant, user);
      assertThat(r.statusCode()).as(variant).isIn(400, 403, 404);
    }
    assertThat(engine.getIdentityService().createUserQuery().userId("pathintruder").count()).isZero();
  }

  private HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic("operator1"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }
}
