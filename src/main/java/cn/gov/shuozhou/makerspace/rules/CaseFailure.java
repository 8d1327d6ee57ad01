package cn.gov.shuozhou.makerspace.rules;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.DmnHitPolicyException;
import org.camunda.bpm.dmn.engine.impl.spi.type.DmnTypeDefinition;
import org.camunda.feel.api.EvaluationResult;

/**
 * Why a regression case failed to evaluate, in a rule administrator's words: which column or which
 * rule's cell (where that can be known) and what is wrong with it, never the DMN or FEEL engine's
 * own (English) text. The explanation depends on the table and the case's values only, so that
 * cases failing for the same cause get the same text (and the check says it once).
 *
 * <ul>
 *   <li>a value its column's type refuses ({@code DMN-01005}): the input column whose case value,
 *       or the rule's result cell whose value, the column's type does not take;
 *   <li>several rules matched where the hit policy allows one ({@code DMN-03001}) or one result
 *       ({@code DMN-03002}): the rules by number;
 *   <li>an aggregation over results that are not numbers;
 *   <li>a cell FEEL could not compute (the engine's message quotes it): the cell.
 * </ul>
 * Anything else is said generally, with the engine's error code for whoever reads the log.
 */
final class CaseFailure {

  private static final Pattern ENGINE_CODE = Pattern.compile("(DMN-\\d{5}|FEEL/SCALA-\\d{5})");
  private static final Pattern MATCHED_RULE = Pattern.compile("DecisionRuleImpl\\{id='([^']*)'");

  private CaseFailure() {}

  /** The explanation of {@code failure}, thrown while {@code decision} was evaluated with {@code inputs}. */
  static String explain(DmnDecision decision, Map<String, Object> inputs, RuntimeException failure) {
    String text = messages(failure);
    Matcher code = ENGINE_CODE.matcher(text);
    String engineCode = code.find() ? code.group(1) : "";
    List<DmnDecision> tables = tables(decision, new ArrayList<>());
    Set<String> found = new LinkedHashSet<>();
    if (engineCode.equals("DMN-01005")) {
      typeMismatches(tables, inputs, found);
    } else if (failure instanceof DmnHitPolicyException) {
      hitPolicy(tables, engineCode, text, found);
    } else {
      quotedCells(tables, text, found);
    }
    if (!found.isEmpty()) {
      return String.join("；", found);
    }
    return "求值时出错，无法确定是哪一条规则或哪一列" + (engineCode.isEmpty() ? "" : "（规则引擎代码 " + engineCode + "）")
        + "：请检查各列的类型和最近修改的单元格";
  }

  // ------------------------------------------------------------------ the causes

  /** Input columns whose case value, and result cells whose value, their column's type refuses. */
  private static void typeMismatches(List<DmnDecision> tables, Map<String, Object> inputs, Set<String> found) {
    for (DmnDecision decision : tables) {
      DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
      String prefix = prefix(decision, tables);
      for (DmnDecisionTableInputImpl input : table.getInputs()) {
        DmnExpressionImpl expression = input.getExpression();
        Object value = value(expression.getExpression(), inputs);
        if (refuses(expression.getTypeDefinition(), value)) {
          found.add(prefix + "输入列「" + FeelCells.label(input.getName(), expression.getExpression()) + "」的类型是"
              + typeName(expression.getTypeDefinition()) + "，与回归用例给出的值不符：请检查这一列的类型");
        }
      }
      List<DmnDecisionTableOutputImpl> outputs = table.getOutputs();
      List<DmnDecisionTableRuleImpl> rules = table.getRules();
      for (int column = 0; column < outputs.size(); column++) {
        DmnDecisionTableOutputImpl output = outputs.get(column);
        String label = FeelCells.label(output.getName(), output.getOutputName());
        String type = typeName(output.getTypeDefinition());
        List<Integer> numbers = new ArrayList<>();
        Set<String> cells = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (int number = 1; number <= rules.size(); number++) {
          List<DmnExpressionImpl> conclusions = rules.get(number - 1).getConclusions();
          String cell = column < conclusions.size() ? conclusions.get(column).getExpression() : null;
          Object value = value(cell, inputs);
          if (refuses(output.getTypeDefinition(), value)) {
            numbers.add(number);
            cells.add(cell.strip());
            kinds.add(kind(value));
          }
        }
        if (numbers.size() == 1) {
          found.add(FeelCells.column(prefix, numbers.get(0), label) + "的单元格「" + cells.iterator().next() + "」得出"
              + kinds.iterator().next() + "，而这一列的类型是" + type + "：请改为" + type + "，或修改这一列的类型");
        } else if (!numbers.isEmpty()) {
          found.add(prefix + "「" + label + "」列有 " + numbers.size() + " 条规则（第"
              + numbers.stream().map(String::valueOf).collect(Collectors.joining("、")) + "条）的结果是"
              + String.join("、", kinds) + "，而这一列的类型是" + type + "：请改为" + type + "，或修改这一列的类型");
        }
      }
    }
  }

