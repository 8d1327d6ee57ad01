package cn.gov.shuozhou.makerspace.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** What the command interceptors of this package share. */
final class Guards {

  private Guards() {}

  /**
   * The user a command runs for when the engine checks that user's authorizations; null for the
   * engine's own work (job executor, no user) and for delegate code (checks switched off).
   */
  static Authentication checkedUser(CommandContext context) {
    if (context == null || context.getAuthentication() == null || !context.isAuthorizationCheckEnabled()
        || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return null;
    }
    return context.getAuthentication();
  }

  /** A command's protected field, by name; null when it has none of that name. */
  @SuppressWarnings("unchecked")
  static <V> V field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return (V) f.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  /** Sets a command's protected field, by name (the counterpart of {@link #field}). */
  static void setField(Object command, String name, Object value) {
    for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        f.set(command, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
