package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.web.CachedBodyRequest;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of the three doors that check a password: the webapp login
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, field {@code username}) and HTTP
 * Basic on {@code /engine-rest} and {@code /api} ({@link BasicCredentials}). A throttled attempt is
 * answered 429 with {@code Retry-After} before any password is checked; otherwise the door's answer
 * decides: 401 counts as a failure, a success (below 400) clears the account's count for the address.
 *
 * <p>The source address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy,
 * configure Tomcat's remote IP handling ({@code server.forward-headers-strategy}) so that it is the
 * client's address, not the proxy's.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  static final String WEBAPP_LOGIN_PREFIX = "/camunda/api/admin/auth/user/";
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^" + WEBAPP_LOGIN_PREFIX + "[^/]+/login/[^/]+/?$");

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isWebappLogin(request)) {
      request = new ReadBody(request);
    }
    Optional<String> account = loginAccount(request);
    if (account.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.retryAfter(address, account.get());
    if (wait.isPresent()) {
      refuse(request, response, wait.get());
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, account.get());
    } else if (status < 400) {
      throttle.succeeded(address, account.get());
    }
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "POST".equalsIgnoreCase(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
  }

  /** The account a request tries to log in with; empty when it is no password check. Malformed Basic: "". */
  private static Optional<String> loginAccount(HttpServletRequest request) {
    if (request instanceof ReadBody login) {
      return Optional.of(login.username());
    }
    String authorization = request.getHeader("Authorization");
    if (!BasicCredentials.isBasic(authorization)) {
      return Optional.empty();
    }
    return Optional.of(BasicCredentials.parse(authorization).map(BasicCredentials::userId).orElse(""));
  }

  /**
   * The webapp login with its form read here, to find the user name, and replayed to Camunda's
   * resource; reading it through {@code getParameter} instead would make Jersey warn on every login.
   */
  private static final class ReadBody extends CachedBodyRequest {

    /** A login form is a user name and a password: anything longer is cut here and fails the login. */
    private static final int MAX_FORM_BYTES = 8 * 1024;

    ReadBody(HttpServletRequest request) throws IOException {
      super(request, request.getInputStream().readNBytes(MAX_FORM_BYTES));
    }

    String username() {
      for (String pair : new String(body(), StandardCharsets.ISO_8859_1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && "username".equals(pair.substring(0, equals))) {
          try {
            return URLDecoder.decode(pair.substring(equals + 1), charset());
          } catch (IllegalArgumentException malformed) {
            return pair.substring(equals + 1); // still one key per spelling; the login itself fails
          }
        }
      }
      return "";
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
      throws IOException {
    long seconds = ApiRefusal.seconds(wait);
    response.setHeader("Retry-After", Long.toString(seconds));
    Problems.write(request, response, Problems.of(ProblemType.TOO_MANY_REQUESTS,
        "登录失败次数过多，请在" + seconds + "秒后再试（本地址的尝试暂被限制，账号本身未被锁定）"));
  }
}
