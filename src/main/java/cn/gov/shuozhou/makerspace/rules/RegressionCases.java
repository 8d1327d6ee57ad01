package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.dmn.FeelDmnEngines;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;


import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a decision's regression cases against a DMN model with the standalone DMN engine (no process
 * engine, no database): the packaged tables in the tests, and an administrator's uploaded table
 * before it is deployed.
 *
 * <p>Rows are compared column by column on the columns an expected row names; numbers compare by
 * value (3 equals 3.0). For a COLLECT table without aggregation the order of rows does not matter;
 * for every other hit policy it does.
 *
 * <p>Instances are thread-safe; building the DMN engine is the expensive part, so keep one.
 */
public final class RegressionCases {

  private static final Logger LOG = LoggerFactory.getLogger(RegressionCases.class);

  private final DmnEngine dmnEngine;

  /** Uses a new standalone DMN engine with FEEL everywhere ({@link FeelDmnEngines#create()}). */
  public RegressionCases() {
    this(FeelDmnEngines.create());
  }

  /** Uses the given DMN engine, e.g. the process engine's own, so that both evaluate alike. */
  public RegressionCases(DmnEngine dmnEngine) {
    this.dmnEngine = Objects.requireNonNull(dmnEngine, "dmnEngine");
  }

  /** Reads a DMN file (the caller closes the stream). */
  public static DmnModelInstance readModel(InputStream dmnXml) {
    return Dmn.readModelFromStream(dmnXml);
  }

  public DmnEngine dmnEngine() {
    return dmnEngine;
  }

  // ------------------------------------------------------------------ evaluation without judging

  /** Evaluates every case against the model and returns what it produced, in case order. */
  public List<CaseEvaluation> evaluate(DecisionCaseSet caseSet, DmnModelInstance model) {
    List<CaseEvaluation> evaluations = new ArrayList<>(caseSet.cases().size());
    DmnDecision decision;
    try {
      decision = dmnEngine.parseDecision(caseSet.decisionKey(), model);
    } catch (RuntimeException e) {
      LOG.debug("decision '{}' cannot be parsed: {}", caseSet.decisionKey(), message(e));
      String error = "规则引擎无法解析决策「" + caseSet.decisionKey() + "」";
      for (DecisionCase decisionCase : caseSet.cases()) {
        evaluations.add(new CaseEvaluation(decisionCase.name(), decisionCase.inputs(), List.of(), error));
      }
      return evaluations;
    }
    for (DecisionCase decisionCase : caseSet.cases()) {
      evaluations.add(evaluate(decision, decisionCase.name(), decisionCase.inputs()));
    }
    return evaluations;
  }

  /** Same as {@link #evaluate(DecisionCaseSet, DmnModelInstance)} for a DMN stream. */
  public List<CaseEvaluation> evaluate(DecisionCaseSet caseSet, InputStream dmnXml) {
    return evaluate(caseSet, readModel(dmnXml));
  }

  /**
   * Evaluates one set of variables against a parsed decision; never throws on a rule error: a
   * failure is the evaluation's error, in Chinese ({@link CaseFailure}; the engine's own text goes to the log).
   */
  public CaseEvaluation evaluate(DmnDecision decision, String name, Map<String, Object> inputs) {
    try {
      VariableMap variables = Variables.createVariables();
      inputs.forEach(variables::putValue);
      DmnDecisionResult result = dmnEngine.evaluateDecision(decision, variables);
      List<String> columns = outputColumns(decision);
      List<Map<String, Object>> rows = new ArrayList<>(result.size());
      for (Map<String, Object> row : result.getResultList()) {
        rows.add(inColumnOrder(row, columns));
      }
      return new CaseEvaluation(name, inputs, rows, null);
    } catch (RuntimeException e) {
      LOG.debug("regression case '{}' failed on decision '{}': {}", name, decision.getKey(), message(e));
      return new CaseEvaluation(name, inputs, List.of(), CaseFailure.explain(decision, inputs, e));
    }
  }

