package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.AbstractMailHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation's self-service without a login, over HTTP with a real SMTP server (GreenMail):
 * registration with an email code, the password policy, limits on guessing and on requests,
 * exactly the declared fields, and password reset that tells nobody which accounts exist.
 */
class SelfServiceHttpTest extends AbstractMailHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anOrganisationRegistersWithItsEmailCodeAndSignsIn() throws Exception {
    Map<String, Object> request = registration();
    String userId = (String) request.get("userId");
    String email = (String) request.get("email");
    HttpResponse<String> asked = post("/api/registrations", request);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    JsonNode answer = JSON.readTree(asked.body());
    assertThat(answer.get("email").asText()).startsWith(email.substring(0, 1) + "***@").doesNotContain(email);
    String id = answer.get("registrationId").asText();
    assertThat(TestMail.to(email)).hasSize(1);
    assertThat(TestMail.body(TestMail.to(email).get(0))).contains(userId).contains("验证码");
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).count()).as("no account yet").isZero();
    String code = TestMail.lastCode(email);

    HttpResponse<String> wrong = post("/api/registrations/confirm", Map.of("registrationId", id,
        "code", code.equals("000000") ? "111111" : "000000", "password", "Yun-Chuang-88"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("验证码（code）不正确");
    HttpResponse<String> weak = post("/api/registrations/confirm", Map.of("registrationId", id, "code", code,
        "password", userId + "9"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("password").contains("不能包含用户名");
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).count()).isZero();

    HttpResponse<String> done = post("/api/registrations/confirm", Map.of("registrationId", id, "code", code,
        "password", "Yun-Chuang-88"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    assertThat(engine.getIdentityService().checkPassword(userId, "Yun-Chuang-88")).isTrue();
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(Groups.OPERATORS).count())
        .isEqualTo(1);
    assertThat(jdbc.queryForMap("SELECT credit_code, created_by FROM ms_organisation WHERE user_id = ?", userId))
        .containsEntry("CREDIT_CODE", request.get("creditCode")).containsEntry("CREATED_BY", "self-registration");
    HttpResponse<String> mine = send(HttpRequest.newBuilder(uri("/api/my/applications"))
        .header("Authorization", basic(userId, "Yun-Chuang-88")).GET());
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(mine.body()).get("applications")).isEmpty();

    HttpResponse<String> again = post("/api/registrations/confirm", Map.of("registrationId", id, "code", code,
        "password", "Yun-Chuang-88"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("验证码已失效");
  }

  @Test
  void aRequestTakesExactlyItsFieldsAndStoresNothingOtherwise() {
    int before = rows();
    Map<String, Object> extra = registration();
    extra.put("password", "Yun-Chuang-88");
    HttpResponse<String> r = post("/api/registrations", extra);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("password");
    Map<String, Object> noEmail = registration();
    noEmail.remove("email");
    r = post("/api/registrations", noEmail);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("email");
    Map<String, Object> taken = registration();
    taken.put("userId", "operator1");
    r = post("/api/registrations", taken);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("userId");
    assertThat(rows()).isEqualTo(before);

    // exactly the public path: a variant needs a login
    HttpResponse<String> variant = send(HttpRequest.newBuilder(uri("/api/registrations/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(registration()), StandardCharsets.UTF_8)));
    assertThat(variant.statusCode()).isIn(400, 401, 404);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void guessingAndRepeatedRequestsAreLimited() {
    Map<String, Object> request = registration();
    String email = (String) request.get("email");
    String id = JSON.valueToTree(read(post("/api/registrations", request))).get("registrationId").asText();
    String code = TestMail.lastCode(email);
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> refused = post("/api/registrations/confirm", Map.of("registrationId", id, "code", wrong,
          "password", "Yun-Chuang-88"));
      assertThat(refused.statusCode()).isEqualTo(400);
      // each wrong code says how many tries are left, from the count the server keeps, and what then
      assertThat(refused.body()).as("try " + i).contains(i < 5
          ? "验证码（code）不正确，还可再试" + (5 - i) + "次；输错5次后验证码失效，需返回重新填写注册信息获取新的验证码"
          : "验证码（code）不正确，已输错5次，验证码已失效，需返回重新填写注册信息获取新的验证码");
    }
    HttpResponse<String> locked = post("/api/registrations/confirm", Map.of("registrationId", id, "code", code,
        "password", "Yun-Chuang-88"));
    assertThat(locked.statusCode()).isEqualTo(400);
    assertThat(locked.body()).contains("输错次数过多");

    assertThat(post("/api/registrations", request).statusCode()).isEqualTo(202);
    assertThat(post("/api/registrations", request).statusCode()).isEqualTo(202);
    HttpResponse<String> fourth = post("/api/registrations", request);
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("过于频繁");
    assertThat(TestMail.to(email)).hasSize(3);
  }

  @Test
  void aPasswordIsResetByTheCodeSentToTheAccountsEmailAndNobodyLearnsWhichAccountsExist() {
    Map<String, Object> request = registered("Yun-Chuang-88");
    String userId = (String) request.get("userId");
    String email = (String) request.get("email");

    HttpResponse<String> nobody = post("/api/password-resets", Map.of("userId", "nosuchorg" + SERIAL.get()));
    HttpResponse<String> real = post("/api/password-resets", Map.of("userId", userId));
    assertThat(nobody.statusCode()).isEqualTo(202);
    assertThat(real.statusCode()).isEqualTo(202);
    assertThat(real.body()).isEqualTo(nobody.body());
    assertThat(post("/api/password-resets", Map.of("userId", "city1")).statusCode()).as("staff: not here").isEqualTo(202);
    assertThat(TestMail.to(email)).hasSize(2);

    String code = TestMail.lastCode(email);
    HttpResponse<String> common = post("/api/password-resets/confirm", Map.of("userId", userId, "code", code,
        "password", "Password2026"));
    assertThat(common.statusCode()).isEqualTo(400);
    assertThat(common.body()).contains("过于常见");
    HttpResponse<String> same = post("/api/password-resets/confirm", Map.of("userId", userId, "code", code,
        "password", "Yun-Chuang-88"));
    assertThat(same.statusCode()).as("the current password is no new one").isEqualTo(400);
    assertThat(same.body()).contains("password").contains("不能与当前密码相同");
    assertThat(engine.getIdentityService().checkPassword(userId, "Yun-Chuang-88")).isTrue();
    HttpResponse<String> done = post("/api/password-resets/confirm", Map.of("userId", userId, "code", code,
        "password", "Xin-Mi-Ma-2027"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(engine.getIdentityService().checkPassword(userId, "Xin-Mi-Ma-2027")).isTrue();
    assertThat(engine.getIdentityService().checkPassword(userId, "Yun-Chuang-88")).isFalse();
    assertThat(post("/api/password-resets/confirm", Map.of("userId", userId, "code", code,
        "password", "Other-Mi-Ma-2028")).statusCode()).as("a code works once").isEqualTo(400);
  }

  /** 修改密码 of a signed-in organisation: the current password, the new one twice, the policy; never the same again. */
  @Test
  void aSignedInOrganisationChangesItsPassword() {
    String userId = (String) registered("Yun-Chuang-88").get("userId");

    record Refusal(Map<String, Object> body, String field, String text) {}
    for (Refusal r : List.of(
        new Refusal(Map.of("currentPassword", "Cuo-Wu-2026", "newPassword", "Xin-Mi-Ma-2027", "newPasswordAgain",
            "Xin-Mi-Ma-2027"), "currentPassword", "当前密码（currentPassword）不正确"),
        new Refusal(Map.of("currentPassword", "Yun-Chuang-88", "newPassword", "Xin-Mi-Ma-2027", "newPasswordAgain",
            "Xin-Mi-Ma-2028"), "newPasswordAgain", "不一致"),
        new Refusal(Map.of("currentPassword", "Yun-Chuang-88", "newPassword", "Yun-Chuang-88", "newPasswordAgain",
            "Yun-Chuang-88"), "newPassword", "不能与当前密码相同"),
        new Refusal(Map.of("currentPassword", "Yun-Chuang-88", "newPassword", "12345678", "newPasswordAgain",
            "12345678"), "newPassword", "同时包含字母和数字"),
        new Refusal(Map.of("currentPassword", "Yun-Chuang-88", "newPassword", "Xin-Mi-Ma-2027", "newPasswordAgain",
            "Xin-Mi-Ma-2027", "userId", "operator1"), "userId", "不接受字段"))) {
      HttpResponse<String> refused = changePassword(userId, "Yun-Chuang-88", r.body());
      assertThat(refused.statusCode()).as(r.text()).isEqualTo(400);
      assertThat(refused.body()).contains("\"" + r.field() + "\"").contains(r.text());
      assertThat(engine.getIdentityService().checkPassword(userId, "Yun-Chuang-88")).as("nothing changed").isTrue();
    }
    assertThat(changePassword("shuocheng1", "shuocheng1", Map.of("currentPassword", "shuocheng1",
        "newPassword", "Xin-Mi-Ma-2027", "newPasswordAgain", "Xin-Mi-Ma-2027")).statusCode())
        .as("staff change theirs elsewhere").isEqualTo(403);

    HttpResponse<String> done = changePassword(userId, "Yun-Chuang-88", Map.of("currentPassword", "Yun-Chuang-88",
        "newPassword", "Xin-Mi-Ma-2027", "newPasswordAgain", "Xin-Mi-Ma-2027"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("密码已修改");
    assertThat(engine.getIdentityService().checkPassword(userId, "Xin-Mi-Ma-2027")).isTrue();
    assertThat(engine.getIdentityService().checkPassword(userId, "Yun-Chuang-88")).isFalse();
  }

  // ------------------------------------------------------------------ helpers

  /** A new organisation account, registered with its email code and {@code password}: its registration. */
  private Map<String, Object> registered(String password) {
    Map<String, Object> request = registration();
    String id = JSON.valueToTree(read(post("/api/registrations", request))).get("registrationId").asText();
    assertThat(post("/api/registrations/confirm", Map.of("registrationId", id, "code",
        TestMail.lastCode((String) request.get("email")), "password", password)).statusCode()).isEqualTo(201);
    return request;
  }

  private HttpResponse<String> changePassword(String user, String password, Map<String, Object> body) {
    return send(HttpRequest.newBuilder(uri("/api/my/password")).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("Authorization", basic(user, password))
        .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  private static Map<String, Object> registration() {
    int n = SERIAL.incrementAndGet();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", "selfreg" + n + System.nanoTime() % 100000);
    body.put("creditCode", Applications.newCreditCode());
    body.put("organisationName", "朔州市星火众创空间有限公司");
    body.put("contactName", "刘洋");
    body.put("phone", "13903491234");
    body.put("email", "reg" + n + "-" + System.nanoTime() + "@example.cn");
    body.put("county", "youyu");
    return body;
  }

  private HttpResponse<String> post(String path, Map<String, Object> body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  private int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_registration", Integer.class);
  }

  private static String json(Map<String, Object> body) {
    return JSON.valueToTree(body).toString();
  }

  private static Map<?, ?> read(HttpResponse<String> response) {
    try {
      return JSON.readValue(response.body(), Map.class);
    } catch (Exception e) {
      throw new AssertionError(response.statusCode() + " " + response.body(), e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
