package cn.gov.shuozhou.makerspace.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing without ever locking an account: failed logins are counted per
 * source address and per (source address, account). Past a number of free failures each further
 * failure blocks that key for a doubling delay (up to a maximum). A failure is forgotten once
 * {@code forgetAfter} has passed since the key's last failure; a success clears the (address,
 * account) key. A stranger's failures therefore only ever block the stranger's own address: the
 * real user, from another address, is never refused because of them.
 *
 * <p>Memory is bounded: each of the two tables keeps at most {@code maxEntries} keys and drops the
 * least recently failed one first (an attacker who floods the table only forgets his own counts,
 * which he could do anyway by changing address). Account ids are cut to {@value #MAX_ACCOUNT_LENGTH}
 * characters. Thread-safe.
 */
public final class LoginThrottle {

  static final int MAX_ACCOUNT_LENGTH = 128;

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Failures> byAddress;
  private final Map<String, Failures> byAccount;

  public LoginThrottle(LoginThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.byAddress = boundedTable(settings.maxEntries());
    this.byAccount = boundedTable(settings.maxEntries());
  }

  /** How long this address (for this account) must still wait; empty when it may try now. */
  public synchronized Optional<Duration> retryAfter(String address, String account) {
    Instant now = clock.instant();
    Instant until = later(blockedUntil(byAddress.get(address), now), blockedUntil(byAccount.get(key(address, account)), now));
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /** Counts a wrong password (or malformed credentials) of this address for this account. */
  public synchronized void failed(String address, String account) {
    Instant now = clock.instant();
    count(byAddress, address, settings.addressFreeFailures(), now);
    count(byAccount, key(address, account), settings.accountFreeFailures(), now);
  }

  /** A successful login clears this address's count for this account (not the address's own count). */
  public synchronized void succeeded(String address, String account) {
    byAccount.remove(key(address, account));
  }

  synchronized int size() {
    return byAddress.size() + byAccount.size();
  }

  private void count(Map<String, Failures> table, String key, int free, Instant now) {
    Failures previous = table.remove(key);
    int failures = previous == null || previous.last().plus(settings.forgetAfter()).isBefore(now)
        ? 1 : previous.count() + 1;
    Instant blockedUntil = failures <= free ? null : now.plus(delay(failures - free));
    // re-inserted so that the table's order is the order of the last failure
    table.put(key, new Failures(failures, now, blockedUntil));
  }

  /** base, 2 × base, 4 × base, ... up to the maximum, for the 1st, 2nd, 3rd ... failure past the free ones. */
  private Duration delay(int pastFree) {
    Duration delay = settings.baseDelay().multipliedBy(1L << Math.min(pastFree - 1, 30));
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private static Instant blockedUntil(Failures failures, Instant now) {
    return failures == null || failures.blockedUntil() == null || !failures.blockedUntil().isAfter(now)
        ? null : failures.blockedUntil();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static String key(String address, String account) {
    String id = account == null ? "" : account.length() > MAX_ACCOUNT_LENGTH ? account.substring(0, MAX_ACCOUNT_LENGTH)
        : account;
    return address + '\n' + id;
  }

  private static Map<String, Failures> boundedTable(int maxEntries) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private record Failures(int count, Instant last, Instant blockedUntil) {}
}
