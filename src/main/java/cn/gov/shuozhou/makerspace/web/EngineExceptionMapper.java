package cn.gov.shuozhou.makerspace.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.http.ProblemDetail;

/**
 * Engine exceptions that reach JAX-RS unwrapped, e.g. from {@code POST /task/{id}/claim}: a task
 * claimed by someone else a moment earlier (409), a lost concurrent update (409) or a task that is
 * gone (404) get a Chinese problem instead of the engine's English 500. Everything else keeps the
 * engine's answer (400 for bad requests, ...). Preferred over the engine's own mapper of the same
 * type by its priority.
 */
@Priority(1)
public class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(ProcessEngineException e) {
    ProblemDetail chinese = EngineErrors.problem(e);
    return chinese != null ? Problems.jaxrs(chinese, uri) : ExceptionHandlerHelper.getInstance().getResponse(e);
  }
}
