package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.MailUnavailableException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of our own Spring MVC doors ({@code /api}, {@code /calendar}, ...) as problem details. */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return Problems.response(Problems.of(ProblemType.INVALID_INPUT, e.getMessage(), e.getErrors()));
  }

  @ExceptionHandler(ApiRefusal.class)
  ResponseEntity<ProblemDetail> refused(ApiRefusal e) {
    return Problems.response(e.problem());
  }

  @ExceptionHandler(MailUnavailableException.class)
  ResponseEntity<ProblemDetail> mail(MailUnavailableException e) {
    return Problems.response(Problems.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.response(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "请求内容类型不受支持：请以JSON（Content-Type: application/json）提交"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return Problems.response(JsonErrors.problem(e));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
    return Problems.response(Problems.notPermitted());
  }
}
