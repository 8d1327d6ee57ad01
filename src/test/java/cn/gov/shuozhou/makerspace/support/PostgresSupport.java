package cn.gov.shuozhou.makerspace.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Throw-away PostgreSQL databases for tests. Every test class creates its own database (the
 * {@code camunda} user has CREATEDB) so that runs never see each other's data, and drops it
 * afterwards. Start with {@link Environment#requirePostgres()}.
 */
public final class PostgresSupport {

  /**
   * The SQL scripts inside {@code camunda-engine.jar} that create the engine's schema on
   * PostgreSQL, in the order the engine itself runs them (docs/operations.md).
   */
  public static final List<String> CAMUNDA_CREATE_SCRIPTS = List.of(
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.identity.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.case.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.case.history.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.decision.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.decision.history.sql");

  /** The application's own tables; the application also runs it on every start. */
  public static final String APPLICATION_SCHEMA = "schema.sql";

  private static final String PREFIX = "mst_";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern STALE = Pattern.compile("mst_[a-z0-9]+_(\\d{14})_[0-9a-f]+");

  private PostgresSupport() {}

  /** Where the server is and who we are on it. */
  public record Server(String url, String user, String password) {

    public static Server fromEnvironment() {
      return new Server(env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/camunda"),
          env("DB_USER", "camunda"), env("DB_PASSWORD", "camunda"));
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }

    Connection connect() throws SQLException {
      Properties props = new Properties();
      props.setProperty("user", user);
      props.setProperty("password", password);
      return DriverManager.getConnection(url, props);
    }
  }

  /**
   * Creates a fresh, empty database named after {@code purpose} on the server of
   * {@link Environment#requirePostgres()}. Close it to drop it.
   */
  public static TestDatabase createDatabase(String purpose) {
    Server server = Environment.requirePostgres();
    String name = PREFIX + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
        + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      dropStale(s);
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " as user " + server.user()
          + " (it needs CREATEDB: alter user " + server.user() + " createdb): " + e.getMessage(), e);
    }
    return new TestDatabase(server, name, withDatabase(server.url(), name));
  }

  /** Runs the engine's create scripts from camunda-engine.jar, then our schema.sql. */
  public static void createSchemaFromScripts(TestDatabase db) {
    ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
    CAMUNDA_CREATE_SCRIPTS.forEach(path -> populator.addScript(existing(path)));
    populator.addScript(existing(APPLICATION_SCHEMA));
    populator.setSqlScriptEncoding("UTF-8");
    populator.execute(db.dataSource());
  }

  private static Resource existing(String path) {
    Resource r = new ClassPathResource(path);
    if (!r.exists()) {
      throw new IllegalStateException("Not on the classpath: " + path);
    }
    return r;
  }

  /** {@code jdbc:postgresql://host:port/db?params} with another database name. */
  static String withDatabase(String url, String database) {
    Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** Databases of runs that were killed before they could drop theirs (older than six hours). */
  private static void dropStale(Statement s) throws SQLException {
    LocalDateTime limit = LocalDateTime.now(ZoneOffset.UTC).minusHours(6);
    List<String> stale = new java.util.ArrayList<>();
    try (var rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mst\\_%'")) {
      while (rs.next()) {
        Matcher m = STALE.matcher(rs.getString(1));
        if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(limit)) {
          stale.add(rs.getString(1));
        }
      }
    }
    for (String name : stale) {
      try {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (SQLException notOurs) {
        // owned by another user or in use: leave it
      }
    }
  }

  /** A database of one test class. */
  public static final class TestDatabase implements AutoCloseable {

    private final Server server;
    private final String name;
    private final String url;
    private final DriverManagerDataSource dataSource;

    TestDatabase(Server server, String name, String url) {
      this.server = server;
      this.name = name;
      this.url = url;
      this.dataSource = new DriverManagerDataSource(url, server.user(), server.password());
    }

    public String name() {
      return name;
    }

    public String url() {
      return url;
    }

    public String user() {
      return server.user();
    }

    public String password() {
      return server.password();
    }

    /** Plain connections (one per use) for the test's own checks. */
    public DataSource dataSource() {
      return dataSource;
    }

    public JdbcTemplate jdbc() {
      return new JdbcTemplate(dataSource);
    }

    public long count(String sql, Object... args) {
      Long n = jdbc().queryForObject(sql, Long.class, args);
      return n == null ? 0 : n;
    }

    /** Drops the database, ending any connection that is still open. */
    /**
     * Drops the database, ending its sessions. An autovacuum worker that happens to be in it at that
     * moment belongs to no role of ours, and FORCE may not end it ("must be a member of the role whose
     * process is being terminated"): it leaves within moments, so the drop is tried again.
     */
    @Override
    public void close() {
      for (int attempt = 1; ; attempt++) {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          return;
        } catch (SQLException e) {
          if (attempt == 20) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
          }
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while dropping test database " + name, e);
        }
      }
    }

    @Override
    public String toString() {
      return url;
    }
  }
}
