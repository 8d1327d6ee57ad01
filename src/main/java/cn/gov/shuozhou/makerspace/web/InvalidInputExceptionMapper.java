package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Bad input that reaches JAX-RS unwrapped (e.g. from a message correlation): 400 with the Chinese field messages. */
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException e) {
    return badRequest(e);
  }

  static Response badRequest(InvalidInputException e) {
    return RestExceptionMapper.json(Response.Status.BAD_REQUEST,
        new ErrorBody("InvalidInputException", e.getMessage(), e.getErrors()));
  }
}
