package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Http;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12, reproduction 11: a stranger guessing passwords is slowed down on each of the three
 * password doors, and never locks the real user out. The source address comes from
 * {@code X-Forwarded-For} here (Tomcat's remote IP handling, trusted from 127.0.0.1), so that the
 * test can play several clients; the throttle runs with its default settings.
 */
@TestPropertySource(properties = {
    "server.forward-headers-strategy=native",
    "makerspace.login-throttle.account-free-failures=5",
    "makerspace.login-throttle.address-free-failures=20"
})
class LoginThrottleHttpTest extends AbstractHttpTest {

  private static final String USER = "city1";
  private static final String USER_ADDRESS = "198.51.100.9";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aStrangerCannotLockOutARealUserThroughAnyDoor() {
    String[] strangers = {"203.0.113.1", "203.0.113.2", "203.0.113.3"};
    for (int i = 0; i < 10; i++) {
      int free = 5 + 1; // the 6th failure is still checked, and starts the back-off
      int expected = i < free ? 401 : 429;
      assertThat(engineRest(strangers[0], USER, "wrong-" + i).statusCode()).as("engine-rest attempt %d", i)
          .isEqualTo(expected);
      assertThat(api(strangers[1], USER, "wrong-" + i).statusCode()).as("api attempt %d", i).isEqualTo(expected);
      assertThat(webappLogin(strangers[2], USER, "wrong-" + i).statusCode()).as("webapp attempt %d", i)
          .isEqualTo(expected);
    }

    // the real user, from their own address, is let in on every door
    assertThat(engineRest(USER_ADDRESS, USER, USER).statusCode()).isEqualTo(200);
    assertThat(api(USER_ADDRESS, USER, USER).statusCode()).isEqualTo(200);
    assertThat(webappLogin(USER_ADDRESS, USER, USER).statusCode()).isEqualTo(200);
    Map<String, Object> lock = jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", USER);
    assertThat(((Number) lock.get("ATTEMPTS_")).intValue()).isZero();

    // the stranger is held back even when he finally guesses right
    HttpResponse<String> throttled = engineRest(strangers[0], USER, USER);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(throttled.body()).contains("/problems/too-many-requests").contains("登录失败次数过多").contains("秒后再试");
  }

  @Test
  void theEngineNoLongerLocksAnAccountItself() {
    // guessing from many addresses passes the throttle; Camunda's own lockout must not lock the user either
    for (int i = 0; i < 15; i++) {
      assertThat(engineRest("192.0.2." + (i + 1), "shuocheng1", "wrong").statusCode()).isEqualTo(401);
    }
    Date lockedUntil = jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", Date.class,
        "shuocheng1");
    assertThat(lockedUntil).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    assertThat(engineRest("192.0.2.200", "shuocheng1", "shuocheng1").statusCode()).isEqualTo(200);
  }

  @Test
  void oneAddressGuessingManyAccountsIsSlowedDownForAllOfThem() {
    String guesser = "203.0.113.50";
    for (int i = 0; i < 21; i++) {
      assertThat(engineRest(guesser, "guess" + i, "wrong").statusCode()).as("attempt %d", i).isEqualTo(401);
    }
    assertThat(engineRest(guesser, "pinglu1", "pinglu1").statusCode()).isEqualTo(429);
    assertThat(engineRest("203.0.113.51", "pinglu1", "pinglu1").statusCode()).isEqualTo(200);
  }

  @Test
  void malformedBasicCredentialsCountAsFailures() {
    String guesser = "203.0.113.60";
    for (int i = 0; i < 6; i++) {
      assertThat(send(HttpRequest.newBuilder(uri(ENGINE_REST + "/task")).header("X-Forwarded-For", guesser)
          .header("Authorization", "Basic !!!" + i).GET()).statusCode()).isEqualTo(401);
    }
    assertThat(send(HttpRequest.newBuilder(uri(ENGINE_REST + "/task")).header("X-Forwarded-For", guesser)
        .header("Authorization", "Basic !!!").GET()).statusCode()).isEqualTo(429);
  }

  @Test
  void aSignedInOrganisationGuessingItsCurrentPasswordIsHeldBack() {
    String guesser = "203.0.113.70";
    String wrong = "{\"currentPassword\":\"Cuo-Wu-2026\",\"newPassword\":\"Xin-Mi-Ma-2027\","
        + "\"newPasswordAgain\":\"Xin-Mi-Ma-2027\"}";
    // each request signs in with the right password (Basic), which clears the login's count, not this one
    for (int i = 0; i < 6; i++) {
      assertThat(changePassword(guesser, wrong).statusCode()).as("attempt %d", i).isEqualTo(400);
    }
    HttpResponse<String> held = changePassword(guesser, wrong);
    assertThat(held.statusCode()).isEqualTo(429);
    long seconds = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
    assertThat(seconds).isPositive();
    assertThat(held.body()).contains("当前密码输错次数过多，请在" + seconds + "秒后再试");
    assertThat(engine.getIdentityService().checkPassword("operator1", "operator1")).as("nothing changed").isTrue();
    assertThat(api(guesser, "operator1", "operator1").statusCode()).as("the account itself still signs in").isEqualTo(200);
  }

  private HttpResponse<String> changePassword(String address, String body) {
    return send(HttpRequest.newBuilder(uri("/api/my/password")).header("X-Forwarded-For", address)
        .header("Authorization", basic("operator1", "operator1")).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> engineRest(String address, String user, String password) {
    return send(HttpRequest.newBuilder(uri(ENGINE_REST + "/task")).header("X-Forwarded-For", address)
        .header("Authorization", basic(user, password)).GET());
  }

  private HttpResponse<String> api(String address, String user, String password) {
    return send(HttpRequest.newBuilder(uri("/api/calendar")).header("X-Forwarded-For", address)
        .header("Authorization", basic(user, password)).GET());
  }

  /** The webapp login as the browser sends it, with the CSRF token of a fresh session. */
  private HttpResponse<String> webappLogin(String address, String user, String password) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    String token = Http.send(browser, HttpRequest.newBuilder(uri(WebappSession.WELCOME_PAGE))
        .header("X-Forwarded-For", address).GET()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return Http.send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/welcome"))
        .header("X-Forwarded-For", address)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
