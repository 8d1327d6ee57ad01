package cn.gov.shuozhou.makerspace.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The result of checking a new decision table against the packaged contract and the active table.
 *
 * @param accepted true when there is no error: the table may be activated (changed cases still
 *     need the administrator's confirmation)
 * @param errors why the table is refused
 * @param warnings what was adjusted or is worth knowing (e.g. a history time to live that was added)
 * @param changedCases regression cases whose outcome changes, old and new side by side
 * @param unchangedCases number of regression cases with the same outcome
 * @param failedCases regression cases the new table cannot evaluate
 * @param xml the table as it would be deployed (never sent to clients)
 */
public record RuleCheck(
    boolean accepted,
    List<RuleProblem> errors,
    List<RuleProblem> warnings,
    List<ChangedCase> changedCases,
    int unchangedCases,
    List<FailedCase> failedCases,
    @JsonIgnore String xml) {

  public RuleCheck {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    changedCases = List.copyOf(changedCases);
    failedCases = List.copyOf(failedCases);
  }

  static RuleCheck refused(List<RuleProblem> errors, List<RuleProblem> warnings) {
    return new RuleCheck(false, errors, warnings, List.of(), 0, List.of(), null);
  }

  /** True when an error is a {@link RuleLimits limit} (size, rules, cells, expression, FEEL construct, time). */
  public boolean pastLimit() {
    return errors.stream().anyMatch(error -> RuleLimits.CODES.contains(error.code()));
  }

  /** The first errors joined into one Chinese sentence, for an error body's {@code message}. */
  public String summary() {
    StringBuilder text = new StringBuilder("决策表未通过检查：");
    int shown = Math.min(errors.size(), 5);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : "；").append(errors.get(i).message());
    }
    if (errors.size() > shown) {
      text.append("；另有").append(errors.size() - shown).append("项问题");
    }
    return text.toString();
  }
}
