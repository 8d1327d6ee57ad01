package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.security.EngineApiRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests of the engine API only read, and where the engine API starts in a request path. */
class EngineApiRequestsTest {

  @ParameterizedTest(name = "{0} {1} reads: {2}")
  @CsvSource({
      "GET, /history/process-instance/abc, true",
      "HEAD, /task, true",
      "OPTIONS, /task/abc/complete, true",
      "POST, /history/process-instance, true",
      "POST, /history/process-instance/count, true",
      "POST, /history/activity-instance, true",
      "POST, /history/variable-instance, true",
      "POST, /history/detail, true",
      "POST, /process-instance, true",
      "POST, /process-instance/count, true",
      "POST, /task, true",
      "POST, /filter/f1/list, true",
      "POST, /group, true",
      "POST, /group/count, true",
      "POST, /group/create, false",
      "POST, /history/process-instance/delete, false",
      "POST, /history/process-instance/set-removal-time, false",
      "POST, /process-instance/delete, false",
      "POST, /process-instance/abc/variables, false",
      "POST, /process-instance/abc/modification, false",
      "POST, /task/abc/complete, false",
      "POST, /task/abc/comment/create, false",
      "POST, /task/create, false",
      "POST, /job/abc/execute, false",
      "POST, /message, false",
      "POST, /signal, false",
      "POST, /external-task/fetchAndLock, false",
      "POST, /decision-definition/key/x/evaluate, false",
      "POST, /user/create, false",
      "PUT, /task/abc, false",
      "PUT, /history/process-instance, false",
      "DELETE, /history/process-instance/abc, false",
      "PATCH, /task/abc, false"
  })
  void readsAreGetAndPostQueriesOnly(String method, String path, boolean read) {
    assertThat(EngineApiRequests.isRead(method, path)).isEqualTo(read);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/engine-rest, /task/abc/complete, /task/abc/complete",
      "/camunda/api/engine, /engine/default/task/abc/complete, /task/abc/complete",
      "/camunda/api/engine/engine/default/history/process-instance, , /history/process-instance",
      "/camunda/api/engine, /engine/, /",
      "/camunda/api/cockpit, /plugin/base/default/process-instance, ",
      "/camunda/app/cockpit/default/, , "
  })
  void theEnginePathIsFoundBehindEitherPrefix(String servletPath, String pathInfo, String enginePath) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", servletPath + (pathInfo == null ? "" : pathInfo));
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);

    assertThat(AuditorReadOnlyFilter.enginePath(request)).isEqualTo(enginePath);
  }

  @ParameterizedTest(name = "{0} {1} by {2}: {3}")
  @CsvSource({
      "PUT, /user/auditor1/credentials, auditor1, true",
      "PUT, /user/auditor2/credentials, auditor1, false",
      "PUT, /user/auditor1/profile, auditor1, false",
      "DELETE, /user/auditor1/credentials, auditor1, false"
  })
  void onlyTheOwnPasswordMayChange(String method, String path, String user, boolean allowed) {
    assertThat(EngineApiRequests.isOwnPasswordChange(method, path, user)).isEqualTo(allowed);
  }
}
