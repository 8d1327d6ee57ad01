package cn.gov.shuozhou.makerspace.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Engine exceptions that reach JAX-RS unwrapped, e.g. from {@code POST /task/{id}/claim}: a task
 * claimed by someone else a moment earlier (409), a lost concurrent update (409) or a task that is
 * gone (404) get a Chinese message instead of the engine's English 500. Everything else keeps the
 * engine's answer (403 for authorization, 400 for bad requests, ...). Preferred over the engine's
 * own mapper of the same type by its priority.
 */
@Priority(1)
public class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  @Override
  public Response toResponse(ProcessEngineException e) {
    Response chinese = EngineErrors.toResponse(e);
    return chinese != null ? chinese : ExceptionHandlerHelper.getInstance().getResponse(e);
  }
}
