package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleErrorBody;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error bodies of {@code /api/rules}: the shape of {@code web/ErrorBody} ({@code type}, Chinese
 * {@code message}, {@code errors} with {@code field}) plus the check result where a table was
 * checked (refused: 400, changed cases not confirmed: 409).
 */
@RestControllerAdvice(assignableTypes = RuleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RuleExceptionHandler.class);

  @ExceptionHandler(RuleException.class)
  ResponseEntity<RuleErrorBody> refused(RuleException e) {
    RuleCheck check = e.check();
    RuleErrorBody body = check == null
        ? RuleErrorBody.of(e.type(), e.getMessage(), e.errors())
        : new RuleErrorBody(e.type(), e.getMessage(), e.errors(), check.changedCases(), check.unchangedCases(),
            check.failedCases(), check.warnings(), null);
    return ResponseEntity.status(e.status()).body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<RuleErrorBody> unreadable(HttpMessageNotReadableException e) {
    String message = "请求内容不是有效的JSON对象";
    return ResponseEntity.badRequest().body(RuleErrorBody.of("InvalidInputException", message,
        List.of(new RuleProblem("body", "INVALID_JSON", message))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<RuleErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "参数「" + e.getName() + "」的值「" + e.getValue() + "」格式不正确";
    return ResponseEntity.badRequest().body(RuleErrorBody.of("InvalidInputException", message,
        List.of(new RuleProblem(e.getName(), "INVALID_VALUE", message))));
  }

  /** 401 and the access policy's 403, in this door's body. */
  @ExceptionHandler(ApiRefusal.class)
  ResponseEntity<RuleErrorBody> refused(ApiRefusal e) {
    return ResponseEntity.status(e.status()).body(RuleErrorBody.of(e.type(), e.getMessage(), List.of()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<RuleErrorBody> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(RuleErrorBody.of("AuthorizationException",
        "无权执行此操作：当前用户所在的组没有相应权限", List.of()));
  }

  /** A deployment the engine refused after our checks passed (should not happen): 400 with its reason. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<RuleErrorBody> engine(ProcessEngineException e) {
    LOG.warn("Rule change refused by the engine", e);
    String message = "流程引擎拒绝了该决策表：" + e.getMessage();
    return ResponseEntity.badRequest().body(RuleErrorBody.of("ProcessEngineException", message,
        List.of(new RuleProblem("xml", "ENGINE_REFUSED", message))));
  }
}
