package cn.gov.shuozhou.makerspace.audit;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link AuditorReadOnlyFilter} on both ways into the engine's API. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  public FilterRegistrationBean<AuditorReadOnlyFilter> auditorReadOnlyFilter(ProcessEngine processEngine) {
    FilterRegistrationBean<AuditorReadOnlyFilter> registration =
        new FilterRegistrationBean<>(new AuditorReadOnlyFilter(processEngine));
    registration.setName("auditor-read-only");
    registration.addUrlPatterns(AuditorReadOnlyFilter.ENGINE_REST + "/*",
        AuditorReadOnlyFilter.WEBAPP_ENGINE_API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
    return registration;
  }
}
