package cn.gov.shuozhou.makerspace.publicnotice;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Basic rate limits of the public objection door, kept in memory per node: so many requests per
 * source address and hour, so many objections per phone number and day. A restart forgets them;
 * they stop a flood, not a patient and distributed sender.
 */
@Component
public class ObjectionThrottle {

  static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
  static final Duration PHONE_WINDOW = Duration.ofDays(1);
  private static final int MAX_KEYS = 10_000;

  private final int perAddress;
  private final int perPhone;
  private final Map<String, Deque<Long>> recent = new HashMap<>();

  public ObjectionThrottle(@Value("${makerspace.objections.per-address-per-hour:60}") int perAddress,
      @Value("${makerspace.objections.per-phone-per-day:5}") int perPhone) {
    this.perAddress = perAddress;
    this.perPhone = perPhone;
  }

  /** Counts a request from {@code address}; false when the address used up its hour. */
  boolean admitAddress(String address) {
    return admit("address:" + address, perAddress, ADDRESS_WINDOW);
  }

  /** Counts an objection of {@code phone}; false when that number used up its day. */
  boolean admitPhone(String phone) {
    return admit("phone:" + phone, perPhone, PHONE_WINDOW);
  }

  int perAddress() {
    return perAddress;
  }

  int perPhone() {
    return perPhone;
  }

  /** Forgets every count (tests share one application and one source address). */
  public synchronized void clear() {
    recent.clear();
  }

  private synchronized boolean admit(String key, int limit, Duration window) {
    long now = System.currentTimeMillis();
    if (recent.size() > MAX_KEYS) {
      recent.values().removeIf(times -> times.isEmpty() || times.peekLast() < now - PHONE_WINDOW.toMillis());
    }
    Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
