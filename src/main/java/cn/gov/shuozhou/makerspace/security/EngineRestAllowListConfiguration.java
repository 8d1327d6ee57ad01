package cn.gov.shuozhou.makerspace.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds {@link EngineRestAllowListFilter} to Camunda's JAX-RS application behind {@code /engine-rest}. */
@Configuration(proxyBeanMethods = false)
public class EngineRestAllowListConfiguration {

  @Bean
  public ResourceConfigCustomizer engineRestAllowList(ProcessEngine engine) {
    return config -> config.register(new EngineRestAllowListFilter(engine.getName()));
  }
}
