package cn.gov.shuozhou.makerspace.dmn;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 *       {@code ScalaFeelEngine}, which reports the failure exactly as before;
 *   <li>the simplest texts skip FEEL's interpreter: a literal (an output cell such as
 *       {@code "AREA_BELOW_MINIMUM"}) keeps the value FEEL gave it the first time, an input
 *       expression that is a bare variable name returns the variable through FEEL's own value
 *       mapper, and the common unary tests
 *       ({@link SimpleFeel}: strings, comparisons, intervals, {@code null}, lists of them) are
 *       decided in Java wherever FEEL's answer is certain; everything else is evaluated by FEEL.
 * </ul>
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
  private final ConcurrentHashMap<String, Optional<String>> names = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<Object>> constants = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<SimpleFeel.UnaryTests>> simpleTests = new ConcurrentHashMap<>();

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Optional<Object> constant = constants.get(expression);
    if (constant != null) {
      @SuppressWarnings("unchecked")
      T value = (T) constant.orElse(null);
      return value;
    }
    String name = compiled(names, expression, SimpleFeel::name);
    if (name != null && variableContext.containsVariable(name)) {
      // a bare variable name: FEEL's own value mapping of the variable, without its interpreter
      @SuppressWarnings("unchecked")
      T value = (T) feelValue(variableContext.resolve(name).getValue());
      return value;
    }
    ParsedExpression parsed = parsed(expressions, expression, false);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variableContext);
    }
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    @SuppressWarnings("unchecked")
    T value = (T) valueOf(feelEngine.eval(parsed, context(variables)));
    if (SimpleFeel.literal(expression) && (value == null || value instanceof String || value instanceof Number
        || value instanceof Boolean)) {
      // a literal (an output cell such as "AREA_BELOW_MINIMUM" or 10): FEEL's value, kept
      if (constants.size() >= MAX_ENTRIES) {
        constants.clear();
      }
      constants.putIfAbsent(expression, Optional.ofNullable(value));
    }
    return value;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    SimpleFeel.UnaryTests simple = compiled(simpleTests, expression, SimpleFeel::unaryTests);
    if (simple != null && variableContext.containsVariable(inputVariable)) {
      Boolean decided = simple.test(feelEngine.valueMapper().toVal(variableContext.resolve(inputVariable).getValue()));
      if (decided != null) {
        return decided;
      }
    }
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    VariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE, inputVariable));
    VariableProvider variables = new CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context(variables))));
  }

  /** Number of texts held, parsed by FEEL or compiled to the simple form. */
  public int cachedTexts() {
    return expressions.size() + unaryTests.size()
        + (int) names.values().stream().filter(Optional::isPresent).count()
        + (int) simpleTests.values().stream().filter(Optional::isPresent).count();
  }

  /** The text compiled to the simple form, or null when it has none; bounded like the parse caches. */
  private static <V> V compiled(ConcurrentHashMap<String, Optional<V>> cache, String text, Function<String, V> compiler) {
    Optional<V> known = cache.get(text);
    if (known == null) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      known = Optional.ofNullable(compiler.apply(text));
      cache.putIfAbsent(text, known);
    }
    return known.orElse(null);
  }

  /** A Java value as FEEL sees it and gives it back: its value mapper there and back. */
  private Object feelValue(Object value) {
    return feelEngine.valueMapper().unpackVal(feelEngine.valueMapper().toVal(value));
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
