package cn.gov.shuozhou.makerspace.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The numbers the measures themselves fix: every Art. 4 threshold (the whole table
 * {@code article4-eligibility}) and, in {@code certification-policy}, {@code validityYears}
 * (Art. 11), {@code banYears} (Art. 9) and {@code publicityWorkingDays} (Art. 5). A change to one
 * of them needs a second rule administrator's approval; other parameters change as before.
 */
final class StatutoryRules {

  static final String ARTICLE4 = "article4-eligibility";
  static final String POLICY = "certification-policy";
  static final Set<String> POLICY_PARAMETERS = Set.of("validityYears", "banYears", "publicityWorkingDays");

  private StatutoryRules() {}

  /** True when activating {@code check}'s table would change a statutory number of rule {@code key}. */
  static boolean concern(String key, RuleCheck check) {
    if (ARTICLE4.equals(key)) {
      return true;
    }
    if (!POLICY.equals(key)) {
      return false;
    }
    // the policy has no inputs: its regression cases show every parameter before and after
    return check.changedCases().stream().anyMatch(c -> differ(c.before(), c.after()));
  }

  private static boolean differ(List<Map<String, Object>> before, List<Map<String, Object>> after) {
    if (before == null || after == null || before.size() != after.size()) {
      return true;
    }
    for (int row = 0; row < before.size(); row++) {
      for (String parameter : POLICY_PARAMETERS) {
        if (!sameNumber(before.get(row).get(parameter), after.get(row).get(parameter))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sameNumber(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return Objects.equals(a, b);
  }
}
