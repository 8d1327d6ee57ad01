package cn.gov.shuozhou.makerspace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scratch databases on the PostgreSQL server, its statistics, and pgbench. */
final class Pg {

  private Pg() {}

  static Connection admin() throws SQLException {
    return DriverManager.getConnection(Config.pgUrl(), Config.pgUser(), Config.pgPassword());
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), Config.pgUser(), Config.pgPassword());
  }

  /** The JDBC URL of another database on the same server. */
  static String url(String database) {
    Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(Config.pgUrl());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + Config.pgUrl());
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** Drops {@code name} if it exists and creates it empty (names start with {@code bench_}). */
  static void recreate(String name) throws SQLException {
    if (!name.matches("bench_[a-z0-9_]+")) {
      throw new IllegalArgumentException("scratch database names start with bench_: " + name);
    }
    drop(name);
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }
  }

  static boolean exists(String name) throws SQLException {
    try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void drop(String name) throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      // our own sessions only: an autovacuum worker on it is ended by DROP DATABASE itself
      s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
          + "' and pid <> pg_backend_pid() and usename = current_user");
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** Committed and rolled-back transactions of a database since the statistics were reset. */
  record XactStats(long commits, long rollbacks) {
    XactStats minus(XactStats o) {
      return new XactStats(commits - o.commits, rollbacks - o.rollbacks);
    }
  }

  /**
   * The database's transaction counters. Backends report their statistics at most once a second,
   * so this waits that long first; the query's own transaction is not included in the result.
   */
  static XactStats xacts(String database) {
    try {
      Thread.sleep(1_500);
      try (Connection c = admin(); Statement s = c.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback from pg_stat_database where datname = '"
            + database + "'")) {
          rs.next();
          return new XactStats(rs.getLong(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String setting(String name) {
    try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return "unknown";
    }
  }

  /** True when pg_stat_statements is loaded by the server (shared_preload_libraries). */
  static boolean statStatementsLoaded() {
    return setting("shared_preload_libraries").contains("pg_stat_statements");
  }

  // ------------------------------------------------------------------ pgbench

  /** TPC-B of pgbench on a scratch database: {@code -i -s 1}, then {@code -c clients -j clients -T seconds}. */
  static double pgbench(int clients, int seconds) throws Exception {
    String db = "bench_pgbench";
    recreate(db);
    try {
      run(List.of("pgbench", "-i", "-s", "1", "-q"), db);
      List<String> output = run(List.of("pgbench", "-c", Integer.toString(clients), "-j", Integer.toString(clients),
          "-T", Integer.toString(seconds), "-n"), db);
      for (String line : output) {
        Matcher m = Pattern.compile("^tps = ([0-9.]+) \\((without initial connection time|excluding connections establishing)\\)").matcher(line);
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
      throw new IllegalStateException("no tps in pgbench output: " + output);
    } finally {
      drop(db);
    }
  }

  private static List<String> run(List<String> args, String database) throws Exception {
    URI server = URI.create(Config.pgUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>(args);
    command.addAll(List.of("-h", server.getHost(), "-p", Integer.toString(server.getPort() < 0 ? 5432 : server.getPort()),
        "-U", Config.pgUser(), database));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", Config.pgPassword());
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", lines));
    }
    return lines;
  }
}
