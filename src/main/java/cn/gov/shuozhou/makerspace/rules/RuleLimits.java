package cn.gov.shuozhou.makerspace.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * How large and how costly a decision table may be. FEEL cannot be interrupted reliably (a running
 * evaluation ignores {@link Thread#interrupt()}), so the limits are mostly static: what a table may
 * not contain is refused before anything is evaluated, on every path into the engine (the rule
 * check and activation, and {@code security/DeploymentGuard} for any deployment). The time limit per
 * regression case is the backstop for what the static rules do not foresee.
 *
 * <p>Refused constructs (outside string literals): iteration ({@code for}, {@code some},
 * {@code every}), whose cost grows with a range or list the expression chooses
 * ({@code count(for i in 1..200000 return i)}); function definitions (recursion, and the
 * comparators of {@code sort}); context literals ({@code {a: l, b: a + a, ...}} doubles a value per
 * entry); and the regular-expression built-ins {@code matches}, {@code replace} and {@code split}
 * (catastrophic backtracking). Without them an expression's cost grows at most with its own length
 * and the inputs, and the length is limited.
 *
 * @param maxXmlBytes largest DMN file in bytes
 * @param maxRules most rules in one decision table
 * @param maxCells most expressions in one file (input expressions, input and output entries,
 *     literal expressions, allowed values)
 * @param maxExpressionLength most characters in one expression
 * @param maxCaseTime longest evaluation of one regression case
 */
public record RuleLimits(int maxXmlBytes, int maxRules, int maxCells, int maxExpressionLength, Duration maxCaseTime) {

  public static final int DEFAULT_MAX_XML_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_RULES = 500;
  public static final int DEFAULT_MAX_CELLS = 10_000;
  public static final int DEFAULT_MAX_EXPRESSION_LENGTH = 1_000;
  public static final Duration DEFAULT_MAX_CASE_TIME = Duration.ofSeconds(2);

  /** The error codes of the limits. */
  public static final Set<String> CODES =
      Set.of("SIZE_LIMIT", "RULE_LIMIT", "CELL_LIMIT", "EXPRESSION_LENGTH", "FEEL_CONSTRUCT", "CASE_TIME_LIMIT");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final List<Construct> REFUSED = List.of(
      new Construct(Pattern.compile("\\b(for|some|every)\\b"), "迭代（for/some/every）：其耗时随表达式给出的范围或列表增长"),
      new Construct(Pattern.compile("\\bfunction\\s*\\("), "函数定义（function）：可递归调用"),
      new Construct(Pattern.compile("\\{"), "上下文（{…}）：可逐项倍增取值"),
      new Construct(Pattern.compile("\\b(matches|replace|split)\\s*\\("),
          "正则表达式函数（matches/replace/split）：可能出现灾难性回溯"));

  public static RuleLimits defaults() {
    return new RuleLimits(DEFAULT_MAX_XML_BYTES, DEFAULT_MAX_RULES, DEFAULT_MAX_CELLS, DEFAULT_MAX_EXPRESSION_LENGTH,
        DEFAULT_MAX_CASE_TIME);
  }

  public RuleLimits withMaxXmlBytes(int bytes) {
    return new RuleLimits(bytes, maxRules, maxCells, maxExpressionLength, maxCaseTime);
  }

  public RuleLimits withMaxCaseTime(Duration time) {
    return new RuleLimits(maxXmlBytes, maxRules, maxCells, maxExpressionLength, time);
  }

  /** The problems of a DMN file's {@code definitions} element against the static limits; empty when within them. */
  public List<RuleProblem> check(Element definitions) {
    List<RuleProblem> problems = new ArrayList<>();
    NodeList tables = definitions.getElementsByTagNameNS("*", "decisionTable");
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      int rules = children(table, "rule");
      if (rules > maxRules) {
        problems.add(RuleProblem.xml("RULE_LIMIT", String.format(Locale.ROOT,
            "%s有 %d 条规则，超过上限 %d 条", RuleChecker.describe(table), rules, maxRules)));
      }
    }
    NodeList texts = definitions.getElementsByTagNameNS("*", "text");
    if (texts.getLength() > maxCells) {
      problems.add(RuleProblem.xml("CELL_LIMIT", String.format(Locale.ROOT,
          "决策表共有 %d 个表达式单元格，超过上限 %d 个", texts.getLength(), maxCells)));
      return problems;
    }
    for (int i = 0; i < texts.getLength(); i++) {
      Element text = (Element) texts.item(i);
      String cell = text.getParentNode() instanceof Element parent ? RuleChecker.describe(parent)
          : RuleChecker.describe(text);
      String expression = text.getTextContent();
      if (expression.length() > maxExpressionLength) {
        problems.add(RuleProblem.xml("EXPRESSION_LENGTH", String.format(Locale.ROOT,
            "%s的表达式长 %d 个字符，超过上限 %d 个字符", cell, expression.length(), maxExpressionLength)));
        continue;
      }
      String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
      for (Construct construct : REFUSED) {
        Matcher matcher = construct.pattern().matcher(code);
        if (matcher.find()) {
          problems.add(RuleProblem.xml("FEEL_CONSTRUCT", cell + "使用了不允许的FEEL写法「" + matcher.group().trim()
              + "」——" + construct.why() + "；决策表中只允许比较、区间、算术和普通内置函数"));
        }
      }
    }
    return problems;
  }

  private static int children(Element parent, String localName) {
    int count = 0;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && localName.equals(child.getLocalName())) {
        count++;
      }
    }
    return count;
  }

  private record Construct(Pattern pattern, String why) {}
}
