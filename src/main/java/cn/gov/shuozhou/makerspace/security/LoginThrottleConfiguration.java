package cn.gov.shuozhou.makerspace.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Login throttling on the three password doors ({@link LoginThrottleFilter}); it runs before the
 * authentication filters, so a throttled attempt never reaches the password check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottleConfiguration {

  @Bean
  public LoginThrottle loginThrottle(LoginThrottleProperties properties) {
    return new LoginThrottle(properties, Clock.systemUTC());
  }

  @Bean
  public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttle");
    registration.addUrlPatterns(LoginThrottleFilter.WEBAPP_LOGIN_PREFIX + "*",
        EngineRestAuthenticationConfiguration.ENGINE_REST_PATTERN, ApiAuthenticationConfiguration.API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
