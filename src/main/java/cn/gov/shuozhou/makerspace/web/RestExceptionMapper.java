package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine's REST resources wrap what a start, completion or correlation threw into a
 * {@link RestException} (usually 500 with an English prefix). This mapper, preferred over the
 * engine's own by its priority, answers what the user can act on in Chinese: bad input 400, a
 * concurrent change 409, a message nobody waits for 404. Everything else keeps the engine's answer.
 */
@Priority(1)
public class RestExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler engineDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException e) {
    InvalidInputException invalid = cause(e, InvalidInputException.class);
    if (invalid != null) {
      return InvalidInputExceptionMapper.badRequest(invalid);
    }
    if (cause(e, OptimisticLockingException.class) != null) {
      return json(Response.Status.CONFLICT, new ErrorBody("OptimisticLockingException",
          "该任务或申请已被他人同时处理，本次操作未生效，请刷新后查看最新状态", List.of()));
    }
    if (cause(e, MismatchingMessageCorrelationException.class) != null) {
      return json(Response.Status.NOT_FOUND, new ErrorBody("MismatchingMessageCorrelationException",
          "没有正在等待该消息的流程：该申请不在公示期内，或该证书的年度管理已结束、不存在", List.of()));
    }
    return engineDefault.toResponse(e);
  }

  static Response json(Response.Status status, ErrorBody body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
