package cn.gov.shuozhou.makerspace.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.Test;

/**
 * The Java fast path of {@link CachingFeelEngine} ({@link SimpleFeel}, kept literals) answers
 * exactly as FEEL: every input entry, input expression and output entry of every packaged table,
 * plus the edge forms of the grammar, against numbers (whole, fractional, on every bound), strings, booleans, null and
 * mismatched types. Where FEEL throws, the fast path must not answer either.
 */
class SimpleFeelTest {

  private static final String INPUT = "cellInput";
  private static final List<Object> VALUES = Arrays.asList(
      null, true, false, "", "team", "maker", "university", "leased", "owned", "shuocheng", "devzone",
      -5, 0, 1, 2, 3, 5, 6, 9, 10, 11, 12, 23, 24, 29, 30, 49, 50, 59, 60, 79, 80, 99, 100, 199, 200,
      200_000, 999_999, 1_000_000, 5_000_000L, 0.0, 0.5, 0.50001, 0.89, 0.9, 2.5, 59.999, 60.0, 79.99, 80.0,
      199.5, 1e6, -0.0);
  private static final List<String> EXTRA_TEXTS = List.of(
      "< 3", "<= 3", "> 3", ">= 3", "3", "-5", "0.5", "[1..2]", "(1..2)", "[1..2)", "(1..2]", "not(\"a\", \"b\")",
      "\"a\", \"b\"", "null", "true, null", "< 0, > 100", "\"a,b\"", "true", "false", "true, null", "false, null", "5, null", "not(< 3)", "< x", "[1..x]", "date(\"2026-01-01\")");

  private final ScalaFeelEngine feel = new ScalaFeelEngine(List.of());
  private final CachingFeelEngine fast = new CachingFeelEngine(List.of());

  @Test
  void everyCellOfEveryTableAnswersAsFeelForEveryKindOfInput() throws IOException {
    TreeSet<String> texts = new TreeSet<>(EXTRA_TEXTS);
    for (Path dmn : tables()) {
      try (InputStream in = Files.newInputStream(dmn)) {
        Dmn.readModelFromStream(in).getModelElementsByType(InputEntry.class).stream()
            .map(e -> e.getText().getTextContent().trim()).filter(t -> !t.isEmpty() && !t.equals("-"))
            .forEach(texts::add);
      }
    }
    int decidedInJava = 0;
    int compared = 0;
    for (String text : texts) {
      SimpleFeel.UnaryTests simple = SimpleFeel.unaryTests(text);
      for (Object value : VALUES) {
        VariableContext context = Variables.createVariables().putValue(INPUT, value).asVariableContext();
        Object expected = outcome(() -> feel.evaluateSimpleUnaryTests(text, INPUT, context));
        Object actual = outcome(() -> fast.evaluateSimpleUnaryTests(text, INPUT, context));
        assertThat(actual).as("%s with %s (%s)", text, value, value == null ? "null" : value.getClass().getSimpleName())
            .isEqualTo(expected);
        compared++;
        if (simple != null && simple.test(FeelEngine.defaultValueMapper().toVal(value)) != null) {
          decidedInJava++;
          assertThat(expected).as("decided in Java only where FEEL answers: %s with %s", text, value)
              .isInstanceOf(Boolean.class);
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(60);
    assertThat(decidedInJava).as("most pairs skip the interpreter").isGreaterThan(compared / 3);
  }

  @Test
  void bareNamesAndLiteralsGiveTheValueFeelGives() throws IOException {
    TreeSet<String> expressions = new TreeSet<>(List.of("true", "false", "null", "not", "x1", "_y", "a b", "if",
        "\"text\"", "10", "2.5", "-3", "0.0"));
    for (Path dmn : tables()) {
      try (InputStream in = Files.newInputStream(dmn)) {
        var model = Dmn.readModelFromStream(in);
        model.getModelElementsByType(InputExpression.class).stream()
            .map(e -> e.getText().getTextContent().trim()).forEach(expressions::add);
        model.getModelElementsByType(OutputEntry.class).stream()
            .map(e -> e.getText().getTextContent().trim()).filter(t -> !t.isEmpty()).forEach(expressions::add);
      }
    }
    for (String expression : expressions) {
      String variable = Objects.requireNonNullElse(SimpleFeel.name(expression), "other");
      for (Object value : VALUES) {
        VariableContext context = Variables.createVariables().putValue(variable, value)
            .putValue("totalArea", 250.0).putValue("publicServiceArea", 200).asVariableContext();
        Object expected = outcome(() -> feel.evaluateSimpleExpression(expression, context));
        Object actual = outcome(() -> fast.evaluateSimpleExpression(expression, context));
        assertThat(actual).as("%s = %s", expression, value).isEqualTo(expected);
        if (expected != null && !(expected instanceof Failure)) {
          assertThat(actual.getClass()).as("%s = %s", expression, value).isEqualTo(expected.getClass());
        }
      }
    }
    assertThat(SimpleFeel.name("totalArea")).isEqualTo("totalArea");
    assertThat(SimpleFeel.name("null")).isNull();
    assertThat(SimpleFeel.name("a + b")).isNull();
  }

  private static List<Path> tables() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("user.dir"), "dmn"))) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  private record Failure(String type) {}

  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return new Failure(e.getClass().getName());
    }
  }
}