  /** Several rules matched where the hit policy allows one, or results the aggregation cannot add up. */
  private static void hitPolicy(List<DmnDecision> tables, String engineCode, String text, Set<String> found) {
    Set<String> ruleIds = new LinkedHashSet<>();
    MATCHED_RULE.matcher(text).results().forEach(match -> ruleIds.add(match.group(1)));
    for (DmnDecision decision : tables) {
      List<DmnDecisionTableRuleImpl> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules();
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        if (ruleIds.contains(rules.get(i).getId())) {
          numbers.add("第" + (i + 1) + "条");
        }
      }
      String prefix = prefix(decision, tables);
      if (!numbers.isEmpty() && engineCode.equals("DMN-03001")) {
        found.add(prefix + String.join("、", numbers) + "规则同时命中，而命中策略“唯一”只允许一条规则命中："
            + "请修改这些规则的条件，使它们不再重叠");
      } else if (!numbers.isEmpty()) {
        found.add(prefix + String.join("、", numbers) + "规则同时命中而结果不同，而命中策略“任一”要求同时命中的规则结果相同："
            + "请修改这些规则的条件或结果");
      }
    }
    if (found.isEmpty() && (engineCode.equals("DMN-03003") || engineCode.equals("DMN-03004"))) {
      found.add("命中策略“汇总”的合并方式（求和、计数、最小值、最大值）只能用于一个输出列的数值结果："
          + "请检查各规则的结果是否都是数值，或改用不合并的汇总");
    }
  }

  /** The cells (conditions, results, input expressions) whose text the engine's message quotes. */
  private static void quotedCells(List<DmnDecision> tables, String text, Set<String> found) {
    for (DmnDecision decision : tables) {
      DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
      String prefix = prefix(decision, tables);
      for (DmnDecisionTableInputImpl input : table.getInputs()) {
        String expression = input.getExpression().getExpression();
        if (quotes(text, expression)) {
          found.add(prefix + "输入列「" + FeelCells.label(input.getName(), expression) + "」的表达式「"
              + expression.strip() + "」无法计算：请检查其中的名称、函数和参数");
        }
      }
      int number = 0;
      for (DmnDecisionTableRuleImpl rule : table.getRules()) {
        number++;
        for (int column = 0; column < rule.getConditions().size() && column < table.getInputs().size(); column++) {
          DmnDecisionTableInputImpl input = table.getInputs().get(column);
          quotedCell(text, rule.getConditions().get(column).getExpression(),
              FeelCells.column(prefix, number, FeelCells.label(input.getName(), input.getExpression().getExpression())), found);
        }
        for (int column = 0; column < rule.getConclusions().size() && column < table.getOutputs().size(); column++) {
          DmnDecisionTableOutputImpl output = table.getOutputs().get(column);
          quotedCell(text, rule.getConclusions().get(column).getExpression(),
              FeelCells.column(prefix, number, FeelCells.label(output.getName(), output.getOutputName())), found);
        }
      }
    }
  }

  private static void quotedCell(String text, String cell, String where, Set<String> found) {
    if (quotes(text, cell)) {
      found.add(where + "的单元格「" + cell.strip() + "」无法计算（例如函数的参数不符合要求）：请检查这个单元格");
    }
  }

  private static boolean quotes(String text, String expression) {
    return expression != null && !expression.isBlank() && text.contains("'" + expression + "'");
  }

  // ------------------------------------------------------------------ helpers

  /** The decision and the decision tables it requires, each once. */
  private static List<DmnDecision> tables(DmnDecision decision, List<DmnDecision> tables) {
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl && !tables.contains(decision)) {
      tables.add(decision);
    }
    decision.getRequiredDecisions().forEach(required -> tables(required, tables));
    return tables;
  }

  private static String prefix(DmnDecision decision, List<DmnDecision> tables) {
    return tables.size() > 1 ? "决策「" + (decision.getName() == null ? decision.getKey() : decision.getName()) + "」" : "";
  }

  /** A cell's or input expression's value for the case; null when it reads what the case does not give. */
  private static Object value(String expression, Map<String, Object> inputs) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    try {
      EvaluationResult result = FeelCells.FEEL.evaluateExpression(expression, inputs);
      return result.isSuccess() ? result.result() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean refuses(DmnTypeDefinition type, Object value) {
    if (type == null || value == null) {
      return false;
    }
    try {
      type.transform(value);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** A column's type as the rule page names it. */
  private static String typeName(DmnTypeDefinition type) {
    return switch (type.getTypeName() == null ? "" : type.getTypeName()) {
      case "string" -> "文本";
      case "integer", "long" -> "整数";
      case "double" -> "数值";
      case "boolean" -> "布尔值（是/否）";
      case "date" -> "日期";
      default -> "“" + type.getTypeName() + "”";
    };
  }

  /** What a value is, in words: 文本, 整数, 小数, 布尔值, 日期. */
  private static String kind(Object value) {
    if (value instanceof String) {
      return "文本";
    }
    if (value instanceof Boolean) {
      return "布尔值";
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0 ? "整数" : "小数";
      } catch (NumberFormatException e) {
        return "数值";
      }
    }
    if (value instanceof Temporal || value instanceof Date) {
      return "日期";
    }
    return "其他类型的值";
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }
}
