package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Organisation accounts never use Tasklist or Cockpit ({@link Capability#PORTAL_ONLY}): one signed
 * in to the webapps (the portal logs in through them) who opens either is sent to 我的申请
 * ({@code /portal/}). Their login to those apps is refused by Camunda itself, as they hold no
 * application grant for them ({@code identity/RoleAuthorizations}).
 */
public class PortalOnlyFilter extends OncePerRequestFilter {

  static final String[] PAGES = {"/camunda/app/tasklist/*", "/camunda/app/cockpit/*"};
  static final String PORTAL = "/portal/";
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = AccessPolicy.webappCaller(request.getSession(false), ENGINE);
    if (caller != null && caller.may(Capability.PORTAL_ONLY)) {
      response.sendRedirect(request.getContextPath() + PORTAL);
      return;
    }
    chain.doFilter(request, response);
  }
}
