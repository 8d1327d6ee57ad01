package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of {@code /api/rules} as the project's problem details ({@code web/Problems}); each
 * entry of {@code errors} also has a {@code code}, and where a table was checked (refused: 400,
 * changed cases not confirmed: 409) the problem carries the check result: {@code changedCases},
 * {@code unchangedCases}, {@code failedCases}, {@code warnings}. Other refusals ({@code ApiRefusal}:
 * 401, 403) go to {@code web/ApiExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = RuleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RuleExceptionHandler.class);

  @ExceptionHandler(RuleException.class)
  ResponseEntity<ProblemDetail> refused(RuleException e) {
    ProblemDetail problem = Problems.of(e.type(), e.getMessage(), e.errors());
    RuleCheck check = e.check();
    if (check != null) {
      problem.setProperty("changedCases", check.changedCases());
      problem.setProperty("unchangedCases", check.unchangedCases());
      problem.setProperty("failedCases", check.failedCases());
      problem.setProperty("warnings", check.warnings());
    }
    return Problems.response(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return invalid("body", "INVALID_JSON", "请求内容不是有效的JSON对象");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "INVALID_VALUE", "参数「" + e.getName() + "」的值「" + e.getValue() + "」格式不正确");
  }

  /** Here, as {@link ProcessEngineException} below would take it otherwise. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
    return Problems.response(Problems.notPermitted());
  }

  /** A deployment the engine refused after our checks passed (should not happen): 400 with its reason. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
    LOG.warn("Rule change refused by the engine", e);
    String message = "流程引擎拒绝了该决策表：" + e.getMessage();
    return Problems.response(Problems.of(ProblemType.RULE_REFUSED, message,
        List.of(RuleProblem.xml("ENGINE_REFUSED", message))));
  }

  private static ResponseEntity<ProblemDetail> invalid(String field, String code, String message) {
    return Problems.response(Problems.of(ProblemType.INVALID_INPUT, message,
        List.of(new RuleProblem(field, code, message))));
  }
}
