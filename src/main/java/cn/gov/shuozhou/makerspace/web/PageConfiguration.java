package cn.gov.shuozhou.makerspace.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Our own pages: the rule page at /rules/, the calendar page at /calendar/, the applicant portal at /portal/, the demo mailbox at /mailbox/, the organisation accounts at /accounts/, the statistics at /statistics/ (static/{name}/index.html). */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : new String[] {"rules", "calendar", "portal", "mailbox", "accounts", "statistics"}) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
    }
  }
}
