package cn.gov.shuozhou.makerspace.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the request guards: canonical paths first, then the ones that close the known Camunda
 * 7.24.0 CE holes (see each filter).
 */
@Configuration(proxyBeanMethods = false)
public class RequestGuardsConfiguration {

  /** First of all guards (after the security headers, so that its refusals carry them too). */
  @Bean
  public FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter() {
    FilterRegistrationBean<CanonicalPathFilter> registration = new FilterRegistrationBean<>(new CanonicalPathFilter());
    registration.setName("canonical-path");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<AdminSetupGuardFilter> adminSetupGuardFilter(ProcessEngine engine) {
    FilterRegistrationBean<AdminSetupGuardFilter> registration =
        new FilterRegistrationBean<>(new AdminSetupGuardFilter(engine));
    registration.setName("admin-setup-guard");
    registration.addUrlPatterns(AdminSetupGuardFilter.SETUP_PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<TaskQueryExpressionFilter> taskQueryExpressionFilter(ObjectMapper json) {
    FilterRegistrationBean<TaskQueryExpressionFilter> registration =
        new FilterRegistrationBean<>(new TaskQueryExpressionFilter(json));
    registration.setName("task-query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<PortalOnlyFilter> portalOnlyFilter() {
    FilterRegistrationBean<PortalOnlyFilter> registration = new FilterRegistrationBean<>(new PortalOnlyFilter());
    registration.addUrlPatterns(PortalOnlyFilter.PAGES);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 210);
    return registration;
  }

  /** After the auditors' read-only filter (audit/AuditConfiguration), whose refusal says more. */
  @Bean
  public FilterRegistrationBean<WebappEngineAllowListFilter> webappEngineAllowListFilter() {
    FilterRegistrationBean<WebappEngineAllowListFilter> registration =
        new FilterRegistrationBean<>(new WebappEngineAllowListFilter());
    registration.setName("webapp-engine-allow-list");
    registration.addUrlPatterns(WebappEngineAllowListFilter.WEBAPP_ENGINE_API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 210);
    return registration;
  }
}
