package cn.gov.shuozhou.makerspace.publicpages;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages carry public traffic: every GET answer may be cached for a minute by browsers and
 * proxies, and carries an ETag so that a client asks again cheaply ({@code If-None-Match} → 304).
 * A minute is short enough for a notice that a decision has just started. The application itself
 * keeps the rendered pages ({@link PublicPageCache}) until its engine changes anything, and at most
 * {@code makerspace.public-pages.cache-seconds} (60: what browsers and proxies may keep anyway), the
 * delay after which another node's changes show, so that most requests cost no query and no rendering.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

  static final String CACHE_CONTROL = "public, max-age=60";

  @Bean
  PublicPageCache publicPageCache(@Value("${makerspace.public-pages.cache-seconds:60}") long seconds,
      @Value("${makerspace.public-pages.cache-megabytes:32}") long megabytes) {
    return new PublicPageCache(seconds * 1000, megabytes * 1024 * 1024);
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags(PublicPageCache cache) {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new Etags(cache));
    registration.addUrlPatterns("/public/*", "/sitemap.xml");
    return registration;
  }

  /** ETags (Spring's) around the rendered page, which comes from the cache when it is there. */
  private static final class Etags extends ShallowEtagHeaderFilter {

    private final PublicPageCache cache;

    Etags(PublicPageCache cache) {
      this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!"GET".equals(request.getMethod())) {
        super.doFilterInternal(request, response, chain);
        return;
      }
      if (request.getRequestURI().startsWith(request.getContextPath() + NoticePagesController.RECEIPTS)) {
        // an objector's receipt is theirs: neither a proxy nor this cache keeps it
        response.setHeader("Cache-Control", "no-store");
        super.doFilterInternal(request, response, chain);
        return;
      }
      response.setHeader("Cache-Control", CACHE_CONTROL);
      // the registry's statuses (valid, expired) depend on the day
      String key = EngineClock.today() + " " + request.getRequestURI() + "?" + request.getQueryString();
      PublicPageCache.Page page = cache.get(key, System.currentTimeMillis());
      super.doFilterInternal(request, response,
          page != null ? (req, res) -> write(page, res) : (req, res) -> renderAndKeep(key, req, res, chain));
    }

    private void renderAndKeep(String key, ServletRequest request, ServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      long generation = cache.generation();
      long started = System.currentTimeMillis();
      ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper((HttpServletResponse) response);
      chain.doFilter(request, rendered);
      String type = rendered.getContentType();
      if (rendered.getStatus() == HttpStatus.OK.value() && type != null
          && (type.startsWith("text/html") || type.startsWith("application/xml"))) {
        cache.put(key, new PublicPageCache.Page(type, rendered.getHeader("Content-Language"),
            rendered.getContentAsByteArray(), started), generation);
      }
      rendered.copyBodyToResponse();
    }

    private static void write(PublicPageCache.Page page, ServletResponse response) throws IOException {
      response.setContentType(page.contentType());
      if (page.contentLanguage() != null) {
        ((HttpServletResponse) response).setHeader("Content-Language", page.contentLanguage());
      }
      response.setContentLength(page.body().length);
      response.getOutputStream().write(page.body());
    }
  }
}
