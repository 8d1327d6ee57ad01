package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.common.SafeXml;
import cn.gov.shuozhou.makerspace.dmn.FeelLanguage;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The guard in front of every rule change: is the uploaded file a DMN table that may replace the
 * packaged one, and what does it change? Plain Java, no process engine.
 *
 * <p>Refused: anything that is not a DMN 1.1/1.2/1.3 file, DOCTYPE declarations (no external
 * entities), tables past the {@link RuleLimits} (file size, rules, cells, expression length, FEEL
 * constructs without a bound, time per regression case), any expression language other than FEEL (on any element),
 * FEEL external (Java) functions, a different set of decision keys, an input or output that the
 * packaged table has removed or renamed, an invalid {@code camunda:historyTimeToLive}, a table the
 * DMN engine cannot parse, a cell that is not valid FEEL ({@link FeelCells}), and a table that fails to
 * evaluate on one of its regression cases.
 *
 * <p>A decision without {@code camunda:historyTimeToLive} gets the packaged decision's value, with
 * a warning (the engine refuses decisions without one).
 *
 * <p>Thread-safe.
 */
public final class RuleChecker {

  public static final String DMN11_NS = "http://www.omg.org/spec/DMN/20151101/dmn.xsd";
  public static final String DMN12_NS = "http://www.omg.org/spec/DMN/20180521/MODEL/";
  public static final String DMN13_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  public static final Set<String> DMN_NAMESPACES = Set.of(DMN11_NS, DMN12_NS, DMN13_NS);
  public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";
  private static final String TTL = "historyTimeToLive";
  private static final String DEFAULT_TTL = "P3650D";

  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTERNAL_FUNCTION =
      Pattern.compile("function\\s*\\([^)]*\\)\\s*external\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern TTL_VALUE = Pattern.compile("\\d+|P\\d+D");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");
  private static final Set<String> FEEL_KEYWORDS = Set.of(
      "if", "then", "else", "and", "or", "not", "true", "false", "null", "for", "in", "return",
      "some", "every", "satisfies", "between", "instance", "of", "function", "external");

  private final RegressionCases runner;
  private final RuleLimits limits;
  /** Runs the candidate's cases, so that a case past the time limit can be abandoned (see {@link RuleLimits}). */
  private final ThreadPoolExecutor evaluator;

