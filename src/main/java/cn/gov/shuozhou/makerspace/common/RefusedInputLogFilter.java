package cn.gov.shuozhou.makerspace.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refused input is the caller's mistake, not the system's: the engine already logs its own
 * refusals (bad requests, missing authorizations, conflicts) at DEBUG, but logs ours
 * ({@link InvalidInputException}, raised by the validators in listeners) as an ERROR with a stack
 * trace (ENGINE-16004), which buries real errors. This filter drops exactly those events; every
 * other error of the engine is logged as before. The caller gets the 400 with the reasons.
 */
@Component
public class RefusedInputLogFilter extends TurboFilter implements SmartInitializingSingleton {

  /** The engine's command-context logger (ENGINE-16xxx). */
  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !logger.getName().startsWith(ENGINE_CONTEXT_LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    return refusedInput(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean refusedInput(Throwable thrown) {
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof InvalidInputException) {
        return true;
      }
    }
    return false;
  }

  /** Installs the filter once the application's logging is set up (again, in every new context). */
  @Override
  public void afterSingletonsInstantiated() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusedInputLogFilter.class::isInstance)) {
      start();
      context.addTurboFilter(this);
    }
  }
}
