package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's first-run setup ({@code /camunda/api/admin/setup/...}) creates an administrator
 * without any login. Camunda 7.24.0 keeps it open while the group {@code camunda-admin} has no
 * direct member, even when the system is administered otherwise (CVE-2026-77226, fixed only in the
 * Enterprise 7.24.15). Here it is open only while no user exists at all: on a fresh production
 * database, for the very first administrator.
 */
public class AdminSetupGuardFilter extends OncePerRequestFilter {

  static final String SETUP_PATH = "/camunda/api/admin/setup/*";

  private final ProcessEngine engine;

  public AdminSetupGuardFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (engine.getIdentityService().createUserQuery().count() > 0) {
      Problems.write(request, response, Problems.of(ProblemType.SETUP_CLOSED,
          "系统已有用户，初始化设置已关闭：请由管理员在“管理”应用中创建用户"));
      return;
    }
    chain.doFilter(request, response);
  }
}