  /** The output names of a decision table in column order; empty for other decision logic. */
  private static List<String> outputColumns(DmnDecision decision) {
    List<String> names = new ArrayList<>();
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      for (DmnDecisionTableOutputImpl output : table.getOutputs()) {
        names.add(output.getOutputName());
      }
    }
    return names;
  }

  /** Copies a result row with its columns in table order (the engine's map is unordered). */
  private static Map<String, Object> inColumnOrder(Map<String, Object> row, List<String> columns) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String column : columns) {
      if (row.containsKey(column)) {
        ordered.put(column, row.get(column));
      }
    }
    row.forEach(ordered::putIfAbsent);
    return ordered;
  }

  // ------------------------------------------------------------------ judged runs

  /** Evaluates every case and judges it against its expected rows. */
  public List<CaseResult> run(DecisionCaseSet caseSet, DmnModelInstance model) {
    boolean ignoreOrder = isUnorderedResult(model, caseSet.decisionKey());
    List<CaseEvaluation> evaluations = evaluate(caseSet, model);
    List<CaseResult> results = new ArrayList<>(evaluations.size());
    for (int i = 0; i < evaluations.size(); i++) {
      results.add(judge(caseSet.decisionKey(), caseSet.cases().get(i), evaluations.get(i), ignoreOrder));
    }
    return results;
  }

  /** Same as {@link #run(DecisionCaseSet, DmnModelInstance)} for a DMN stream. */
  public List<CaseResult> run(DecisionCaseSet caseSet, InputStream dmnXml) {
    return run(caseSet, readModel(dmnXml));
  }

  /** Judges one evaluation (from this runner or from the process engine) against its case. */
  public static CaseResult judge(
      String decisionKey, DecisionCase decisionCase, CaseEvaluation evaluation, boolean ignoreOrder) {
    boolean passed = !evaluation.failed()
        && rowsMatch(decisionCase.expected(), evaluation.rows(), ignoreOrder);
    return new CaseResult(decisionKey, decisionCase.name(), passed, decisionCase.expected(),
        evaluation.rows(), evaluation.error());
  }

  // ------------------------------------------------------------------ old table against new table

  /**
   * Evaluates the cases against two versions of a decision and pairs the results, so that an
   * administrator sees which cases a change affects. Expected rows are not consulted.
   */
  public List<CaseComparison> compare(
      DecisionCaseSet caseSet, DmnModelInstance baseline, DmnModelInstance candidate) {
    return compare(caseSet, baseline, candidate, evaluate(caseSet, candidate));
  }

  /** The same with the candidate's evaluations already made (one per case, in case order). */
  public List<CaseComparison> compare(DecisionCaseSet caseSet, DmnModelInstance baseline, DmnModelInstance candidate,
      List<CaseEvaluation> after) {
    List<CaseEvaluation> before = evaluate(caseSet, baseline);
    boolean ignoreOrder = isUnorderedResult(baseline, caseSet.decisionKey())
        && isUnorderedResult(candidate, caseSet.decisionKey());
    List<CaseComparison> comparisons = new ArrayList<>(before.size());
    for (int i = 0; i < before.size(); i++) {
      CaseEvaluation old = before.get(i);
      CaseEvaluation neu = after.get(i);
      boolean same = !old.failed() && !neu.failed()
          && old.rows().size() == neu.rows().size()
          && rowsMatch(old.rows(), neu.rows(), ignoreOrder);
      comparisons.add(new CaseComparison(old.name(), old.inputs(), old.rows(), neu.rows(),
          old.error(), neu.error(), same));
    }
    return comparisons;
  }

  // ------------------------------------------------------------------ comparison helpers

  /**
   * True when the decision's rows form an unordered collection: a COLLECT table without
   * aggregation. Unknown keys and non-table decisions count as ordered.
   */
  public static boolean isUnorderedResult(DmnModelInstance model, String decisionKey) {
    if (model.getModelElementById(decisionKey) instanceof Decision decision
        && decision.getExpression() instanceof DecisionTable table) {
      return table.getHitPolicy() == HitPolicy.COLLECT && table.getAggregation() == null;
    }
    return false;
  }

  /**
   * True when there are as many actual rows as expected ones and each expected row matches its own
   * actual row on the columns it names (a missing actual column counts as null).
   */
  public static boolean rowsMatch(
      List<Map<String, Object>> expected, List<Map<String, Object>> actual, boolean ignoreOrder) {
    if (expected.size() != actual.size()) {
      return false;
    }
    if (!ignoreOrder) {
      for (int i = 0; i < expected.size(); i++) {
        if (!rowMatches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return assign(expected, actual, 0, new boolean[actual.size()]);
  }

  /** Backtracking assignment of expected rows to distinct actual rows (tables are small). */
  private static boolean assign(
      List<Map<String, Object>> expected, List<Map<String, Object>> actual, int index, boolean[] used) {
    if (index == expected.size()) {
      return true;
    }
    for (int j = 0; j < actual.size(); j++) {
      if (!used[j] && rowMatches(expected.get(index), actual.get(j))) {
        used[j] = true;
        if (assign(expected, actual, index + 1, used)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }

  /** True when every column named in the expected row has an equal value in the actual row. */
  public static boolean rowMatches(Map<String, Object> expected, Map<String, Object> actual) {
    for (Map.Entry<String, Object> column : expected.entrySet()) {
      if (!valuesEqual(column.getValue(), actual.get(column.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Equality with numbers compared by value, so that 3, 3L and 3.0 are equal. */
  public static boolean valuesEqual(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      BigDecimal left = toBigDecimal(a);
      BigDecimal right = toBigDecimal(b);
      return left != null && right != null ? left.compareTo(right) == 0 : a.equals(b);
    }
    return Objects.equals(expected, actual);
  }

  private static BigDecimal toBigDecimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String message(Throwable e) {
    String text = e.getMessage();
    return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
