package cn.gov.shuozhou.makerspace.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code makerspace.login-throttle.*}: how {@link LoginThrottle} slows down password guessing.
 *
 * @param accountFreeFailures failures of one address for one account before it waits (default 5)
 * @param addressFreeFailures failures of one address, all accounts together, before it waits
 *     (default 20: several people behind one office address may mistype)
 * @param baseDelay the first wait past the free failures; it doubles with every further failure
 *     (default 1 s)
 * @param maxDelay the longest wait (default 15 min)
 * @param forgetAfter a key's count starts again once its last failure is this old (default 1 h)
 * @param maxEntries keys kept per table (address, address + account); the oldest go first (default 10,000)
 */
@ConfigurationProperties(prefix = "makerspace.login-throttle")
public record LoginThrottleProperties(Integer accountFreeFailures, Integer addressFreeFailures, Duration baseDelay,
    Duration maxDelay, Duration forgetAfter, Integer maxEntries) {

  public LoginThrottleProperties {
    accountFreeFailures = positive(accountFreeFailures, 5);
    addressFreeFailures = positive(addressFreeFailures, 20);
    baseDelay = positive(baseDelay, Duration.ofSeconds(1));
    maxDelay = positive(maxDelay, Duration.ofMinutes(15));
    forgetAfter = positive(forgetAfter, Duration.ofHours(1));
    maxEntries = positive(maxEntries, 10_000);
  }

  /** All defaults. */
  public static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(null, null, null, null, null, null);
  }

  private static Integer positive(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value == null || value.isNegative() || value.isZero() ? fallback : value;
  }
}
