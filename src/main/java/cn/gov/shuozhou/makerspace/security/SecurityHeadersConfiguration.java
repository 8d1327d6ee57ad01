package cn.gov.shuozhou.makerspace.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link SecurityHeadersFilter} and {@link WebappCachingFilter} first, so that refusals
 * (401, 403) carry the headers too.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityHeadersConfiguration {

  @Bean
  public FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<WebappCachingFilter> webappCachingFilter() {
    FilterRegistrationBean<WebappCachingFilter> registration = new FilterRegistrationBean<>(new WebappCachingFilter());
    registration.setName("webapp-caching");
    registration.addUrlPatterns("/camunda/*", "/common/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
