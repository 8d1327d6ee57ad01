package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Section 2 (one JVM per database and model): complete certification lifecycles with
 * {@code bench.threads} threads, after a warm-up; lifecycles per second, and per lifecycle the
 * commits, SQL statements and round trips the application sent (JDBC proxy) and, on PostgreSQL,
 * the transactions the server committed (pg_stat_database). History level FULL. Each lifecycle is
 * {@link CertificationDriver#certifyAsStaff}, the steps the tests drive too; the bare model
 * ({@link #BARE_KEY}) is driven by the same steps.
 *
 * <p>Arguments: {@code <h2|pg> <real|bare>}.
 */
public final class LifecycleBench {

  static final String BARE_KEY = "bench-bare-certification";

  public static void main(String[] args) throws Exception {
    String db = args[0];
    boolean bare = args[1].equals("bare");
    int n = Config.integer("bench.lifecycles", 60);
    int threads = Config.integer("bench.threads", 2);
    int warmUp = Math.max(6, n / 4);
    String id = "lifecycle." + db + "." + args[1] + ".";
    Results results = new Results();
    SqlCounter counter = new SqlCounter();
    String pgDb = "bench_lc_" + args[1];
    AppNode.Builder builder;
    if (db.equals("pg")) {
      Pg.recreate(pgDb);
      builder = AppNode.postgres(Pg.url(pgDb), "lc" + args[1]);
    } else {
      Path dir = Config.out().resolve("h2");
      Files.createDirectories(dir);
      for (String suffix : List.of(".mv.db", ".trace.db")) {
        Files.deleteIfExists(dir.resolve("lc-" + args[1] + suffix));
      }
      builder = AppNode.h2File(dir.resolve("lc-" + args[1]), "lc" + args[1]);
    }
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    try (AppNode node = builder.counting(counter).start()) {
      ProcessEngine engine = node.engine();
      ProcessEngineConfigurationImpl conf = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      results.put(id + "historyLevel", conf.getHistoryLevel().getName());
      if (bare) {
        deployBareModel(engine);
      }
      CertificationDriver driver = new CertificationDriver(engine);
      String processKey = bare ? BARE_KEY : CertificationProcess.KEY;
      run(driver, processKey, warmUp, threads, "warm-up");

      counter.kinds.clear();
      SqlCounter.Snapshot before = counter.snapshot();
      Pg.XactStats pgBefore = db.equals("pg") ? Pg.xacts(pgDb) : null;
      long cpuBefore = cpuNanos();
      long start = System.nanoTime();
      run(driver, processKey, n, threads, "measured");
      double seconds = (System.nanoTime() - start) / 1e9;
      results.put(id + "jvmCpuMsPerLifecycle", (cpuNanos() - cpuBefore) / 1e6 / n);
      SqlCounter.Snapshot used = counter.snapshot().minus(before);
      results.put(id + "lifecycles", n);
      results.put(id + "threads", threads);
      results.put(id + "seconds", seconds);
      results.put(id + "lifecyclesPerSecond", n / seconds);
      results.put(id + "commitsPerLifecycle", (double) used.commits() / n);
      results.put(id + "rollbacksPerLifecycle", (double) used.rollbacks() / n);
      results.put(id + "statementsPerLifecycle", (double) used.statements() / n);
      results.put(id + "roundTripsPerLifecycle", (double) used.roundTrips() / n);
      results.put(id + "commitsPerSecond", used.commits() / seconds);
      List<String> mix = new ArrayList<>();
      mix.add(String.format("%-40s %8s", "statement kind (per lifecycle)", "count"));
      counter.mix().forEach(e -> mix.add(String.format("%-40s %8.1f", e.getKey(), e.getValue() / (double) n)));
      Path mixFile = Config.out().resolve("sql-mix-" + db + "-" + args[1] + ".txt");
      Files.write(mixFile, mix);
      results.put(id + "sqlMix", mixFile.getFileName());
      if (pgBefore != null) {
        Pg.XactStats pg = Pg.xacts(pgDb).minus(pgBefore);
        results.put(id + "pgXactCommitsPerLifecycle", (double) pg.commits() / n);
        results.put(id + "pgXactCommitsPerSecond", pg.commits() / seconds);
        results.put(id + "pgXactRollbacks", pg.rollbacks());
      }
      long ended = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .activityId("certified").finished().count();
      results.put(id + "endedCertified", ended);
      if (ended != n + warmUp) {
        throw new IllegalStateException("expected " + (n + warmUp) + " certified " + processKey + ", found " + ended);
      }
    } finally {
      if (db.equals("pg")) {
        Pg.drop(pgDb);
      }
    }
    results.save(Config.out().resolve("results").resolve("lifecycle-" + db + "-" + args[1] + ".properties"));
    System.exit(0);
  }

  /** CPU time used by this JVM so far (all threads): less sensitive to a busy machine than wall time. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Deploys the bare model and lets operators start it, as they may start the real one. */
  static void deployBareModel(ProcessEngine engine) {
    Deployment d = engine.getRepositoryService().createDeployment().name("bench-bare")
        .addClasspathResource("bench/bare-certification.bpmn").enableDuplicateFiltering(true).deploy();
    var auth = engine.getAuthorizationService();
    if (auth.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(BARE_KEY).count() == 0) {
      Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId("operators");
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId(BARE_KEY);
      a.addPermission(Permissions.READ);
      a.addPermission(Permissions.CREATE_INSTANCE);
      auth.saveAuthorization(a);
    }
    Log.info("deployed %s (%s)", BARE_KEY, d.getId());
  }

  static void run(CertificationDriver driver, String processKey, int count, int threads, String what) throws Exception {
    AtomicInteger left = new AtomicInteger(count);
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          driver.certifyAsStaff(processKey);
          int d = done.incrementAndGet();
          if (d % Math.max(1, count / 4) == 0) {
            Log.info("%s: %d/%d lifecycles, %.1f s", what, d, count, (System.nanoTime() - start) / 1e9);
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get();
    }
  }
}
