package cn.gov.shuozhou.makerspace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where and when the benchmark ran: recorded next to the numbers. */
final class Machine {

  private Machine() {}

  static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("machine.date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    m.put("machine.loadAverage", loadAverage());
    m.put("machine.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("machine.cpuModel", cpuModel());
    m.put("machine.memory", memory());
    m.put("machine.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("machine.postgres", postgresVersion());
    return m;
  }

  /** The 1-, 5- and 15-minute load averages. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Busy and total jiffies of all CPUs (/proc/stat), for {@link #busyPercent}. */
  static long[] cpuTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** Share of the machine's CPU time that was busy between two {@link #cpuTicks()} readings. */
  static double busyPercent(long[] before, long[] after) {
    long total = after[1] - before[1];
    return total <= 0 ? -1 : 100.0 * (after[0] - before[0]) / total;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MB").findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String postgresVersion() {
    try (Connection c = DriverManager.getConnection(Config.pgUrl(), Config.pgUser(), Config.pgPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select version()")) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      return "not reachable (" + e.getMessage() + ")";
    }
  }
}
