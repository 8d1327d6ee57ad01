package cn.gov.shuozhou.makerspace.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.http.ProblemDetail;

/**
 * The engine's REST resources wrap what a start, completion or correlation threw into a
 * {@link RestException} (usually 500 with an English prefix). This mapper, preferred over the
 * engine's own by its priority, answers what the user can act on in Chinese (see
 * {@link EngineErrors}): bad input 400, a concurrent change 409, a task that is gone or a message
 * nobody waits for 404. Everything else keeps the engine's answer.
 */
@Priority(1)
public class RestExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler engineDefault = new RestExceptionHandler();

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(RestException e) {
    ProblemDetail chinese = EngineErrors.problem(e);
    return chinese != null ? Problems.jaxrs(chinese, uri) : engineDefault.toResponse(e);
  }
}
