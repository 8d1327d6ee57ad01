package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.MailUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Refusals of our own Spring MVC doors ({@code /api}, {@code /calendar}, ...) as problem details. */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final String API = "/api/";

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return Problems.response(Problems.of(ProblemType.INVALID_INPUT, e.getMessage(), e.getErrors()));
  }

  @ExceptionHandler(ApiRefusal.class)
  ResponseEntity<ProblemDetail> refused(ApiRefusal e) {
    ProblemDetail problem = Problems.of(e.type(), e.getMessage(), e.errors());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    e.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(ApiRefusal.seconds(wait))));
    return answer.body(problem);
  }

  /** Two commands on one task or case at once (a double click, two colleagues): the second changes nothing. */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrent(OptimisticLockingException e) {
    return Problems.response(Problems.of(ProblemType.CONCURRENT_CHANGE, EngineErrors.CONCURRENT_CHANGE));
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

  /** A path under {@code /api} that no endpoint serves; elsewhere (pages) the error page answers. */
  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> unknownPath(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    String path = apiPath(request).orElseThrow(() -> e);
    return Problems.response(Problems.of(ProblemType.NOT_FOUND, "没有这个接口：" + path + "，请核对请求路径"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> unknownMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    String path = apiPath(request).orElseThrow(() -> e);
    Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(ProblemType.METHOD_NOT_ALLOWED, "接口 " + path + " 不支持 " + e.getMethod() + " 请求，可用："
            + String.join("、", allowed.stream().map(HttpMethod::name).toList())));
  }

  private static Optional<String> apiPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(API) ? Optional.of(path) : Optional.empty();
  }
}
