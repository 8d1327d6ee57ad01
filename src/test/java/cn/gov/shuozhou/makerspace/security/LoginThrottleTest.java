package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LoginThrottle} with a clock the test moves (no sleeping). */
class LoginThrottleTest {

  private static final String STRANGER = "203.0.113.7";
  private static final String USER_ADDRESS = "198.51.100.9";

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottleProperties(3, 10, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofHours(1), 100),
      clock);

  @Test
  void theFreeFailuresPassThenEachFurtherFailureDoublesTheWaitUpToTheMaximum() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter(STRANGER, "city1")).isEmpty();
      throttle.failed(STRANGER, "city1");
    }
    assertThat(throttle.retryAfter(STRANGER, "city1")).as("three free failures").isEmpty();
    long[] expected = {2, 4, 8, 16, 32, 60, 60};
    for (long seconds : expected) {
      throttle.failed(STRANGER, "city1");
      assertThat(throttle.retryAfter(STRANGER, "city1")).contains(Duration.ofSeconds(seconds));
      clock.move(Duration.ofSeconds(seconds - 1));
      assertThat(throttle.retryAfter(STRANGER, "city1")).contains(Duration.ofSeconds(1));
      clock.move(Duration.ofSeconds(1));
      assertThat(throttle.retryAfter(STRANGER, "city1")).as("the wait is over").isEmpty();
    }
  }

  @Test
  void aStrangersFailuresNeverBlockTheSameAccountFromAnotherAddress() {
    for (int i = 0; i < 50; i++) {
      throttle.failed(STRANGER, "city1");
    }
    assertThat(throttle.retryAfter(STRANGER, "city1")).isPresent();
    assertThat(throttle.retryAfter(USER_ADDRESS, "city1")).isEmpty();
  }

  @Test
  void oneAddressGuessingManyAccountsIsSlowedDownForEveryAccount() {
    for (int i = 0; i < 10; i++) {
      throttle.failed(STRANGER, "guess" + i);
    }
    assertThat(throttle.retryAfter(STRANGER, "another")).isEmpty();
    throttle.failed(STRANGER, "guess10");
    assertThat(throttle.retryAfter(STRANGER, "another")).as("the 11th failure of the address")
        .contains(Duration.ofSeconds(2));
    assertThat(throttle.retryAfter(USER_ADDRESS, "another")).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountsCountButNotTheAddresss() {
    for (int i = 0; i < 3; i++) {
      throttle.failed(STRANGER, "city1");
    }
    throttle.succeeded(STRANGER, "city1");
    for (int i = 0; i < 3; i++) {
      throttle.failed(STRANGER, "city1");
    }
    assertThat(throttle.retryAfter(STRANGER, "city1")).as("counting started again").isEmpty();
    for (int i = 0; i < 5; i++) {
      throttle.failed(STRANGER, "other" + i);
    }
    assertThat(throttle.retryAfter(STRANGER, "city1")).as("11 failures of the address in all").isPresent();
  }

  @Test
  void failuresAreForgottenOnceTheLastOneIsOlderThanForgetAfter() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(STRANGER, "city1");
    }
    assertThat(throttle.retryAfter(STRANGER, "city1")).isPresent();
    clock.move(Duration.ofHours(1).plusSeconds(1));
    throttle.failed(STRANGER, "city1");
    assertThat(throttle.retryAfter(STRANGER, "city1")).as("the count started again at 1").isEmpty();
  }

  @Test
  void memoryIsBoundedWhateverTheNumberOfAddressesAndAccounts() {
    for (int i = 0; i < 10_000; i++) {
      throttle.failed("10.0." + (i / 256) + "." + (i % 256), "x".repeat(10_000) + i);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(200);
    // the most recent failures are kept
    String last = "10.0." + (9_999 / 256) + "." + (9_999 % 256);
    for (int i = 0; i < 10; i++) {
      throttle.failed(last, "y");
    }
    assertThat(throttle.retryAfter(last, "y")).isPresent();
  }

  @Test
  void longAccountIdsShareOneKeyPastTheLimitInsteadOfGrowingIt() {
    String longId = "a".repeat(LoginThrottle.MAX_ACCOUNT_LENGTH);
    for (int i = 0; i < 4; i++) {
      throttle.failed(STRANGER, longId + "-" + i);
    }
    assertThat(throttle.retryAfter(STRANGER, longId + "-anything")).isEqualTo(Optional.of(Duration.ofSeconds(2)));
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-05T08:00:00Z");

    void move(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
