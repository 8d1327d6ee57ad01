package cn.gov.shuozhou.makerspace.rules;

import static cn.gov.shuozhou.makerspace.rules.RulesApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.MakerSpaceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Restarts keep an administrator's change, and a release with a changed packaged table does not
 * override it: three application starts one after the other on one file-based H2 database.
 *
 * <ol>
 *   <li>Release A: an administrator changes {@code article4-eligibility} and
 *       {@code certification-policy}.
 *   <li>Release B changes both packaged tables and {@code first-review-routing}: the administrator's
 *       versions stay active and conflicts are shown; the routing table (no administrator change)
 *       is deployed as a normal release. The administrator takes the packaged Art. 4 table and keeps
 *       their own policy table.
 *   <li>Release C (release B whose policy table is the administrator's own): nothing is deployed,
 *       no conflict.
 * </ol>
 */
class RuleRestartTest {

  private static final String ARTICLE4 = "article4-eligibility";
  private static final String POLICY = "certification-policy";
  private static final String ROUTING = "first-review-routing";

  @TempDir Path dir;

  @Test
  void aRestartKeepsTheChangeAndAChangedReleaseDoesNotOverrideIt() throws IOException {
    String database = "jdbc:h2:file:" + dir.resolve("db").resolve("makerspace").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE";
    Path releaseB = releaseB();
    int[] versions = new int[3];

    // ---- release A: the packaged tables as built; an administrator changes two rules.
    run(database, null, api -> {
      versions[0] = api.summary(ARTICLE4).get("activeVersion").asInt();
      versions[1] = api.summary(POLICY).get("activeVersion").asInt();
      versions[2] = api.summary(ROUTING).get("activeVersion").asInt();
      // both are statutory numbers (Art. 4, Art. 5): a second rule administrator approves them
      assertThat(api.activateApprovedBy("ruleadmin2", ARTICLE4, RuleFixtures.article4MinimumArea(300), "提高面积门槛")
          .statusCode()).isEqualTo(201);
      assertThat(api.activateApprovedBy("ruleadmin2", POLICY, policyWithPublicity(7), "公示期延长至7个工作日")
          .statusCode()).isEqualTo(201);
    });

    // ---- release B: changed packaged tables; the administrator's versions stay.
    run(database, releaseB, api -> {
      JsonNode article4 = api.summary(ARTICLE4);
      assertThat(article4.get("activeVersion").asInt()).isEqualTo(versions[0] + 1);
      assertThat(article4.get("source").asText()).isEqualTo("rule-admin");
      assertThat(article4.get("activatedBy").asText()).isEqualTo("ruleadmin2");
      assertThat(article4.get("conflict").asBoolean()).isTrue();
      JsonNode policy = api.summary(POLICY);
      assertThat(policy.get("activeVersion").asInt()).isEqualTo(versions[1] + 1);
      assertThat(policy.get("conflict").asBoolean()).isTrue();
      JsonNode routing = api.summary(ROUTING);
      assertThat(routing.get("activeVersion").asInt()).isEqualTo(versions[2] + 1);
      assertThat(routing.get("source").asText()).isEqualTo("release");
      assertThat(routing.get("conflict").asBoolean()).isFalse();
      assertThat(api.summary("expert-conclusion").get("conflict").asBoolean()).isFalse();

      JsonNode detail = api.getJson("/api/rules/" + ARTICLE4);
      assertThat(detail.get("conflict").get("message").asText()).contains("规则管理员").contains("发布");
      assertThat(detail.get("conflict").get("packagedChecksum").asText()).hasSize(64);
      assertThat(api.get("/api/rules/" + ARTICLE4 + "/xml").body()).contains("&lt; 300, null");

      // Every evaluation still uses the administrator's table.
      RulesApi admin = RulesApi.basic(api.port(), "admin");
      HttpResponse<String> evaluated = admin.postJson("/engine-rest/decision-definition/key/" + ARTICLE4 + "/evaluate",
          engineVariables(RuleFixtures.application(250.0)));
      assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
      assertThat(evaluated.body()).contains("AREA_BELOW_MINIMUM");

      HttpResponse<String> noReason = api.resolve(ARTICLE4, "take-packaged", "");
      assertThat(noReason.statusCode()).isEqualTo(400);
      assertThat(json(noReason).get("detail").asText()).isEqualTo("请填写变更原因（reason）");

      HttpResponse<String> taken = api.resolve(ARTICLE4, "take-packaged", "采用新发布的第四条决策表");
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
      assertThat(json(taken).get("version").asInt()).isEqualTo(versions[0] + 2);
      JsonNode afterTake = api.summary(ARTICLE4);
      assertThat(afterTake.get("conflict").asBoolean()).isFalse();
      assertThat(afterTake.get("source").asText()).isEqualTo("release");
      assertThat(afterTake.get("activatedBy").asText()).isEqualTo("ruleadmin1");
      assertThat(afterTake.get("reason").asText()).isEqualTo("采用新发布的第四条决策表");
      assertThat(api.get("/api/rules/" + ARTICLE4 + "/xml").body()).contains("发布B");

      HttpResponse<String> kept = api.resolve(POLICY, "keep-admin", "继续执行7个工作日公示期");
      assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
      JsonNode afterKeep = api.summary(POLICY);
      assertThat(afterKeep.get("conflict").asBoolean()).isFalse();
      assertThat(afterKeep.get("activeVersion").asInt()).isEqualTo(versions[1] + 1);
      assertThat(afterKeep.get("source").asText()).isEqualTo("rule-admin");
      assertThat(api.resolve(POLICY, "keep-admin", "再次处理").statusCode()).isEqualTo(409);
    });

    // ---- release C = B, but shipping the administrator's policy table itself: nothing new, no conflict.
    Path releaseC = dir.resolve("release-c");
    Files.createDirectories(releaseC);
    for (String key : PackagedDecisions.KEYS) {
      Files.copy(releaseB.resolve(key + ".dmn"), releaseC.resolve(key + ".dmn"));
    }
    Files.writeString(releaseC.resolve(POLICY + ".dmn"), policyWithPublicity(7));
    run(database, releaseC, api -> {
      assertThat(api.summary(ARTICLE4).get("activeVersion").asInt()).isEqualTo(versions[0] + 2);
      assertThat(api.summary(POLICY).get("activeVersion").asInt()).isEqualTo(versions[1] + 1);
      assertThat(api.summary(ROUTING).get("activeVersion").asInt()).isEqualTo(versions[2] + 1);
      for (JsonNode rule : api.getJson("/api/rules")) {
        assertThat(rule.get("conflict").asBoolean()).as(rule.get("key").asText()).isFalse();
      }
    });
  }

  /** The repository's tables with three changed: Art. 4 and the policy (a text), the routing (a description). */
  private Path releaseB() throws IOException {
    Path folder = dir.resolve("release-b");
    Files.createDirectories(folder);
    for (String key : PackagedDecisions.KEYS) {
      String xml = PackagedDecisions.xml(key);
      String changed = switch (key) {
        case ARTICLE4 -> xml.replace("运营机构不独立（未填写视为不满足）", "运营机构不独立（未填写视为不满足，发布B）");
        case POLICY -> xml.replace("<description>现行政策参数</description>", "<description>现行政策参数（发布B）</description>");
        case ROUTING -> xml.replaceFirst("<description>", "<description>发布B：");
        default -> xml;
      };
      if (List.of(ARTICLE4, POLICY, ROUTING).contains(key)) { // the three this release changes
        assertThat(changed).as(key).isNotEqualTo(xml);
      }
      Files.writeString(folder.resolve(key + ".dmn"), changed);
    }
    return folder;
  }

  private static String policyWithPublicity(int days) {
    String xml = PackagedDecisions.xml(POLICY);
    String current = "<outputEntry id=\"rule-current-out-publicityWorkingDays\">\n          <text>5</text>";
    assertThat(xml).contains(current);
    return xml.replace(current, current.replace(">5<", ">" + days + "<"));
  }

  private static String engineVariables(java.util.Map<String, Object> values) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    values.forEach((name, value) -> {
      String type = value instanceof Double ? "Double" : value instanceof Integer ? "Integer"
          : value instanceof Boolean ? "Boolean" : "String";
      String literal = value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
      json.append('"').append(name).append("\":{\"value\":").append(literal).append(",\"type\":\"")
          .append(type).append("\"},");
    });
    json.setLength(json.length() - 1);
    return json.append("}}").toString();
  }

  /**
   * Starts the whole application on the database, runs {@code work} as ruleadmin1, stops it. The
   * settings are command-line arguments, which take precedence over application.yaml.
   */
  private static void run(String database, Path packagedFolder, Consumer<RulesApi> work) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.main.banner-mode=off"));
    if (packagedFolder != null) {
      args.add("--makerspace.rules.packaged-location=file:" + packagedFolder.toAbsolutePath() + "/*.dmn");
    }
    CamundaStatics statics = CamundaStatics.save();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(MakerSpaceApplication.class).run(args.toArray(String[]::new))) {
      Environment environment = context.getEnvironment();
      assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database);
      ProcessEngines.registerProcessEngine(context.getBean(ProcessEngine.class));
      int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
      work.accept(RulesApi.basic(port, "ruleadmin1"));
    } finally {
      statics.restore(); // for the cached Spring test contexts of other test classes
    }
  }
}
