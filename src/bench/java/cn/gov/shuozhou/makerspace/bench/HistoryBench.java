package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.HistoryClones;
import cn.gov.shuozhou.makerspace.support.HistoryTabQueries;
import cn.gov.shuozhou.makerspace.support.HistoryTabQueries.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section "history" (docs/audit.md, the Cockpit 历史 tab): {@code bench.history.finished} (9,000)
 * finished certification instances, a fifth certified with certificate numbers, and
 * {@code bench.history.running} (3,000) running ones, cloned in the history tables from three real
 * instances with all their variables (support/HistoryClones); then every request of the tab and
 * the dashboard search (support/HistoryTabQueries) as auditor1 over REST, authorization checks
 * included, {@code bench.history.rounds} times each after a warm-up, on H2 (file) and PostgreSQL.
 */
public final class HistoryBench {

  static final String DB = "bench_history";
  private static final int PAGE = 50;

  /** One request of the tab. */
  private record Request(String path, String body) {}

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int finished = Config.integer("bench.history.finished", 9_000);
    int running = Config.integer("bench.history.running", 3_000);
    int rounds = Config.integer("bench.history.rounds", 20);
    Results results = new Results();
    String p = "history." + database + ".";
    Path h2 = Config.freshDatabase("history", database, DB);
    // the engine REST API serves the engine named "default"
    try (AppNode node = (database.equals("h2") ? AppNode.h2File(h2, "default") : AppNode.postgres(Pg.url(DB), "default"))
        .start()) {
      CertificationDriver driver = new CertificationDriver(node.engine());
      ProcessInstance certified = driver.certifiedAsStaff("右玉生态创客工坊");
      ProcessInstance rejected = driver.rejectedByBureau("朔城青年创客空间");
      ProcessInstance open = driver.apply(CertificationDriver.namedApplication("平鲁双创基地"));
      long t0 = System.nanoTime();
      new HistoryClones(node.bean(DataSource.class)).certificationHistory(certified.getId(), rejected.getId(),
          open.getId(), finished, running);
      results.put(p + "cloneSeconds", (System.nanoTime() - t0) / 1e9);
      if (database.equals("pg")) {
        node.bean(JdbcTemplate.class).execute("ANALYZE");
      }
      Http auditor = new Http("http://127.0.0.1:" + node.port() + "/engine-rest", "auditor1");
      long instances = auditor.post(HistoryTabQueries.COUNT, HistoryTabQueries.all().count()).get("count").asLong();
      results.put(p + "instances", instances);
      for (Map.Entry<String, Request> measure : measures(auditor, (int) instances).entrySet()) {
        Request request = measure.getValue();
        JsonNode answer = auditor.post(request.path(), request.body());
        results.put(p + measure.getKey() + ".results", answer.has("count") ? answer.get("count").asLong() : answer.size());
        measure(auditor, request, rounds).report(results, p + measure.getKey() + ".");
      }
      results.put(p + "loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      if (database.equals("pg")) {
        Pg.drop(DB);
      }
    }
    results.save(Config.out().resolve("results").resolve("history-" + database + ".properties"));
    System.exit(0);
  }

  /**
   * The requests (path, body) by key, as Report's history section lists them. The certificate
   * numbers exist with 2,000 or more finished instances (SZZC-2019-121 is the 3,121st).
   */
  private static Map<String, Request> measures(Http auditor, int instances) {
    Map<String, Filter> filters = new LinkedHashMap<>();
    filters.put("all", HistoryTabQueries.all());
    filters.put("outcome", HistoryTabQueries.outcome("REJECTED"));
    filters.put("outcomeCounty", HistoryTabQueries.outcomeInCounty("REJECTED", "pinglu"));
    filters.put("finishedDates", HistoryTabQueries.finishedStartedIn(2019, 2020));
    filters.put("applicationPart", HistoryTabQueries.applicationNumberContaining("2019-000123"));
    filters.put("certificate", HistoryTabQueries.certificateNumber("SZZC-2019-121"));
    filters.put("certificatePart", HistoryTabQueries.certificateNumberContaining("2019-121"));
    Map<String, Request> measures = new LinkedHashMap<>();
    filters.forEach((key, filter) -> {
      measures.put(key + ".page", new Request(HistoryTabQueries.page(0, PAGE), filter.page()));
      measures.put(key + ".count", new Request(HistoryTabQueries.COUNT, filter.count()));
    });
    measures.put("lastPage.page", new Request(HistoryTabQueries.page(Math.max(0, instances - PAGE), PAGE),
        HistoryTabQueries.all().page()));
    List<String> ids = new ArrayList<>();
    auditor.post(HistoryTabQueries.page(0, PAGE), HistoryTabQueries.all().page())
        .forEach(instance -> ids.add(instance.get("id").asText()));
    measures.put("columns.list", new Request(HistoryTabQueries.VARIABLES, HistoryTabQueries.columnsOf(ids)));
    measures.put("searchApplication.list", new Request(HistoryTabQueries.SEARCH,
        HistoryTabQueries.searchApplication("SQ-2019-000123")));
    measures.put("searchCertificate.list", new Request(HistoryTabQueries.SEARCH,
        HistoryTabQueries.searchCertificate("SZZC-2019-121")));
    return measures;
  }

  private static Latency measure(Http auditor, Request request, int rounds) {
    Latency latency = new Latency();
    for (int i = 0; i < 2 + rounds; i++) {
      long start = System.nanoTime();
      auditor.post(request.path(), request.body());
      if (i >= 2) {
        latency.add(System.nanoTime() - start);
      }
    }
    return latency;
  }
}
