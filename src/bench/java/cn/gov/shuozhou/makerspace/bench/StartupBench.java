package cn.gov.shuozhou.makerspace.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Section 5: the packaged application started as in production ({@code java -jar}, profile
 * postgres): time until {@code /actuator/health} is UP, resident memory when idle, then after
 * {@code bench.rest.lifecycles} certification lifecycles over REST, for each set of JVM options.
 * The first start on an empty database (the engine creates its schema) is measured separately.
 *
 * <p>Arguments: {@code name=options} pairs, options separated by spaces ({@code default=} for none).
 */
public final class StartupBench {

  static final String DB = "bench_startup";

  /** The JVM's defaults, and the options docs/operations.md recommends (docs/performance.md). */
  static final String DEFAULT_VARIANTS = "default=;recommended=-Xmx256m -Xss512k -XX:+UseSerialGC";

  public static void main(String[] args) throws Exception {
    int lifecycles = Config.integer("bench.rest.lifecycles", 30);
    Results results = new Results();
    Pg.recreate(DB);
    try {
      try (AppProcess first = AppProcess.start("startup-first", List.of(), DB, List.of())) {
        results.put("startup.firstStart.readySeconds", first.readySeconds());
        results.put("startup.firstStart.startedSeconds", first.startedSeconds());
      }
      for (String arg : args) {
        String name = arg.substring(0, arg.indexOf('='));
        List<String> options = new ArrayList<>();
        Arrays.stream(arg.substring(arg.indexOf('=') + 1).split(" ")).filter(s -> !s.isBlank()).forEach(options::add);
        String p = "startup." + name + ".";
        results.put(p + "jvmOptions", options.isEmpty() ? "(none)" : String.join(" ", options));
        try (AppProcess app = AppProcess.start("startup-" + name, options, DB, List.of())) {
          results.put(p + "readySeconds", app.readySeconds());
          results.put(p + "startedSeconds", app.startedSeconds());
          Thread.sleep(10_000);
          results.put(p + "idleRssMb", app.rssMb());
          RestLifecycle driver = new RestLifecycle(app.baseUrl());
          driver.run(); // warm-up
          long start = System.nanoTime();
          for (int i = 0; i < lifecycles; i++) {
            driver.run();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          results.put(p + "restLifecycles", lifecycles);
          results.put(p + "restLifecyclesPerSecond", lifecycles / seconds);
          Thread.sleep(5_000);
          results.put(p + "afterLoadRssMb", app.rssMb());
          results.put(p + "peakRssMb", app.peakRssMb());
        }
      }
    } finally {
      Pg.drop(DB);
    }
    results.save(Config.out().resolve("results").resolve("startup.properties"));
    System.exit(0);
  }
}
