package cn.gov.shuozhou.makerspace.rules;

import java.util.List;
import java.util.Map;

/**
 * A judged regression case: whether the decision produced the expected rows.
 *
 * @param decisionKey the decision evaluated
 * @param name the case name
 * @param passed true when the actual rows match the expected ones and evaluation did not fail
 * @param expected the expected rows (only the compared columns)
 * @param actual the rows the decision produced (all columns)
 * @param error the failure message when the decision could not be parsed or evaluated, else null
 */
public record CaseResult(
    String decisionKey,
    String name,
    boolean passed,
    List<Map<String, Object>> expected,
    List<Map<String, Object>> actual,
    String error) {

  /** A readable, multi-line explanation for logs and test failures. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append('[').append(decisionKey).append("] ").append(name)
        .append(passed ? ": passed" : ": FAILED");
    if (error != null) {
      text.append(System.lineSeparator()).append("  error:    ").append(error);
    }
    if (!passed) {
      text.append(System.lineSeparator()).append("  expected: ").append(expected);
      text.append(System.lineSeparator()).append("  actual:   ").append(actual);
    }
    return text.toString();
  }
}
