package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.web.CachedBodyRequest;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link EngineRestAllowList} on the webapps' own engine API,
 * {@code /camunda/api/engine/engine/{name}/...}, which Tasklist, Cockpit and Admin call: the same
 * table as {@code /engine-rest}, so a role cannot reach there what it may not reach here. Runs
 * after {@link CanonicalPathFilter} (the path is canonical) and before Camunda's own filters; the
 * caller is the one Camunda's authentication filter will hand the engine, i.e. the webapp
 * session's user and groups for that engine. Without one (not signed in) the request passes on to
 * Camunda, which answers 401 or serves what it serves anonymously (the list of engines).
 */
public class WebappEngineAllowListFilter extends OncePerRequestFilter {

  static final String WEBAPP_ENGINE_API = "/camunda/api/engine";
  private static final Logger LOG = LoggerFactory.getLogger(WebappEngineAllowListFilter.class);
  /** {@code /engine/{name}/...}: the path inside the servlet, naming the engine. */
  private static final Pattern ENGINE_PATH = Pattern.compile("^/engine/([^/]+)(/.*)?$");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !WEBAPP_ENGINE_API.equals(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    Matcher engine = ENGINE_PATH.matcher(path);
    Caller caller = engine.matches() ? AccessPolicy.webappCaller(request.getSession(false), engine.group(1)) : null;
    HttpServletRequest[] forwarded = {request};
    EngineRestAllowList.Criteria criteria = EngineRestAllowList.Criteria.of(request.getMethod(),
        request.getQueryString(), () -> {
          // read once and offered again to Camunda (a body too large is refused anyway)
          byte[] body = readBody(request);
          forwarded[0] = new CachedBodyRequest(request, body);
          return body;
        });
    if (caller != null && !EngineRestAllowList.allows(caller.userId(), caller.groups(), request.getMethod(), path, criteria)) {
      LOG.warn("Refused by the webapps' engine API allow-list: {} {} for {} {}", request.getMethod(),
          WEBAPP_ENGINE_API + path, caller.userId(), caller.groups());
      Problems.write(request, response, Problems.of(ProblemType.FORBIDDEN,
          AccessPolicy.refusedEndpoint(request.getMethod(), path, WEBAPP_ENGINE_API, caller.userId())));
      return;
    }
    chain.doFilter(forwarded[0], response);
  }

  private static byte[] readBody(HttpServletRequest request) {
    try {
      return request.getInputStream().readNBytes(EngineRestAllowList.MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
