package cn.gov.shuozhou.makerspace.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds our exception mappers to the engine's REST API. */
@Configuration
public class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer invalidInputMapping() {
    return config -> config.register(InvalidInputExceptionMapper.class);
  }
}
