package cn.gov.shuozhou.makerspace.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (a PostgreSQL server, a browser) ask here first.
 * When it is missing, the test is skipped with a message that says what to install; in CI
 * ({@code CI=true}, set by {@code .ci/run}) it fails instead, so a broken CI machine can never
 * pass by skipping.
 */
public final class Environment {

  private Environment() {}

  /** True when running in CI ({@code CI=true}). */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * The PostgreSQL server of {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD} (defaults
   * {@code jdbc:postgresql://127.0.0.1:5432/camunda}, {@code camunda}, {@code camunda}), checked
   * to be reachable. Skips the test when it is not (fails in CI).
   */
  public static PostgresSupport.Server requirePostgres() {
    PostgresSupport.Server server = PostgresSupport.Server.fromEnvironment();
    String problem = probe(server);
    if (problem != null) {
      missing("PostgreSQL is not reachable at " + server.url() + " as user " + server.user() + " (" + problem
          + "). Install and start it as .ci/run does: apt-get install postgresql; pg_ctlcluster <version> main start;"
          + " create user camunda with password 'camunda' createdb; createdb -O camunda camunda"
          + " (or point DB_URL, DB_USER and DB_PASSWORD at another server).");
    }
    return server;
  }

  /** Skips the calling test with {@code message}, or fails it in CI. */
  public static void missing(String message) {
    if (inCi()) {
      Assertions.fail("CI=true and a required service is missing: " + message);
    }
    Assumptions.abort(message);
  }

  private static String probe(PostgresSupport.Server server) {
    Properties props = new Properties();
    props.setProperty("user", server.user());
    props.setProperty("password", server.password());
    props.setProperty("connectTimeout", "5");
    props.setProperty("loginTimeout", "5");
    try (Connection c = DriverManager.getConnection(server.url(), props)) {
      return c.isValid(5) ? null : "connection not valid";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }
}
