package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The guards compare paths as strings, while Tomcat, Jersey and Spring MVC each forgive other
 * spellings of a path: {@code /task/count;x} (matrix parameter), {@code //}, {@code /./},
 * {@code x/..}, a trailing slash. A guard that does not recognise such a spelling lets the request
 * through to a resource that does (issue 12: {@code /engine-rest/task/count;x} evaluated the
 * expressions that {@code /task/count} refuses). This filter runs first and refuses (400) every
 * request under the APIs whose raw path is not its own canonical form, so every later guard sees
 * exactly the path the resource will serve. Tomcat itself refuses encoded slashes and backslashes.
 */
public class CanonicalPathFilter extends OncePerRequestFilter {

  /** The APIs whose paths must be canonical: engine REST, our own API, the webapps' APIs. */
  static final List<String> API_PREFIXES = List.of("/engine-rest", "/api", "/camunda/api");

  /** Percent-encoded characters that change how a path is split or resolved. */
  private static final Set<String> ENCODED_SEPARATORS = Set.of("%2f", "%5c", "%2e", "%3b");

  /**
   * The paths that Camunda's webapps ask for with a trailing slash: the list of engines
   * ({@code EngineResource}), the Admin webapp's {@code OPTIONS} of the user, group and tenant
   * lists (which links its start page may offer), read-only, and Cockpit's {@code PUT} of the
   * suspension state of a process definition, a process instance or a job definition (its 挂起 and
   * 激活 dialogs), one id and nothing after it. Nothing else of the resource behind them differs
   * with the slash; the guards after this filter see the path with it.
   */
  private static final Set<String> TRAILING_SLASH_ALLOWED = Set.of("/camunda/api/engine/engine/");
  private static final Pattern TRAILING_SLASH_OPTIONS =
      Pattern.compile("/camunda/api/engine/engine/[a-z0-9-]+/(user|group|tenant)/");
  private static final Pattern TRAILING_SLASH_PUT = Pattern.compile(
      "/camunda/api/engine/engine/[a-z0-9-]+/(process-definition|process-instance|job-definition)/[\\w.:-]+/suspended/");


  /** The request's path as the client sent it, without the context path (still percent-encoded). */
  public static String rawPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Tomcat's decoded and normalised path decides whether a request is for an API at all, so
    // that /x/../engine-rest/... and /ENGINE-REST/... are checked too
    String resolved = (request.getServletPath() + nullToEmpty(request.getPathInfo())).toLowerCase(Locale.ROOT);
    String raw = rawPath(request).toLowerCase(Locale.ROOT);
    return API_PREFIXES.stream().noneMatch(prefix -> under(resolved, prefix) || raw.startsWith(prefix));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String problem = problem(request.getMethod(), rawPath(request),
        request.getServletPath() + nullToEmpty(request.getPathInfo()));
    if (problem != null) {
      Problems.write(request, response, Problems.of(ProblemType.INVALID_PATH,
          "请求路径（path）不规范：" + problem + "，请使用规范路径", List.of(new FieldError("path", problem))));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Why {@code raw} (asked with {@code method}) is not the canonical spelling of {@code resolved}, in Chinese; null when it is. */
  static String problem(String method, String raw, String resolved) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (API_PREFIXES.stream().noneMatch(prefix -> under(raw, prefix))) {
      return "路径前缀的大小写或写法不正确";
    }
    if (raw.indexOf(';') >= 0) {
      return "不允许使用分号（矩阵参数）";
    }
    if (raw.indexOf('\\') >= 0 || ENCODED_SEPARATORS.stream().anyMatch(lower::contains)) {
      return "不允许使用编码的斜杠、反斜杠、句点或分号";
    }
    if (raw.contains("//")) {
      return "不允许使用连续的斜杠";
    }
    for (String segment : raw.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return "不允许使用“.”或“..”路径段";
      }
    }
    if (raw.endsWith("/") && !TRAILING_SLASH_ALLOWED.contains(raw)
        && !("OPTIONS".equals(method) && TRAILING_SLASH_OPTIONS.matcher(raw).matches())
        && !("PUT".equals(method) && TRAILING_SLASH_PUT.matcher(raw).matches())) {
      return "路径不能以斜杠结尾";
    }
    // anything else the container resolved differently (a spelling not foreseen above)
    if (!decode(raw).equals(resolved)) {
      return "路径与服务器解析的路径不一致";
    }
    return null;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
