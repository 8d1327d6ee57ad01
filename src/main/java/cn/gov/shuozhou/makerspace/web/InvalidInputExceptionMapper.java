package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code /engine-rest}: bad input raised by our listeners becomes 400 with the Chinese field
 * messages, instead of the engine's generic 500. More specific than the engine's own mapper for
 * {@code ProcessEngineException}, so JAX-RS picks this one.
 */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(new ErrorBody("InvalidInputException", e.getMessage(), e.getErrors()))
        .build();
  }
}
