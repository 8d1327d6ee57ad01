package cn.gov.shuozhou.makerspace.postgres;

import cn.gov.shuozhou.makerspace.MakerSpaceApplication;
import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the application, started the way production starts it: profile {@code postgres},
 * the packaged models auto-deployed (deploy-changed-only), {@code schema.sql} run on start, a web
 * server on a random port. Several nodes can run in one JVM: each gets its own process engine
 * name (the engines register by name in Camunda's static registry) and its own job executor.
 * The name is also the engine's host name, so {@code ACT_HI_JOB_LOG.HOSTNAME_} tells which node
 * executed a job.
 *
 * <p>Never name an in-JVM node {@code default}: closing it would unregister the engine that the
 * other test contexts of this JVM serve over REST.
 */
public final class ApplicationNode implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;
  private final ProcessEngine engine;

  private ApplicationNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
  }

  public static Options on(TestDatabase db) {
    return new Options(db.url(), db.user(), db.password());
  }

  public static Options on(String url, String user, String password) {
    return new Options(url, user, password);
  }

  public String name() {
    return name;
  }

  public ProcessEngine engine() {
    return engine;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Stops the node: the job executor first, then the engine, the web server and the pool. */
  @Override
  public void close() {
    context.close();
  }

  /** How to start a node. */
  public static final class Options {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private String name = "node";

    private Options(String url, String user, String password) {
      properties.put("spring.profiles.active", "postgres");
      properties.put("spring.datasource.url", url);
      properties.put("spring.datasource.username", user);
      properties.put("spring.datasource.password", password);
      // Enough for the job executor's threads and the test's own callers; keeps several nodes
      // (and other test classes on the same server) well below max_connections.
      properties.put("spring.datasource.hikari.maximum-pool-size", "10");
      properties.put("spring.datasource.hikari.minimum-idle", "2");
      properties.put("server.port", "0");
      properties.put("spring.main.banner-mode", "off");
      properties.put("camunda.bpm.job-execution.enabled", "false");
      // Test only: an idle job executor looks for due jobs at least every 2 s (production
      // default: backs off up to 60 s), so jobs made due by moving the clock start promptly.
      properties.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
      properties.put("camunda.bpm.job-execution.max-wait", "2000");
    }

    /**
     * Process engine name and host name of the node: letters and digits only (the Camunda starter
     * silently ignores a name with a hyphen and falls back to {@code default}).
     */
    public Options name(String name) {
      if (!name.matches("[A-Za-z0-9_]+") || "default".equals(name)) {
        throw new IllegalArgumentException("engine name '" + name + "': letters and digits only, never 'default'"
            + " (see the class comment)");
      }
      this.name = name;
      return this;
    }

    public Options jobExecutor(boolean enabled) {
      properties.put("camunda.bpm.job-execution.enabled", Boolean.toString(enabled));
      return this;
    }

    /** {@code false}: the schema must already exist (created from the scripts in camunda-engine.jar). */
    public Options schemaUpdate(boolean enabled) {
      properties.put("camunda.bpm.database.schema-update", Boolean.toString(enabled));
      return this;
    }

    public Options property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** Starts the node and waits until it is ready (engine built, models deployed, web server up). */
    public ApplicationNode start() {
      List<String> args = new ArrayList<>();
      // Command-line arguments outrank environment variables (DB_URL in CI points at the shared database).
      properties.forEach((k, v) -> args.add("--" + k + "=" + v));
      args.add("--camunda.bpm.process-engine-name=" + name);
      args.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
      SpringApplication app = new SpringApplicationBuilder(MakerSpaceApplication.class)
          .registerShutdownHook(false)
          .build();
      return new ApplicationNode(name, app.run(args.toArray(String[]::new)));
    }
  }
}
