package cn.gov.shuozhou.makerspace.publicpages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The public pages carry public traffic: every GET answer may be cached for a minute by browsers and
 * proxies, and carries an ETag so that a client asks again cheaply ({@code If-None-Match} → 304).
 * A minute is short enough for a notice that a decision has just started.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

  static final String CACHE_CONTROL = "public, max-age=60";

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new Etags());
    registration.addUrlPatterns("/public/*", "/sitemap.xml");
    return registration;
  }

  private static final class Etags extends ShallowEtagHeaderFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("GET".equals(request.getMethod())) {
        response.setHeader("Cache-Control", CACHE_CONTROL);
      }
      super.doFilterInternal(request, response, chain);
    }
  }
}
