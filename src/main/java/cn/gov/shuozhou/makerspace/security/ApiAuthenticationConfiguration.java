package cn.gov.shuozhou.makerspace.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link ApiAuthenticationFilter} for our own REST endpoints under {@code /api/*}. */
@Configuration(proxyBeanMethods = false)
public class ApiAuthenticationConfiguration {

  static final String API_PATTERN = "/api/*";

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine processEngine) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(processEngine));
    registration.setName("api-authentication");
    registration.addUrlPatterns(API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
