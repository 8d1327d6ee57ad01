package cn.gov.shuozhou.makerspace.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells reads from writes on the engine's REST API. Reads are GET, HEAD and OPTIONS, and the POST
 * requests that only run a query (the API offers POST for queries with long bodies, e.g.
 * {@code POST /history/process-instance} with variable filters). Everything else writes.
 */
public final class EngineApiRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** POST queries: the resource's list or its count, nothing below it. */
  private static final Pattern POST_QUERY = Pattern.compile(
      "/(process-instance|task|execution|variable-instance|job|job-definition|external-task|incident|group"
          + "|history/(process-instance|activity-instance|task|variable-instance|detail|job-log"
          + "|external-task-log|decision-instance|incident|case-instance|case-activity-instance))"
          + "(/count)?/?");

  /** Running a saved filter's query (Tasklist lists) and password-policy checks only read. */
  private static final Pattern POST_OTHER_READS = Pattern.compile(
      "/filter/[^/]+/(list|count|singleResult)/?|/identity/password-policy/?");

  private EngineApiRequests() {}

  /**
   * True when the request only reads. {@code enginePath} is the path inside the engine API, e.g.
   * {@code /history/process-instance/count} (without {@code /engine-rest} or
   * {@code /camunda/api/engine/engine/default}).
   */
  public static boolean isRead(String method, String enginePath) {
    String verb = method.toUpperCase(Locale.ROOT);
    if (SAFE_METHODS.contains(verb)) {
      return true;
    }
    return "POST".equals(verb)
        && (POST_QUERY.matcher(enginePath).matches() || POST_OTHER_READS.matcher(enginePath).matches());
  }

  /** True for {@code PUT /user/{userId}/credentials}: a user changing their own password. */
  public static boolean isOwnPasswordChange(String method, String enginePath, String userId) {
    return "PUT".equals(method.toUpperCase(Locale.ROOT))
        && enginePath.equals("/user/" + userId + "/credentials");
  }
}
