package cn.gov.shuozhou.makerspace.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.Test;

/**
 * The calendar called the way a BPMN model calls it, {@code ${workingDays.due(now(), n)}}, through
 * the engine's own expression language (JUEL), with the count as Integer or Long as it arrives from
 * a JSON-deserialized variable map.
 */
class WorkingDayExpressionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final ExpressionFactory factory = new ExpressionFactoryImpl();

  private Object evaluate(String expression, Date start, Object n) {
    SimpleContext context = new SimpleContext();
    context.setVariable("workingDays", factory.createValueExpression(new WorkingDayCalendar(), WorkingDayCalendar.class));
    context.setVariable("start", factory.createValueExpression(start, Date.class));
    context.setVariable("n", factory.createValueExpression(n, Object.class));
    return factory.createValueExpression(context, expression, Object.class).getValue(context);
  }

  @Test
  void dueFromAnExpressionWithIntegerLongAndLiteralCounts() {
    Date start = Date.from(ZonedDateTime.of(2024, 2, 8, 10, 0, 0, 0, SHANGHAI).toInstant());
    Date expected = Date.from(ZonedDateTime.of(2024, 2, 19, 23, 59, 59, 0, SHANGHAI).toInstant());

    assertThat(evaluate("${workingDays.due(start, n)}", start, Integer.valueOf(3))).isEqualTo(expected);
    assertThat(evaluate("${workingDays.due(start, n)}", start, Long.valueOf(3L))).isEqualTo(expected);
    assertThat(evaluate("${workingDays.due(start, 3)}", start, null)).isEqualTo(expected);
  }
}
