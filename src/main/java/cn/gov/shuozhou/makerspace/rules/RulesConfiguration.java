package cn.gov.shuozhou.makerspace.rules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the rules feature that are plain Java classes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
public class RulesConfiguration {

  /** One standalone FEEL DMN engine for the regression cases (building it is the slow part). */
  @Bean
  RegressionCases regressionCases() {
    return new RegressionCases();
  }

  @Bean
  RuleChecker ruleChecker(RegressionCases regressionCases, RulesProperties properties) {
    return new RuleChecker(regressionCases, properties.limits());
  }
}
