package cn.gov.shuozhou.makerspace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything this application serves itself: our pages ({@code /rules/}, ...),
 * our API ({@code /api/**}), the engine's REST API and Actuator. The Camunda webapps
 * ({@code /camunda/**}) are left alone: Camunda's own header filter sets their policy, which their
 * Angular code needs.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 *       {@code Referrer-Policy: same-origin}, a restrictive {@code Permissions-Policy};
 *   <li>pages: a Content Security Policy that allows scripts, styles, images and requests from
 *       this origin only, no plugins, no framing ({@code frame-ancestors 'none'});
 *   <li>APIs (JSON): {@code default-src 'none'} and {@code Cache-Control: no-store}, since answers
 *       carry applicants' personal data.
 * </ul>
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/camunda") || path.startsWith("/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (isApi(path)) {
      response.setHeader("Content-Security-Policy", API_POLICY);
      response.setHeader("Cache-Control", "no-store");
    } else {
      response.setHeader("Content-Security-Policy", PAGE_POLICY);
    }
    chain.doFilter(request, response);
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
        || path.equals("/engine-rest") || path.startsWith("/actuator");
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
