package cn.gov.shuozhou.makerspace.rules;

import java.util.List;
import java.util.Map;

/**
 * What a decision produced for one case, without judging it.
 *
 * @param name the case name
 * @param inputs the variables the decision was evaluated with
 * @param rows the result rows (output name to value, in column order); empty when no rule matched
 *     or the evaluation failed
 * @param error why the decision could not be parsed or evaluated, in Chinese ({@link CaseFailure}), else null
 */
public record CaseEvaluation(
    String name, Map<String, Object> inputs, List<Map<String, Object>> rows, String error) {

  public CaseEvaluation {
    rows = rows == null ? List.of() : DecisionCase.copyRows(rows);
  }

  public boolean failed() {
    return error != null;
  }
}
