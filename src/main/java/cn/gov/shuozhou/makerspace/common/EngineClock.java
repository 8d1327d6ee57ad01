package cn.gov.shuozhou.makerspace.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Business dates come from the engine clock, so process tests can travel in time. */
public final class EngineClock {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private EngineClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  public static LocalDate today() {
    return toLocalDate(now());
  }

  public static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(ZONE).toLocalDate();
  }

  /**
   * A stored moment (a JDBC timestamp) as Beijing wall time, whatever the JVM's default zone: {@code
   * Timestamp.toLocalDateTime()} gives the server's zone, so a server in UTC showed 00:37 for 08:37.
   */
  public static LocalDateTime toLocalDateTime(Date moment) {
    return moment == null ? null : moment.toInstant().atZone(ZONE).toLocalDateTime();
  }

  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }
}
