package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 6: the public door under public traffic (issue 18). A database with
 * {@code bench.public.spaces} certified spaces (10,000; a tenth expired, a tenth revoked) and
 * {@code bench.public.notices} notices in progress (100, each a real certification taken to its
 * public notice); then the packaged application on it ({@code java -jar}, one node, job executor off
 * so the notices keep running) answers {@code bench.public.clients} concurrent clients (200, no
 * think time) for {@code bench.public.seconds} (60) after a warm-up, each asking in turn for the
 * notice list, one notice, a registry search and a verification. Run on H2 (file) and PostgreSQL.
 * The clients run in this JVM and address only 127.0.0.1.
 */
public final class PublicPagesBench {

  static final String DB = "bench_public";
  static final String[] KINDS = {"notices", "notice", "registry", "verify"};

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int spaces = Config.integer("bench.public.spaces", 10_000);
    int noticeCount = Config.integer("bench.public.notices", 100);
    Results results = new Results();
    String p = "public." + database + ".";
    Path h2 = Config.freshDatabase("public", database, DB);
    try {
      List<String> notices;
      List<String> certificates;
      long t0 = System.nanoTime();
      try (AppNode node = (database.equals("h2") ? AppNode.h2File(h2, "public-seed") : AppNode.postgres(Pg.url(DB), "public-seed"))
          .start()) {
        certificates = certificates(node.bean(JdbcTemplate.class), spaces);
        CertificationDriver driver = new CertificationDriver(node.engine());
        notices = new ArrayList<>();
        for (int i = 0; i < noticeCount; i++) {
          notices.add(driver.inPublicNoticeAsStaff("公示第" + (i + 1) + "号众创空间").getBusinessKey());
        }
      }
      results.put(p + "seedSeconds", (System.nanoTime() - t0) / 1e9);
      results.put(p + "spaces", spaces);
      results.put(p + "notices", notices.size());
      String noJobs = "--camunda.bpm.job-execution.enabled=false";
      List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
      jvm.addAll(List.of(Config.text("bench.public.jvm", "").split(" +")).stream().filter(o -> !o.isBlank()).toList());
      try (AppProcess app = database.equals("h2") ? AppProcess.startH2("public-h2", jvm, h2, noJobs)
          : AppProcess.start("public-pg", jvm, DB, List.of(noJobs))) {
        int clients = Config.integer("bench.public.clients", 200);
        int seconds = Config.integer("bench.public.seconds", 60);
        int fewClients = Config.integer("bench.public.fewClients", 4);
        // warm-up: the JIT compiles the request path (it takes the CPUs for a while after the start)
        load(app.baseUrl(), notices, certificates, Math.max(1, clients / 10), Math.min(20, seconds), null, null);
        measure(app, notices, certificates, fewClients, Math.min(30, seconds), results, p + "few.");
        measure(app, notices, certificates, clients, seconds, results, p);
        results.put(p + "peakRssMb", app.peakRssMb());
      }
    } finally {
      if (database.equals("pg")) {
        Pg.drop(DB);
      }
    }
    results.save(Config.out().resolve("results").resolve("public-" + database + ".properties"));
    System.exit(0);
  }

  /**
   * One load run: latencies per page and in all, throughput, errors, the application's CPU time per
   * request and the machine's load average (the machine may be shared: CPU per request is the figure
   * that does not depend on it).
   */
  static void measure(AppProcess app, List<String> notices, List<String> certificates, int clients, int seconds,
      Results results, String p) throws Exception {
    Latency[] latencies = new Latency[KINDS.length];
    AtomicLong errors = new AtomicLong();
    String loadBefore = Machine.loadAverage();
    long[] ticks = Machine.cpuTicks();
    double cpu = app.cpuSeconds();
    double elapsed = load(app.baseUrl(), notices, certificates, clients, seconds, latencies, errors);
    double appCpu = app.cpuSeconds() - cpu;
    Latency all = new Latency();
    for (int k = 0; k < KINDS.length; k++) {
      latencies[k].report(results, p + KINDS[k] + ".");
      all.addAll(latencies[k]);
    }
    all.report(results, p + "all.");
    results.put(p + "clients", clients);
    results.put(p + "seconds", elapsed);
    results.put(p + "errors", errors.get());
    results.put(p + "requestsPerSecond", all.count() / elapsed);
    results.put(p + "appCpuMsPerRequest", 1000 * appCpu / Math.max(1, all.count()));
    results.put(p + "machineBusyPercent", Machine.busyPercent(ticks, Machine.cpuTicks()));
    results.put(p + "loadAverage", loadBefore + " → " + Machine.loadAverage());
    Log.info("%d clients: %.0f requests/s, p95 %.1f ms, %.2f ms application CPU per request, load %s", clients,
        all.count() / elapsed, all.percentile(95), 1000 * appCpu / Math.max(1, all.count()), Machine.loadAverage());
  }

  /** Inserts the registry rows directly (the certification itself is measured in section 2). */
  static List<String> certificates(JdbcTemplate jdbc, int n) {
    List<String> numbers = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    County[] counties = County.values();
    LocalDate today = LocalDate.now();
    for (int i = 0; i < n; i++) {
      int year = 2015 + i % 12;
      String number = String.format("SZZC-%d-%03d", year, 100_000 + i);
      LocalDate certified = LocalDate.of(year, 1 + i % 12, 1 + i % 28);
      String status = i % 10 == 1 ? "REVOKED" : certified.plusYears(3).isBefore(today) ? "EXPIRED" : "VALID";
      numbers.add(number);
      rows.add(new Object[] {number, year, 100_000 + i, "SQ-BENCH-" + i, String.format("91140600MA%07dX", i),
          "朔州市第" + i + "运营有限公司", "第" + i + "号众创空间", counties[i % counties.length].name(), "operator1",
          Date.valueOf(certified), Date.valueOf(certified.plusYears(3).minusDays(1)), status,
          status.equals("REVOKED") ? "VIOLATION" : null, status.equals("VALID") ? null : Date.valueOf(certified.plusYears(2)),
          "bench", "朔州市朔城区第" + i + "号", "bench-" + i});
    }
    for (int from = 0; from < rows.size(); from += 1000) {
      jdbc.batchUpdate("INSERT INTO ms_certificate (certificate_number, cert_year, cert_seq, application_number, "
          + "credit_code, operator_name, space_name, county, applicant, certified_on, valid_until, status, status_reason, "
          + "status_changed_on, certification_instance_id, space_address, space_key) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.subList(from, Math.min(rows.size(), from + 1000)));
    }
    Log.info("%d certificates inserted", n);
    return numbers;
  }

  /**
   * {@code clients} threads ask without pause for {@code seconds}; each request's time goes to its
   * kind's latency (when {@code latencies} is given). Returns the seconds the load lasted.
   */
  static double load(String base, List<String> notices, List<String> certificates, int clients, int seconds,
      Latency[] latencies, AtomicLong errors) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    List<List<long[]>> perThread = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < clients; c++) {
      List<long[]> samples = new ArrayList<>();
      perThread.add(samples);
      int offset = c;
      pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = offset; System.nanoTime() < end; i++) {
          int kind = i % KINDS.length;
          String path = switch (kind) {
            case 0 -> "/public/notices";
            case 1 -> "/public/notices/" + notices.get(random.nextInt(notices.size()));
            case 2 -> "/public/registry?q=" + URLEncoder.encode("第" + random.nextInt(1000), StandardCharsets.UTF_8);
            default -> "/public/verify?number=" + certificates.get(random.nextInt(certificates.size()));
          };
          long t0 = System.nanoTime();
          int status;
          try {
            status = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          samples.add(new long[] {kind, System.nanoTime() - t0, status});
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (latencies != null) {
      for (int k = 0; k < latencies.length; k++) {
        latencies[k] = new Latency();
      }
      for (List<long[]> samples : perThread) {
        for (long[] s : samples) {
          latencies[(int) s[0]].add(s[1]);
          if (s[2] != 200) {
            errors.incrementAndGet();
          }
        }
      }
    }
    return elapsed;
  }
}
