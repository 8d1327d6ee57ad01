package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Bad input that reaches JAX-RS unwrapped (e.g. from a message correlation): 400 with the Chinese field messages. */
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(InvalidInputException e) {
    return Problems.jaxrs(EngineErrors.invalid(e), uri);
  }
}
