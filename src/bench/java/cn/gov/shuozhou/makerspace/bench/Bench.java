package cn.gov.shuozhou.makerspace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark harness (docs/performance.md): runs each selected section in its own JVM, collects
 * their results and prints one table. Run it with {@code ./mvnw -Pbench verify} (pom.xml, profile
 * {@code bench}); {@code -Dbench.sections=dmn,lifecycle,tasks,yearend,startup,upload,public,render,letters,notify,statistics,history}
 * selects sections.
 */
public final class Bench {

  public static void main(String[] args) throws Exception {
    Path out = Config.out();
    Files.createDirectories(out.resolve("results"));
    // results of the sections not run this time stay, so sections can be rerun one at a time
    for (Path old : Files.list(out.resolve("results")).toList()) {
      String file = old.getFileName().toString();
      if (Config.section(file.startsWith("pgbench") ? "lifecycle" : file.replaceAll("[-.].*", ""))) {
        Files.delete(old);
      }
    }
    long start = System.nanoTime();
    Log.info("benchmark: sections %s, results in %s", Config.sections(), out);
    Map<String, String> all = new TreeMap<>(Machine.describe());
    List<String> failures = new ArrayList<>();
    String cp = Child.classPath(null);

    if (Config.section("dmn")) {
      String shippedJar = Config.text("bench.feel.shipped.jar", null);
      String shippedCp = Child.classPath(shippedJar);
      String shipped = Config.text("bench.feel.shipped", "1.19.3");
      String pinned = Config.text("bench.feel.pinned", "1.19.5");
      List<String> opts = List.of("-Xmx512m");
      run(failures, "dmn-" + shipped, shippedCp, opts, DmnBench.class, shipped, "false", "true");
      run(failures, "dmn-" + pinned, cp, opts, DmnBench.class, pinned, "false", "true");
      run(failures, "dmn-" + pinned + "-cache", cp, opts, DmnBench.class, pinned + "-cache", "true", "true");
      run(failures, "dmn-" + shipped + "-cache", shippedCp, opts, DmnBench.class, shipped + "-cache", "true", "true");
    }

    if (Config.section("lifecycle")) {
      List<String> opts = List.of("-Xmx1g");
      run(failures, "lifecycle-h2-real", cp, opts, LifecycleBench.class, "h2", "real");
      run(failures, "lifecycle-h2-bare", cp, opts, LifecycleBench.class, "h2", "bare");
      run(failures, "lifecycle-pg-real", cp, opts, LifecycleBench.class, "pg", "real");
      run(failures, "lifecycle-pg-bare", cp, opts, LifecycleBench.class, "pg", "bare");
      Results pgbench = new Results();
      try {
        int seconds = Config.integer("bench.pgbench.seconds", 30);
        int clients = Config.integer("bench.threads", 2);
        Log.info("pgbench: TPC-B, scale 1, %d clients, %d s", clients, seconds);
        pgbench.put("pgbench.clients", clients);
        pgbench.put("pgbench.seconds", seconds);
        pgbench.put("pgbench.tps", Pg.pgbench(clients, seconds));
        pgbench.put("pgbench.synchronousCommit", Pg.setting("synchronous_commit"));
        pgbench.put("pgbench.fsync", Pg.setting("fsync"));
        pgbench.put("pgbench.statStatementsLoaded", Pg.statStatementsLoaded());
      } catch (Exception e) {
        Log.info("pgbench FAILED: %s", e);
        failures.add("pgbench (" + e.getMessage() + ")");
      }
      pgbench.save(out.resolve("results").resolve("pgbench.properties"));
    }

    if (Config.section("tasks")) {
      run(failures, "tasks", cp, List.of("-Xmx1g"), TaskQueryBench.class);
    }

    if (Config.section("yearend")) {
      run(failures, "yearend", cp, List.of("-Xmx1536m"), YearEndBench.class,
          Config.text("bench.yearend.settings", "app").split(","));
    }

    if (Config.section("startup")) {
      run(failures, "startup", cp, List.of("-Xmx256m"), StartupBench.class,
          Config.text("bench.startup.variants", StartupBench.DEFAULT_VARIANTS).split(";"));
    }

    if (Config.section("upload")) {
      run(failures, "upload", cp, List.of("-Xmx512m"), UploadBench.class, "pg", "h2");
    }

    if (Config.section("public")) {
      for (String database : Config.text("bench.public.databases", "h2,pg").split(",")) {
        run(failures, "public-" + database, cp, List.of("-Xmx1g"), PublicPagesBench.class, database);
      }
    }

    if (Config.section("render")) {
      for (String database : Config.text("bench.render.databases", "h2,pg").split(",")) {
        run(failures, "render-" + database, cp, List.of("-Xmx1g"), RenderBench.class, database);
      }
    }

    if (Config.section("statistics")) {
      for (String database : Config.text("bench.stat.databases", "h2,pg").split(",")) {
        run(failures, "statistics-" + database, cp, List.of("-Xmx1g"), StatisticsBench.class, database);
      }
    }

    if (Config.section("history")) {
      for (String database : Config.text("bench.history.databases", "h2,pg").split(",")) {
        run(failures, "history-" + database, cp, List.of("-Xmx1g"), HistoryBench.class, database);
      }
    }

    if (Config.section("letters")) {
      run(failures, "letters", cp, List.of("-Xmx512m"), LetterBench.class);
    }

    if (Config.section("notify")) {
      run(failures, "notify", cp, List.of("-Xmx1g"), NotificationBench.class,
          Config.text("bench.notify.runs", "h2,pg,pg2").split(","));
    }

    for (Path f : Files.list(out.resolve("results")).sorted().toList()) {
      all.putAll(Results.load(f));
    }
    Report report = new Report(all, failures);
    String text = report.render();
    System.out.println();
    System.out.println(text);
    Files.writeString(out.resolve("results.md"), text);
    Log.info("total %.1f min; results: %s", (System.nanoTime() - start) / 60e9, out.resolve("results.md"));
  }

  private static void run(List<String> failures, String name, String cp, List<String> opts, Class<?> main, String... args) {
    int code = Child.run(name, cp, opts, main.getName(), args);
    if (code != 0) {
      failures.add(name + " (exit " + code + ", see logs/" + name + ".log)");
    }
  }
}
