package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.MailUnavailableException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Our own {@code /api} endpoints answer bad input with 400 and the same body as {@code /engine-rest}. */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ErrorBody> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(new ErrorBody("InvalidInputException", e.getMessage(), e.getErrors()));
  }

  @ExceptionHandler(ApiRefusal.class)
  ResponseEntity<ErrorBody> refused(ApiRefusal e) {
    return ResponseEntity.status(e.status()).body(new ErrorBody(e.type(), e.getMessage(), e.errors()));
  }

  @ExceptionHandler(MailUnavailableException.class)
  ResponseEntity<ErrorBody> mail(MailUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorBody("MailUnavailable", e.getMessage(), List.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ErrorBody("UnsupportedMediaType",
        "请求内容类型不受支持：请以JSON（Content-Type: application/json）提交", List.of()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(JsonErrors.body(e));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ErrorBody> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(new ErrorBody("AuthorizationException", "无权执行此操作：当前用户所在的组没有相应权限", List.of()));
  }
}
