package cn.gov.shuozhou.makerspace.web;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers our exception mappers and JSON read interceptor in every Jersey application of the
 * process: {@code /engine-rest} and the webapps' own engine API ({@code /camunda/api/engine}) that
 * Tasklist submits forms to,
 * so bad input gets the same 400 and Chinese message on every path. Listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable.
 */
public class ErrorMappingDiscoverable implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {InvalidInputExceptionMapper.class, RestExceptionMapper.class,
        EngineExceptionMapper.class, JsonReadErrorInterceptor.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
