package cn.gov.shuozhou.makerspace.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines: prefixed so that the parent shows them while the child's own logs go to a file. */
final class Log {

  static final String PREFIX = "[bench] ";

  private Log() {}

  static void info(String format, Object... args) {
    System.out.println(PREFIX + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
    System.out.flush();
  }
}
