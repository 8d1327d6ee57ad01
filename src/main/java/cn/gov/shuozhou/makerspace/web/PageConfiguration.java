package cn.gov.shuozhou.makerspace.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Our own pages: the calendar page at /calendar/, the applicant portal at /portal/ (a case at
 * /portal/case.html), the demo mailbox at /mailbox/, the organisation accounts at /accounts/, the
 * county view at /county/, the city bureau's reports at /reports/, the statistics at /statistics/
 * (templates pages/*.html in the one frame pages/frame.html, their scripts and styles in
 * static/{name}/); the rule page at /rules/ (static/rules/index.html).
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  private static final String[] TEMPLATED = {"calendar", "portal", "mailbox", "accounts", "county", "reports", "statistics"};

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/rules", "/rules/");
    registry.addViewController("/rules/").setViewName("forward:/rules/index.html");
    for (String page : TEMPLATED) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("pages/" + page);
    }
    registry.addViewController("/portal/case.html").setViewName("pages/portal-case");
  }
}
