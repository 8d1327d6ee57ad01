package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.util.List;

/**
 * A refused rules request: its problem type (and so its HTTP status) and a Chinese message naming
 * the field or problem. {@code check} is set when a table was checked (refused or not confirmed).
 */
public class RuleException extends RuntimeException {

  private final ProblemType type;
  private final transient List<RuleProblem> errors;
  private final transient RuleCheck check;

  public RuleException(ProblemType type, String message, List<RuleProblem> errors, RuleCheck check) {
    super(message);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.check = check;
  }

  /** 404: no rule with this key. */
  public static RuleException notFound(String key) {
    String message = "没有决策键为「" + key + "」的规则";
    return new RuleException(ProblemType.NOT_FOUND, message,
        List.of(new RuleProblem("key", "UNKNOWN_KEY", message)), null);
  }

  /** 400: a field of the request is missing or wrong. */
  public static RuleException badField(String field, String code, String message) {
    return new RuleException(ProblemType.INVALID_INPUT, message,
        List.of(new RuleProblem(field, code, message)), null);
  }

  /** 400: the table did not pass the checks. */
  public static RuleException refused(RuleCheck check) {
    return new RuleException(ProblemType.RULE_REFUSED, check.summary(), check.errors(), check);
  }

  /** 409: cases change and the administrator has not confirmed them. */
  public static RuleException notConfirmed(RuleCheck check) {
    String message = "有" + check.changedCases().size()
        + "个回归用例的结果将改变，请核对变更前后的结果，确认（confirmChangedCases=true）并填写原因后再启用";
    return new RuleException(ProblemType.CHANGED_CASES_NOT_CONFIRMED, message,
        List.of(new RuleProblem("confirmChangedCases", "CHANGED_CASES_NOT_CONFIRMED", message)), check);
  }

  /** 409: the state does not allow the request (e.g. no open conflict, a stale base version). */
  public static RuleException conflict(String field, String code, String message) {
    return new RuleException(ProblemType.CONFLICT, message,
        List.of(new RuleProblem(field, code, message)), null);
  }

  public ProblemType type() {
    return type;
  }

  public List<RuleProblem> errors() {
    return errors;
  }

  public RuleCheck check() {
    return check;
  }
}
