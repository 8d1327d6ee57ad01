package cn.gov.shuozhou.makerspace.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Is every cell of a decision table valid FEEL? Checked before any regression case runs, so that a
 * typing error is named once, by its cell (第3条规则「可自主支配场地面积」列), instead of failing every
 * case with the FEEL engine's own (English) message.
 *
 * <p>A condition (input entry) must parse as FEEL unary tests, a result (output entry) as a FEEL
 * expression; an empty cell means "any" or "no value". A name a cell reads must be one the table
 * knows: an input of the regression cases, a variable an input expression reads, an output of a
 * decision of the file, or the cell's own input ({@code cellInput} or its {@code camunda:inputVariable}).
 * Otherwise FEEL reads it as null and the rule silently never matches: {@code >= 抽象} was meant as
 * text, which FEEL writes in double quotes.
 */
final class FeelCells {

  private static final String CELL_INPUT = "cellInput";
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  /** A function's name, also of several words (date and time, string length), up to its parenthesis. */
  private static final Pattern FUNCTION_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(?:\\s+[\\p{L}_][\\p{L}\\p{N}_]*)*\\s*\\(");
  /** A name read, not a member after a dot ({@code policy.validityYears}). */
  private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}_.])[\\p{L}_][\\p{L}\\p{N}_]*");
  private static final Set<String> KEYWORDS = Set.of(
      "if", "then", "else", "and", "or", "not", "true", "false", "null", "for", "in", "return",
      "some", "every", "satisfies", "between", "instance", "of", "function", "external", "item");

  /** The rule checks' one FEEL engine, outside the DMN engine: parsing cells, computing a cell a case failed on. */
  static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  private FeelCells() {}

  /** One problem per cell that is not valid FEEL; {@code caseInputs}: the variables the regression cases give. */
  static List<RuleProblem> check(DmnModelInstance model, Collection<String> caseInputs) {
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    Set<String> known = new HashSet<>(caseInputs);
    known.add(CELL_INPUT);
    for (Decision decision : decisions) {
      known.addAll(RuleChecker.inputNames(decision));
      known.addAll(RuleChecker.outputNames(decision));
      if (decision.getExpression() instanceof DecisionTable table) {
        table.getInputs().forEach(input -> {
          if (input.getCamundaInputVariable() != null) {
            known.add(input.getCamundaInputVariable());
          }
        });
      }
    }
    List<RuleProblem> problems = new ArrayList<>();
    for (Decision decision : decisions) {
      if (decision.getExpression() instanceof DecisionTable table) {
        String prefix = decisions.size() > 1 ? "决策「" + nameOf(decision) + "」" : "";
        check(table, prefix, known, problems);
      }
    }
    return problems;
  }

  private static void check(DecisionTable table, String prefix, Set<String> known, List<RuleProblem> problems) {
    List<Input> inputs = List.copyOf(table.getInputs());
    List<Output> outputs = List.copyOf(table.getOutputs());
    int number = 0;
    for (Rule rule : table.getRules()) {
      number++;
      int column = 0;
      for (InputEntry entry : rule.getInputEntries()) {
        Input input = column < inputs.size() ? inputs.get(column) : null;
        String label = input == null ? "" : label(input.getLabel(),
            input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                : input.getInputExpression().getText().getTextContent());
        cell(entry.getText() == null ? null : entry.getText().getTextContent(), true,
            column(prefix, number, label), known, problems);
        column++;
      }
      column = 0;
      for (OutputEntry entry : rule.getOutputEntries()) {
        Output output = column < outputs.size() ? outputs.get(column) : null;
        String label = output == null ? "" : label(output.getLabel(), output.getName());
        cell(entry.getText() == null ? null : entry.getText().getTextContent(), false,
            column(prefix, number, label), known, problems);
        column++;
      }
    }
  }

  /** A cell as the page names it: 第3条规则「可自主支配场地面积」列 (after the decision, when the file has several). */
  static String column(String decisionPrefix, int ruleNumber, String label) {
    return decisionPrefix + "第" + ruleNumber + "条规则「" + label + "」列";
  }

  private static void cell(String text, boolean condition, String where, Set<String> known, List<RuleProblem> problems) {
    if (text == null || text.isBlank()) {
      return;
    }
    String shown = where + "的单元格「" + text.strip() + "」";
    boolean parses = condition ? FEEL.parseUnaryTests(text).isSuccess() : FEEL.parseExpression(text).isSuccess();
    if (!parses) {
      problems.add(RuleProblem.xml("FEEL_INVALID", shown + "不是有效的FEEL" + (condition ? "条件" : "表达式")
          + "：请检查比较符号后是否缺少数值、括号和引号是否成对，改正后再检查"));
      return;
    }
    for (String name : names(text)) {
      if (!known.contains(name)) {
        problems.add(RuleProblem.xml("FEEL_INVALID", shown + "不是有效的FEEL" + (condition ? "条件" : "表达式")
            + "：「" + name + "」不是本表的输入名称；文字须写在英文双引号中"));
        return;
      }
    }
  }

  /** The names an expression reads: outside string literals, not a function's name, not a keyword. */
  static Set<String> names(String feel) {
    String code = FUNCTION_NAME.matcher(STRING_LITERAL.matcher(feel).replaceAll("\"\"")).replaceAll("(");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = NAME.matcher(code);
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }

  /** A column as the page names it: its label without the explanation in brackets, else {@code fallback}. */
  static String label(String label, String fallback) {
    if (label == null || label.isBlank()) {
      return fallback == null ? "" : fallback.strip();
    }
    int cut = label.replace('(', '（').indexOf('（');
    return cut > 0 ? label.substring(0, cut).strip() : label.strip();
  }

  static String nameOf(Decision decision) {
    return decision.getName() == null || decision.getName().isBlank() ? decision.getId() : decision.getName();
  }
}
