package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.organisation.SelfServiceController;
import cn.gov.shuozhou.makerspace.api.ObjectionController;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates our own {@code /api/*} endpoints, for automation and for our own pages:
 *
 * <ul>
 *   <li>HTTP Basic ({@link BasicCredentials}) against the Camunda identity ({@code checkPassword};
 *       {@link LoginThrottleFilter} throttles guessing), or
 *   <li>the Camunda webapp session of a user who logged in through {@code /camunda/app/...}; then
 *       every modifying request (anything but GET, HEAD, OPTIONS, TRACE) must carry the header
 *       {@code X-XSRF-TOKEN} equal to the CSRF token Camunda keeps in that session. Every
 *       session-authenticated response carries the current token in that header.
 * </ul>
 *
 * <p>Some doors are public: {@code POST /api/objections} and the organisation's self-service
 * ({@code POST /api/registrations}, {@code /api/registrations/confirm}, {@code /api/password-resets},
 * {@code /api/password-resets/confirm}), exactly those paths (any variant of them still needs a
 * login). They run without any user, so the engine's authorization checks and the CSRF token do not
 * apply; they accept JSON only, which no cross-site form can send without CORS.
 *
 * <p>The user and their groups and tenants become the engine's authentication for the request
 * (cleared afterwards), so the engine's authorization checks apply. No credentials or wrong ones:
 * 401; a missing or wrong CSRF token: 403. Bodies are Chinese problem details ({@link Problems}).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
  static final String CSRF_SESSION_ATTRIBUTE = CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ProcessEngine engine;
  private final SecureRandom random = new SecureRandom();

  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdentityService identity = engine.getIdentityService();
    identity.clearAuthentication();
    if (isPublic(request)) {
      chain.doFilter(request, response);
      return;
    }
    String userId;
    String authorization = request.getHeader("Authorization");
    if (BasicCredentials.isBasic(authorization)) {
      BasicCredentials credentials = BasicCredentials.parse(authorization).orElse(null);
      if (credentials == null) {
        refuse(request, response, ProblemType.AUTHENTICATION_REQUIRED,
            "HTTP Basic认证信息（Authorization请求头）格式不正确");
        return;
      }
      if (!identity.checkPassword(credentials.userId(), credentials.password())) {
        refuse(request, response, ProblemType.AUTHENTICATION_FAILED,
            "用户名或密码错误（多次输错后需等待一段时间才能再试）");
        return;
      }
      userId = credentials.userId();
    } else {
      HttpSession session = request.getSession(false);
      userId = session == null ? null : sessionUser(session);
      if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
        refuse(request, response, ProblemType.AUTHENTICATION_REQUIRED,
            "未登录：请先登录系统，或使用HTTP Basic认证（Authorization请求头）");
        return;
      }
      String token = csrfToken(session);
      response.setHeader(CSRF_HEADER, token);
      if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))
          && !sameToken(token, request.getHeader(CSRF_HEADER))) {
        refuse(request, response, ProblemType.CSRF_TOKEN_INVALID,
            "缺少或无效的CSRF令牌：请求头 " + CSRF_HEADER + " 必须与当前登录会话的令牌一致");
        return;
      }
    }

    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static boolean isPublic(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && (ObjectionController.PATH.equals(path) || SelfServiceController.PATHS.contains(path));
  }

  /** The user a Camunda webapp login stored in the session for this engine, else null. */
  private String sessionUser(HttpSession session) {
    try {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
      return authentication == null ? null : authentication.getIdentityId();
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /** The session's CSRF token as Camunda's CsrfPreventionFilter keeps it; created the same way if missing. */
  private String csrfToken(HttpSession session) {
    Object mutex = session.getAttribute(CsrfConstants.CSRF_SESSION_MUTEX);
    synchronized (mutex == null ? session : mutex) {
      Object token = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
      if (token instanceof String text && !text.isEmpty()) {
        return text;
      }
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String created = HexFormat.of().withUpperCase().formatHex(bytes);
      session.setAttribute(CSRF_SESSION_ATTRIBUTE, created);
      return created;
    }
  }

  private static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType type,
      String message) throws IOException {
    // Challenge automation clients only: neither a browser with a session nor our pages' own calls
    // (X-Requested-With, also when their session cookie is gone) get the browser's Basic dialog,
    // which would stand over the page's login form
    if (type.status() == HttpStatus.UNAUTHORIZED && request.getRequestedSessionId() == null
        && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"maker-space\", charset=\"UTF-8\"");
    }
    Problems.write(request, response, Problems.of(type, message));
  }
}
