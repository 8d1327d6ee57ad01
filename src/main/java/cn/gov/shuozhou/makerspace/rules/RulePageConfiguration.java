package cn.gov.shuozhou.makerspace.rules;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The rule administration page answers at /rules/ (static/rules/index.html). */
@Configuration(proxyBeanMethods = false)
class RulePageConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/rules", "/rules/");
    registry.addViewController("/rules/").setViewName("forward:/rules/index.html");
  }
}
