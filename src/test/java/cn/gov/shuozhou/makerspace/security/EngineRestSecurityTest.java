package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EngineRestSecurityTest extends AbstractHttpTest {

  /** Only this test uses this user, as wrong passwords lock it for a few seconds. */
  private static final String PROBE_USER = "restprobe";
  private static final String PROBE_PASSWORD = "probe-secret-1";

  @Autowired
  IdentityService identityService;

  @BeforeEach
  void createProbeUser() {
    if (identityService.createUserQuery().userId(PROBE_USER).count() == 0) {
      User user = identityService.newUser(PROBE_USER);
      user.setPassword(PROBE_PASSWORD);
      identityService.saveUser(user);
    }
  }

  @AfterEach
  void deleteProbeUser() {
    identityService.deleteUser(PROBE_USER);
  }

  @Test
  void healthIsUpAndOpenWithoutDetails() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("\"details\"");
  }

  @Test
  void engineRestWithoutCredentialsIsUnauthorized() {
    HttpResponse<String> response = rest(null, null).get("/task");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Basic"));
  }

  @Test
  void engineRestWithWrongPasswordOrUnknownUserIsUnauthorized() {
    assertThat(rest(PROBE_USER, "wrong-password").get("/task").statusCode()).isEqualTo(401);
    assertThat(rest("nobody-here", "whatever").get("/task").statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestWithRightCredentialsAnswers() {
    assertThat(rest(PROBE_USER, PROBE_PASSWORD).get("/task").statusCode()).isEqualTo(200);
    assertThat(rest("admin").get("/process-definition").statusCode()).isEqualTo(200);
    assertThat(rest("auditor1").get("/history/process-instance").statusCode()).isEqualTo(200);
  }

  @Test
  void everyEngineRestPathIsProtected() {
    for (String path : new String[] {"/process-definition", "/history/process-instance", "/user",
        "/group", "/authorization", "/deployment", "/decision-definition", "/filter"}) {
      assertThat(rest(null, null).get(path).statusCode()).as(path).isEqualTo(401);
    }
  }
}
