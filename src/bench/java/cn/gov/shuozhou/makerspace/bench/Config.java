package cn.gov.shuozhou.makerspace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The harness settings: system properties set by the {@code bench} Maven profile (pom.xml). */
final class Config {

  private Config() {}

  static Path out() {
    return Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
  }

  /**
   * A section's empty database: on H2 the file {@code <out>/<section>-h2/db} (its folder emptied, the
   * path returned), on PostgreSQL the database {@code pgDatabase} dropped and created again (null).
   */
  static Path freshDatabase(String section, String database, String pgDatabase) throws Exception {
    if (!database.equals("h2")) {
      Pg.recreate(pgDatabase);
      return null;
    }
    Path h2 = out().resolve(section + "-h2").resolve("db");
    Files.createDirectories(h2.getParent());
    try (var old = Files.list(h2.getParent())) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    return h2;
  }

  static String text(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static int integer(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)));
  }

  static Set<String> sections() {
    return Arrays.stream(text("bench.sections", "all").split(",")).map(String::trim).collect(Collectors.toSet());
  }

  static boolean section(String name) {
    Set<String> sections = sections();
    return sections.contains("all") || sections.contains(name);
  }

  /** The PostgreSQL server (the same variables as the tests and .ci/run). */
  static String pgUrl() {
    return env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/camunda");
  }

  static String pgUser() {
    return env("DB_USER", "camunda");
  }

  static String pgPassword() {
    return env("DB_PASSWORD", "camunda");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
