package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Administration of organisation accounts: administrators disable and enable an account, and a
 * disabled account logs in nowhere (webapps, {@code /engine-rest}, {@code /api}) and loses a session
 * it already had; county bureaus see the accounts of their county, read-only; nobody else.
 */
class OrganisationAdministrationHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;

  @Test
  void aDisabledAccountLogsInNowhereUntilItIsEnabledAgain() throws Exception {
    String user = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    WebappSession session = webapp();
    assertThat(session.login(user, "welcome").statusCode()).isEqualTo(200);
    assertThat(session.get("/api/my/applications").statusCode()).isEqualTo(200);

    HttpResponse<String> withField = api("admin").post("/api/organisations/" + user + "/disable", "{\"reason\":\"违规\"}");
    assertThat(withField.statusCode()).isEqualTo(400);
    assertThat(withField.body()).contains("reason").contains("不接受");
    assertThat(api(user).get("/api/my/applications").statusCode()).as("nothing changed").isEqualTo(200);
    HttpResponse<String> byCounty = api("shuocheng1").post("/api/organisations/" + user + "/disable", "{}");
    assertThat(byCounty.statusCode()).isEqualTo(403);
    assertThat(byCounty.body()).contains("无权停用或启用机构账号");

    HttpResponse<String> disabled = api("admin").post("/api/organisations/" + user + "/disable", "{}");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.body()).contains("已停用");
    assertThat(account(api("admin").get("/api/organisations"), user).get("disabled").asBoolean()).isTrue();

    assertThat(api(user).get("/api/my/applications").statusCode()).as("/api, HTTP Basic").isEqualTo(401);
    assertThat(rest(user).get("/task").statusCode()).as("/engine-rest, HTTP Basic").isEqualTo(401);
    assertThat(webapp().login(user, "welcome").statusCode()).as("webapp login").isEqualTo(401);
    HttpResponse<String> before = session.get("/api/my/applications");
    assertThat(before.statusCode()).as("a session opened before").isEqualTo(403);
    assertThat(before.body()).contains("已被管理员停用");
    assertThat(engine.getIdentityService().createUserQuery().userId(user).memberOfGroup("operators").count())
        .as("no longer an operator").isZero();

    assertThat(api("admin").post("/api/organisations/" + user + "/enable", "").statusCode()).isEqualTo(200);
    assertThat(api(user).get("/api/my/applications").statusCode()).isEqualTo(200);
    assertThat(webapp().login(user, "welcome").statusCode()).isEqualTo(200);
    assertThat(account(api("admin").get("/api/organisations"), user).get("disabled").asBoolean()).isFalse();

    assertThat(api("admin").post("/api/organisations/nosuchaccount1/disable", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void twoDisablesOrEnablesAtOnceBothAnswerAndLeaveOneState() throws Exception {
    String user = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // a double click on 确认停用, or two administrators at once: several rounds, as a race shows only sometimes
      for (int round = 0; round < 5; round++) {
        for (String action : List.of("disable", "enable")) {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<HttpResponse<String>>> answers = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
              start.await();
              return api("admin").post("/api/organisations/" + user + "/" + action, "{}");
            }));
          }
          start.countDown();
          for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as("%s, round %d: %s", action, round, r.body()).isEqualTo(200);
          }
          assertThat(account(api("admin").get("/api/organisations"), user).get("disabled").asBoolean())
              .isEqualTo(action.equals("disable"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countyBureausSeeTheAccountsOfTheirCountyReadOnly() throws Exception {
    String shuocheng = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode()); // county shuocheng

    JsonNode county = JSON.readTree(api("shuocheng1").get("/api/organisations").body());
    assertThat(county.get("mayDisable").asBoolean()).isFalse();
    assertThat(counties(county)).containsOnly("shuocheng");
    assertThat(account(api("shuocheng1").get("/api/organisations"), shuocheng)).isNotNull();
    assertThat(account(api("shuocheng1").get("/api/organisations"), "operator2")).as("operator2 is in 应县").isNull();
    assertThat(account(api("yingxian1").get("/api/organisations"), "operator2")).isNotNull();
    assertThat(account(api("yingxian1").get("/api/organisations"), shuocheng)).isNull();
    JsonNode all = JSON.readTree(api("admin").get("/api/organisations").body());
    assertThat(all.get("mayDisable").asBoolean()).isTrue();
    assertThat(counties(all)).contains("shuocheng", "yingxian");

    for (String refused : List.of("operator1", "city1", "auditor1")) {
      HttpResponse<String> r = api(refused).get("/api/organisations");
      assertThat(r.statusCode()).as(refused).isEqualTo(403);
      assertThat(r.body()).contains("无权查看机构账号");
    }
    assertThat(api("admin").get("/api/organisations?county=yingxian").statusCode()).isEqualTo(400);
  }

  private static List<String> counties(JsonNode answer) {
    return StreamSupport.stream(answer.get("accounts").spliterator(), false)
        .map(a -> a.at("/organisation/county").asText()).distinct().toList();
  }

  private static JsonNode account(HttpResponse<String> response, String userId) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode account : JSON.readTree(response.body()).get("accounts")) {
      if (userId.equals(account.at("/organisation/userId").asText())) {
        return account;
      }
    }
    return null;
  }
}
