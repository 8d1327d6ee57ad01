package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.MakerSpaceApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in this JVM (Spring context, engine, web server on a random port), with the
 * benchmark's settings: the demo identities, the job executor off unless asked for, and optionally a
 * {@link SqlCounter} around the DataSource. Engines of several nodes in one JVM need distinct names.
 */
final class AppNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final String name;

  private AppNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  static Builder h2Memory(String name) {
    return new Builder(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", "sa", "", "demo");
  }

  static Builder h2File(Path file, String name) {
    // As application.yaml: a start waits up to 10 s for the row lock of the application-number counter.
    return new Builder(name, "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000" + Config.text("bench.h2.params", ""), "sa", "", "demo");
  }

  static Builder postgres(String url, String name) {
    return new Builder(name, url, Config.pgUser(), Config.pgPassword(), "postgres,demo");
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    context.close();
  }

  static final class Builder {

    private final String name;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private SqlCounter counter;

    private Builder(String name, String url, String user, String password, String profiles) {
      this.name = name;
      properties.put("spring.profiles.active", profiles);
      properties.put("spring.datasource.url", url);
      properties.put("spring.datasource.username", user);
      properties.put("spring.datasource.password", password);
      properties.put("server.port", "0");
      properties.put("spring.main.banner-mode", "off");
      properties.put("camunda.bpm.job-execution.enabled", "false");
      properties.put("camunda.bpm.process-engine-name", name);
      properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    }

    Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    Builder jobExecutor(boolean on) {
      return property("camunda.bpm.job-execution.enabled", Boolean.toString(on));
    }

    Builder counting(SqlCounter counter) {
      this.counter = counter;
      return this;
    }

    AppNode start() {
      List<String> args = new ArrayList<>();
      properties.forEach((k, v) -> args.add("--" + k + "=" + v));
      SpringApplicationBuilder builder = new SpringApplicationBuilder(MakerSpaceApplication.class).registerShutdownHook(false);
      if (counter != null) {
        SqlCounter c = counter;
        builder.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(c));
      }
      long start = System.nanoTime();
      ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
      Log.info("node %s started in %.1f s", name, (System.nanoTime() - start) / 1e9);
      return new AppNode(name, context);
    }
  }
}
