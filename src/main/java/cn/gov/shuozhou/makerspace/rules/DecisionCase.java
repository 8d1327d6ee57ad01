package cn.gov.shuozhou.makerspace.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One regression case of a decision: the variables handed to the decision and the result rows it
 * must produce.
 *
 * <p>Each expected row lists only the output columns worth comparing; {@code expected} empty means
 * "no rule matches". Input values may be {@code null} (a variable that is present but empty).
 *
 * @param name a short description shown when the case fails
 * @param inputs the decision's input variables
 * @param expected the expected result rows
 */
public record DecisionCase(String name, Map<String, Object> inputs, List<Map<String, Object>> expected) {

  @JsonCreator
  public DecisionCase(
      @JsonProperty("name") String name,
      @JsonProperty("inputs") Map<String, Object> inputs,
      @JsonProperty("expected") List<Map<String, Object>> expected) {
    this.name = name == null ? "" : name;
    this.inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.expected = expected == null ? List.of() : copyRows(expected);
  }

  static List<Map<String, Object>> copyRows(List<Map<String, Object>> rows) {
    List<Map<String, Object>> copy = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    return Collections.unmodifiableList(copy);
  }
}
