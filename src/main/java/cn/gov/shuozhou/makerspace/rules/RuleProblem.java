package cn.gov.shuozhou.makerspace.rules;

/**
 * Why a decision table (or a request) was refused.
 *
 * @param field the request field concerned ({@code xml} for the table itself, {@code reason}, ...)
 * @param code a stable code for automation, e.g. {@code EXPRESSION_LANGUAGE}
 * @param message a Chinese message naming the element, field or case
 */
public record RuleProblem(String field, String code, String message) {

  static RuleProblem xml(String code, String message) {
    return new RuleProblem("xml", code, message);
  }
}
