package cn.gov.shuozhou.makerspace.dmn;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine ({@link ScalaFeelEngine}) with the parsed expressions kept.
 *
 * <p>The DMN engine hands FEEL the <em>text</em> of every input expression, input entry and output
 * entry on every evaluation, and {@code ScalaFeelEngine} parses it again each time: parsing is most
 * of the cost of a decision (docs/performance.md). This engine parses each distinct text once
 * (expressions and unary tests in separate caches) and then only evaluates the parsed tree, with
 * the same FEEL engine, value mappers, function providers and variable contexts as
 * {@code ScalaFeelEngine}, so results and error messages are the same:
 *
 * <ul>
 *   <li>FEEL's own {@code evalExpression(text, context)} is {@code parse(text)} followed by
 *       {@code eval(parsed, context)}; this engine does the same two steps, the first one once;
 *   <li>a text that does not parse (or fails FEEL's validation) is never cached: it goes to
 *       {@code ScalaFeelEngine}, which reports the failure exactly as before.
 * </ul>
 *
 * Every cell is evaluated by FEEL itself: a decision a rule administrator can change means exactly
 * what FEEL says (a second interpreter for simple cells was removed; through the engine, writing
 * history bounds the rate, not FEEL, see docs/performance.md).
 *
 * Parsed expressions are immutable and FEEL's evaluation is thread-safe, as is the cache. The
 * cache holds at most {@link #MAX_ENTRIES} texts per kind and starts afresh when full (a changed
 * decision table brings new texts; old ones are simply parsed again when they come back).
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Distinct texts kept per kind (expressions, unary tests); far more than all tables together. */
  public static final int MAX_ENTRIES = 10_000;

  private static final String INPUT_VARIABLE = "inputVariableName";

  private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    @SuppressWarnings("unchecked")
    T value = (T) valueOf(feelEngine.eval(parsed, context(variables)));
    return value;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    VariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE, inputVariable));
    VariableProvider variables = new CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context(variables))));
  }

  /** Number of parsed texts held. */
  public int cachedTexts() {
    return expressions.size() + unaryTests.size();
  }

  /** The parsed text, parsing it on first use; null when it does not parse or validate. */
  private ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String text, boolean unary) {
    ParsedExpression parsed = cache.get(text);
    if (parsed != null) {
      return parsed;
    }
    Either<Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(text) : feelEngine.parseExpression(text);
    if (!(result instanceof Right<Failure, ParsedExpression> right)) {
      return null;
    }
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.putIfAbsent(text, right.value());
    return right.value();
  }

  private static CustomContext context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  private static Object valueOf(Either<Failure, Object> result) {
    if (result instanceof Right<Failure, Object> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }
}
