package cn.gov.shuozhou.makerspace.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} is open by default: require HTTP Basic ({@link EngineRestBasicAuthenticationProvider})
 * against the Camunda identity
 * (401 without or with wrong credentials). The authenticated user's groups then drive the
 * engine's authorization checks exactly as in the webapps.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestAuthenticationConfiguration {

  static final String ENGINE_REST_PATTERN = "/engine-rest/*";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        EngineRestBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST_PATTERN);
    return registration;
  }
}
