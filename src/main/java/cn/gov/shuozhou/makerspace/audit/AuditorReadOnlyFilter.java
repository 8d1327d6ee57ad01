package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.security.BasicCredentials;
import cn.gov.shuozhou.makerspace.security.EngineApiRequests;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auditors only read ({@link Capability#ONLY_READ_ENGINE}). Camunda's authorizations, with the guards of
 * security/ and identity/ (comments, attachments, the own user, refused job executions), refuse
 * their writes; but any write path a future engine version adds would be open until someone
 * notices. This filter therefore refuses uniformly: on the engine API ({@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine}) every request of an auditor that is not a read
 * ({@link EngineApiRequests}) answers 403 before it reaches the engine. The one exception is a
 * change of the auditor's own password.
 *
 * <p>The user is found independently of the order of the authentication filters: the Camunda
 * webapp session for {@code /camunda/api/engine}, HTTP Basic for {@code /engine-rest} (the password
 * is checked here only for an auditor's write; wrong credentials pass on to the 401 of the
 * authentication filter, which the login throttle counts once).
 */
public class AuditorReadOnlyFilter extends OncePerRequestFilter {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine";


  private final ProcessEngine engine;

  public AuditorReadOnlyFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String enginePath = enginePath(request);
    if (enginePath == null || EngineApiRequests.isRead(request.getMethod(), enginePath)) {
      chain.doFilter(request, response);
      return;
    }
    String auditor = auditor(request);
    if (auditor != null && !EngineApiRequests.isOwnPasswordChange(request.getMethod(), enginePath, auditor)) {
      refuse(request, response, auditor);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The path inside the engine API, or null when the request is not for the engine API. */
  static String enginePath(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith(ENGINE_REST + "/")) {
      return path.substring(ENGINE_REST.length());
    }
    if (path.startsWith(WEBAPP_ENGINE_API + "/engine/")) {
      // /camunda/api/engine/engine/{engine}/...
      String rest = path.substring((WEBAPP_ENGINE_API + "/engine/").length());
      int slash = rest.indexOf('/');
      return slash < 0 ? "/" : rest.substring(slash);
    }
    return null;
  }

  /** The authenticated auditor making the request, or null (not an auditor, or not authenticated). */
  private String auditor(HttpServletRequest request) {
    if (request.getServletPath().startsWith(WEBAPP_ENGINE_API)) {
      Caller caller = AccessPolicy.webappCaller(request.getSession(false), engine.getName());
      return caller != null && isAuditor(caller.userId()) ? caller.userId() : null;
    }
    BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
    boolean auditor = credentials != null && isAuditor(credentials.userId())
        && engine.getIdentityService().checkPassword(credentials.userId(), credentials.password());
    return auditor ? credentials.userId() : null;
  }

  private boolean isAuditor(String userId) {
    IdentityService identity = engine.getIdentityService();
    return identity.createGroupQuery().groupMember(userId)
        .groupIdIn(Capability.ONLY_READ_ENGINE.groups().toArray(String[]::new)).count() > 0;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String userId)
      throws IOException {
    Problems.write(request, response,
        Problems.of(ProblemType.FORBIDDEN, AccessPolicy.refusal(Capability.ONLY_READ_ENGINE, userId)));
  }
}
