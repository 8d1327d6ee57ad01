package cn.gov.shuozhou.makerspace.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body the engine's REST APIs cannot read as JSON ({@code NaN}, {@code Infinity}, a cut-off
 * body, a list where an object belongs): 400 with a Chinese message naming the field (see
 * {@link JsonErrors}). Done while reading, because Jersey would otherwise hand the exception to
 * the engine's own mapper, which answers with an empty English message.
 */
public class JsonReadErrorInterceptor implements ReaderInterceptor {

  @Context
  private UriInfo uri;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (JsonProcessingException e) {
      throw new WebApplicationException(e, Problems.jaxrs(JsonErrors.problem(e), uri));
    }
  }
}
