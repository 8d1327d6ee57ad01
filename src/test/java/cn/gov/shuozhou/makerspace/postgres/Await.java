package cn.gov.shuozhou.makerspace.postgres;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting: every wait of the PostgreSQL, cluster and crash tests has a deadline. */
public final class Await {

  private Await() {}

  /**
   * Polls {@code condition} every 100 ms until it holds; fails after {@code timeout} with
   * {@code what} and the current {@code state} in the message.
   */
  public static Duration until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> state) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + "; now: " + state.get());
      }
      sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
