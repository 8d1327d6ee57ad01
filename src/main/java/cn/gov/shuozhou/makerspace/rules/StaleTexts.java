package cn.gov.shuozhou.makerspace.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A number changed in a rule's conditions while the rule's own words still state the old one: its text
 * outputs (说明, which applicants read in their letters) or its annotation (备注). 100 → 120 in the
 * condition and 「不低于100平方米」 in the text would tell applicants 100 while the rule applies 120.
 * A warning at 检查, not a refusal: the text may name the number for another reason.
 */
final class StaleTexts {

  /** A number standing alone: 100 in 「不低于100平方米」 or 「< 100, null」, not in 1000 or 1.00. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");

  private StaleTexts() {}

  /** The warnings for the rules of {@code candidate} (matched to {@code active} by their ids). */
  static List<RuleProblem> check(DmnModelInstance active, DmnModelInstance candidate) {
    Map<String, Rule> before = new HashMap<>();
    for (Rule rule : active.getModelElementsByType(Rule.class)) {
      if (rule.getId() != null) {
        before.put(rule.getId(), rule);
      }
    }
    List<Decision> decisions = List.copyOf(candidate.getModelElementsByType(Decision.class));
    List<RuleProblem> warnings = new ArrayList<>();
    for (Decision decision : decisions) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      String prefix = decisions.size() > 1 ? "决策「" + FeelCells.nameOf(decision) + "」" : "";
      List<Output> outputs = List.copyOf(table.getOutputs());
      int number = 0;
      for (Rule rule : table.getRules()) {
        number++;
        Rule old = rule.getId() == null ? null : before.get(rule.getId());
        if (old == null) {
          continue;
        }
        Set<String> was = numbers(conditions(old));
        Set<String> now = numbers(conditions(rule));
        Set<String> gone = new LinkedHashSet<>(was);
        gone.removeAll(now);
        Set<String> added = new LinkedHashSet<>(now);
        added.removeAll(was);
        if (gone.isEmpty() || added.isEmpty()) {
          continue;
        }
        String change = String.join("、", gone) + " 已改为 " + String.join("、", added);
        int column = 0;
        for (OutputEntry entry : rule.getOutputEntries()) {
          String text = text(entry);
          Output output = column < outputs.size() ? outputs.get(column) : null;
          column++;
          if (text.strip().startsWith("\"")) {
            warn(warnings, gone, text, FeelCells.column(prefix, number,
                output == null ? "" : FeelCells.label(output.getLabel(), output.getName())), change);
          }
        }
        if (rule.getDescription() != null) {
          warn(warnings, gone, rule.getDescription().getTextContent(), prefix + "第" + number + "条规则的备注", change);
        }
      }
    }
    return warnings;
  }

  private static void warn(List<RuleProblem> warnings, Set<String> gone, String text, String where, String change) {
    Set<String> stale = numbers(text);
    stale.retainAll(gone);
    if (!stale.isEmpty()) {
      warnings.add(RuleProblem.xml("STALE_TEXT", where + "仍写着「" + String.join("、", stale) + "」，而该规则条件中的 "
          + change + "：请核对这段文字是否也要一并修改"));
    }
  }

  private static String conditions(Rule rule) {
    StringBuilder all = new StringBuilder();
    rule.getInputEntries().forEach(entry -> all.append(text(entry)).append('\n'));
    return all.toString();
  }

  private static String text(ModelElementInstance entry) {
    var text = entry.getUniqueChildElementByType(Text.class);
    return text == null || text.getTextContent() == null ? "" : text.getTextContent();
  }

  private static Set<String> numbers(String text) {
    Set<String> numbers = new LinkedHashSet<>();
    Matcher matcher = NUMBER.matcher(text == null ? "" : text);
    while (matcher.find()) {
      numbers.add(matcher.group());
    }
    return numbers;
  }
}