  public RuleChecker(RegressionCases runner, RuleLimits limits) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.limits = Objects.requireNonNull(limits, "limits");
    // Bounded: an evaluation that never ends holds one of two threads, never more.
    this.evaluator = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, "rule-check");
      thread.setDaemon(true);
      return thread;
    });
    this.evaluator.allowCoreThreadTimeOut(true);
  }

  /**
   * Checks {@code candidateXml} as the new version of {@code packaged}, and compares its outcome on
   * the regression cases with {@code activeXml} (the version in force; the packaged one if null).
   */
  public RuleCheck check(PackagedRule packaged, String activeXml, String candidateXml) {
    List<RuleProblem> errors = new ArrayList<>();
    List<RuleProblem> warnings = new ArrayList<>();
    if (candidateXml == null || candidateXml.isBlank()) {
      errors.add(RuleProblem.xml("EMPTY", "未提供DMN文件内容（xml）"));
      return RuleCheck.refused(errors, warnings);
    }
    int size = candidateXml.getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.maxXmlBytes()) {
      errors.add(RuleProblem.xml("SIZE_LIMIT", String.format(Locale.ROOT,
          "DMN文件过大：%d 字节，上限为 %d 字节", size, limits.maxXmlBytes())));
      return RuleCheck.refused(errors, warnings);
    }
    String xml = RuleXml.forUtf8(candidateXml);
    if (DOCTYPE.matcher(xml).find()) {
      errors.add(RuleProblem.xml("DOCTYPE", "DMN文件不允许包含DOCTYPE声明或外部实体"));
      return RuleCheck.refused(errors, warnings);
    }

    // 1. Well-formed XML, parsed without DTDs or external entities, with a DMN root.
    Document document;
    try {
      document = SafeXml.parse(xml);
    } catch (SAXParseException e) {
      errors.add(RuleProblem.xml("NOT_XML", String.format(Locale.ROOT,
          "文件不是有效的XML（第%d行第%d列）：%s", e.getLineNumber(), e.getColumnNumber(), e.getMessage())));
      return RuleCheck.refused(errors, warnings);
    } catch (SAXException e) {
      errors.add(RuleProblem.xml("NOT_XML", "文件不是有效的XML：" + e.getMessage()));
      return RuleCheck.refused(errors, warnings);
    }
    Element root = document.getDocumentElement();
    if (!"definitions".equals(root.getLocalName()) || !DMN_NAMESPACES.contains(root.getNamespaceURI())) {
      errors.add(RuleProblem.xml("NOT_DMN", "文件不是DMN决策表：根元素应为DMN 1.3（或1.1、1.2）的 definitions，实际为「"
          + (root.getNamespaceURI() == null ? "" : "{" + root.getNamespaceURI() + "}") + root.getLocalName() + "」"));
      return RuleCheck.refused(errors, warnings);
    }

    // 2. FEEL only, everywhere; within the size limits and without unbounded constructs.
    checkExpressionLanguages(root, errors);
    checkExternalFunctions(root, errors);
    errors.addAll(limits.check(root));

    // 3. The Camunda DMN model (schema validation).
    DmnModelInstance candidate;
    try {
      candidate = RegressionCases.readModel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      errors.add(RuleProblem.xml("DMN_INVALID", "文件不符合DMN规范：" + rootMessage(e)));
      return RuleCheck.refused(errors, warnings);
    }
    DmnModelInstance contract =
        RegressionCases.readModel(new ByteArrayInputStream(packaged.xml().getBytes(StandardCharsets.UTF_8)));

    // 4. The same decision keys, every input and output of the contract.
    checkDecisionKeys(packaged, candidate, errors);
    checkInputsAndOutputs(contract, candidate, errors);

    // 5. History time to live: the engine needs one; take the packaged value when missing.
    boolean changed = checkHistoryTimeToLive(root, contract, errors, warnings);
    if (!errors.isEmpty()) {
      return RuleCheck.refused(errors, warnings);
    }
    if (changed) {
      xml = serialize(document);
      candidate = RegressionCases.readModel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    // 6. The DMN engine can parse every decision.
    try {
      runner.dmnEngine().parseDecisions(candidate);
    } catch (RuntimeException e) {
      errors.add(RuleProblem.xml("DMN_PARSE", "规则引擎无法解析该决策表：" + rootMessage(e)));
      return RuleCheck.refused(errors, warnings);
    }

    // 7. Every cell is valid FEEL and reads only names the table knows: one message per cell, before any case runs.
    Set<String> caseInputs = new LinkedHashSet<>();
    packaged.cases().cases().forEach(decisionCase -> caseInputs.addAll(decisionCase.inputs().keySet()));
    errors.addAll(FeelCells.check(candidate, caseInputs));
    if (!errors.isEmpty()) {
      return RuleCheck.refused(errors, warnings);
    }

    // 8. Regression cases, each within the time limit on the new table; then the active table against the new one.
    List<CaseEvaluation> candidateRuns = new ArrayList<>();
    DmnDecision decision = runner.dmnEngine().parseDecision(packaged.key(), candidate);
    for (DecisionCase decisionCase : packaged.cases().cases()) {
      CaseEvaluation run = evaluateInTime(decision, decisionCase);
      if (run == null) {
        errors.add(RuleProblem.xml("CASE_TIME_LIMIT", String.format(Locale.ROOT,
            "回归用例「%s」在新决策表上求值超过 %d 毫秒的上限，已中止：请简化决策表中的表达式",
            decisionCase.name(), limits.maxCaseTime().toMillis())));
        return RuleCheck.refused(errors, warnings);
      }
      candidateRuns.add(run);
    }
    DmnModelInstance active = activeXml == null ? contract
        : RegressionCases.readModel(new ByteArrayInputStream(RuleXml.forUtf8(activeXml).getBytes(StandardCharsets.UTF_8)));
    List<ChangedCase> changedCases = new ArrayList<>();
    List<FailedCase> failedCases = new ArrayList<>();
    Map<String, List<String>> casesByFailure = new LinkedHashMap<>();
    int unchanged = 0;
    for (CaseComparison comparison : runner.compare(packaged.cases(), active, candidate, candidateRuns)) {
      if (comparison.candidateError() != null) {
        failedCases.add(new FailedCase(comparison.name(), comparison.candidateError()));
        casesByFailure.computeIfAbsent(comparison.candidateError(), failure -> new ArrayList<>()).add(comparison.name());
      } else if (comparison.same()) {
        unchanged++;
      } else {
        changedCases.add(new ChangedCase(comparison.name(), comparison.inputs(), comparison.baselineRows(),
            comparison.candidateRows(), comparison.baselineError()));
      }
    }
    // a cause shared by many cases is said once, with how many it affects
    casesByFailure.forEach((failure, names) -> errors.add(RuleProblem.xml("CASE_FAILED", names.size() == 1
        ? "回归用例「" + names.get(0) + "」在新决策表上求值失败：" + failure
        : names.size() + " 个回归用例在新决策表上求值失败（如「" + names.get(0) + "」）：" + failure)));
    // 9. A threshold changed while the rule's own words still state the old one
    warnings.addAll(StaleTexts.check(active, candidate));
    if (packaged.cases().cases().isEmpty()) {
      warnings.add(RuleProblem.xml("NO_CASES", "决策「" + packaged.key() + "」没有回归用例，无法比较变更前后的结果"));
    }
    return new RuleCheck(errors.isEmpty(), errors, warnings, changedCases, unchanged, failedCases,
        errors.isEmpty() ? xml : null);
  }

  /** The case's evaluation, or null when it did not finish within the time limit (its thread is abandoned). */
  private CaseEvaluation evaluateInTime(DmnDecision decision, DecisionCase decisionCase) {
    Future<CaseEvaluation> run = evaluator.submit(() -> runner.evaluate(decision, decisionCase.name(), decisionCase.inputs()));
    try {
      return run.get(limits.maxCaseTime().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return null;
    } catch (InterruptedException e) {
      run.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rule check interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("regression case failed outside the DMN engine: " + e.getCause(), e.getCause());
    }
  }

  // ------------------------------------------------------------------ XML

  private static String serialize(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.STANDALONE, "no");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write DMN XML: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ expression languages

  private static void checkExpressionLanguages(Element element, List<RuleProblem> errors) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("expressionLanguage".equals(name) && !FeelLanguage.isFeel(attribute.getValue())) {
        errors.add(RuleProblem.xml("EXPRESSION_LANGUAGE", "不允许的表达式语言「" + attribute.getValue() + "」："
            + describe(element) + "；只允许使用FEEL"));
      }
    }
    for (Element child : children(element)) {
      checkExpressionLanguages(child, errors);
    }
  }

  private static void checkExternalFunctions(Element root, List<RuleProblem> errors) {
    NodeList texts = root.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element text = (Element) texts.item(i);
      if (EXTERNAL_FUNCTION.matcher(text.getTextContent()).find()) {
        Node parent = text.getParentNode();
        errors.add(RuleProblem.xml("FEEL_EXTERNAL_FUNCTION", "不允许在FEEL中定义外部（Java）函数："
            + describe(parent instanceof Element e ? e : text)));
      }
    }
  }

  /** "决策「id」规则「id」的输入条目（id=…）" — names the element so that an administrator finds it. */
  static String describe(Element element) {
    StringBuilder text = new StringBuilder();
    String decision = null;
    String rule = null;
    for (Node node = element.getParentNode(); node instanceof Element ancestor; node = node.getParentNode()) {
      if ("rule".equals(ancestor.getLocalName()) && rule == null) {
        rule = ancestor.getAttribute("id");
      }
      if ("decision".equals(ancestor.getLocalName()) && decision == null) {
        decision = ancestor.getAttribute("id");
      }
    }
    if ("decision".equals(element.getLocalName())) {
      decision = null;
    }
    if (decision != null) {
      text.append("决策「").append(decision).append("」");
    }
    if (rule != null) {
      text.append("规则「").append(rule).append("」");
    }
    if (text.length() > 0) {
      text.append("的");
    }
    text.append(kind(element.getLocalName()));
    String id = element.getAttribute("id");
    if (!id.isEmpty()) {
      text.append("（id=").append(id).append("）");
    }
    return text.toString();
  }

  private static String kind(String localName) {
    return switch (localName) {
      case "definitions" -> "定义（definitions）";
      case "decision" -> "决策（decision）";
      case "decisionTable" -> "决策表（decisionTable）";
      case "inputExpression" -> "输入表达式（inputExpression）";
      case "inputEntry" -> "输入条目（inputEntry）";
      case "outputEntry" -> "输出条目（outputEntry）";
      case "literalExpression" -> "文字表达式（literalExpression）";
      case "inputValues" -> "输入取值范围（inputValues）";
      case "outputValues" -> "输出取值范围（outputValues）";
      case "defaultOutputEntry" -> "默认输出（defaultOutputEntry）";
      case "text" -> "表达式文本（text）";
      default -> "元素 " + localName;
    };
  }

  // ------------------------------------------------------------------ contract

  private static void checkDecisionKeys(PackagedRule packaged, DmnModelInstance candidate, List<RuleProblem> errors) {
    Set<String> found = new LinkedHashSet<>();
    for (Decision decision : candidate.getModelElementsByType(Decision.class)) {
      found.add(decision.getId());
    }
    if (!found.contains(packaged.key())) {
      errors.add(RuleProblem.xml("DECISION_KEY", "决策键不符：文件中应有决策「" + packaged.key() + "」，实际为「"
          + String.join("、", found) + "」"));
    }
    for (String id : packaged.decisionIds()) {
      if (!id.equals(packaged.key()) && !found.contains(id)) {
        errors.add(RuleProblem.xml("DECISION_KEY", "缺少决策「" + id + "」：决策「" + packaged.key()
            + "」依赖它，不能删除或改名"));
      }
    }
    for (String id : found) {
      if (!packaged.decisionIds().contains(id)) {
        errors.add(RuleProblem.xml("DECISION_KEY", "多出决策「" + id + "」：替换「" + packaged.key()
            + "」的文件只能包含决策 " + String.join("、", packaged.decisionIds())));
      }
    }
  }

  private static void checkInputsAndOutputs(
      DmnModelInstance contract, DmnModelInstance candidate, List<RuleProblem> errors) {
    for (Decision required : contract.getModelElementsByType(Decision.class)) {
      if (!(candidate.getModelElementById(required.getId()) instanceof Decision offered)) {
        continue;
      }
      String label = "决策「" + offered.getId() + "」";
      Set<String> offeredInputs = inputNames(offered);
      for (String input : inputNames(required)) {
        if (!offeredInputs.contains(input)) {
          errors.add(RuleProblem.xml("INPUT_MISSING", label + "缺少输入「" + input
              + "」：流程和接口契约使用这个输入，不能删除或改名"));
        }
      }
      Set<String> offeredOutputs = outputNames(offered);
      for (String output : outputNames(required)) {
        if (!offeredOutputs.contains(output)) {
          errors.add(RuleProblem.xml("OUTPUT_MISSING", label + "缺少输出「" + output
              + "」：流程和接口契约使用这个输出，不能删除或改名"));
        }
      }
    }
  }

  /** The variable names the decision's input expressions read. */
  static Set<String> inputNames(Decision decision) {
    Set<String> names = new LinkedHashSet<>();
    if (decision.getExpression() instanceof DecisionTable table) {
      for (Input input : table.getInputs()) {
        if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
          names.addAll(variableNames(input.getInputExpression().getText().getTextContent()));
        }
      }
    }
    return names;
  }

  /** The output names of a decision table, or the variable of a literal expression decision. */
  static Set<String> outputNames(Decision decision) {
    Set<String> names = new LinkedHashSet<>();
    if (decision.getExpression() instanceof DecisionTable table) {
      for (Output output : table.getOutputs()) {
        if (output.getName() != null && !output.getName().isBlank()) {
          names.add(output.getName());
        }
      }
    } else if (decision.getExpression() instanceof LiteralExpression && decision.getVariable() != null
        && decision.getVariable().getName() != null) {
      names.add(decision.getVariable().getName());
    }
    return names;
  }

  /** The names a FEEL expression reads: identifiers outside string literals, not keywords or function names. */
  static Set<String> variableNames(String feel) {
    Set<String> names = new LinkedHashSet<>();
    if (feel == null) {
      return names;
    }
    Matcher matcher = NAME.matcher(STRING_LITERAL.matcher(feel).replaceAll("\"\""));
    while (matcher.find()) {
      if (!FEEL_KEYWORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  // ------------------------------------------------------------------ history time to live

  /** Returns true when a missing value was filled in. */
  private static boolean checkHistoryTimeToLive(
      Element root, DmnModelInstance contract, List<RuleProblem> errors, List<RuleProblem> warnings) {
    Map<String, String> packagedValues = new LinkedHashMap<>();
    for (Decision decision : contract.getModelElementsByType(Decision.class)) {
      String value = decision.getCamundaHistoryTimeToLiveString();
      packagedValues.put(decision.getId(), value == null || value.isBlank() ? DEFAULT_TTL : value);
    }
    boolean changed = false;
    for (Element decision : children(root)) {
      if (!"decision".equals(decision.getLocalName())) {
        continue;
      }
      String id = decision.getAttribute("id");
      String value = decision.getAttributeNS(CAMUNDA_NS, TTL);
      if (value.isBlank()) {
        String packaged = packagedValues.getOrDefault(id, DEFAULT_TTL);
        decision.setAttributeNS(CAMUNDA_NS, camundaPrefix(root) + ":" + TTL, packaged);
        warnings.add(RuleProblem.xml("HISTORY_TTL_ADDED", "决策「" + id
            + "」未设置历史保留期限（camunda:historyTimeToLive），已按发布版本设为 " + packaged));
        changed = true;
      } else if (!TTL_VALUE.matcher(value.trim()).matches()) {
        errors.add(RuleProblem.xml("HISTORY_TTL", "决策「" + id + "」的历史保留期限（camunda:historyTimeToLive）「"
            + value + "」无效：应为天数，如 3650 或 P3650D"));
      }
    }
    return changed;
  }

  /** The prefix bound to the Camunda namespace on the root, declared as "camunda" (or a free name) if none. */
  private static String camundaPrefix(Element root) {
    String prefix = root.lookupPrefix(CAMUNDA_NS);
    if (prefix != null) {
      return prefix;
    }
    prefix = "camunda";
    for (int i = 2; root.lookupNamespaceURI(prefix) != null; i++) {
      prefix = "camunda" + i;
    }
    root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, CAMUNDA_NS);
    return prefix;
  }

  // ------------------------------------------------------------------ helpers

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    Collection<String> messages = new LinkedHashSet<>();
    while (cause != null) {
      if (cause.getMessage() != null) {
        messages.add(cause.getMessage());
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    String text = String.join(" / ", messages);
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
