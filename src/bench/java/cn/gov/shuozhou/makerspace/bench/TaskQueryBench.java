package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.TaskFilters;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Section 3: {@code bench.tasks} open tasks spread over every staff group, created through the
 * engine (one-task model, candidate group from a variable, starts batched in transactions, job
 * executor off); then the packaged application on that database answers, as the county reviewer
 * {@code shuocheng1}, the requests Tasklist makes for the first page of the group filter, and the
 * plain candidate-group query; p50/p95/p99 over REST.
 */
public final class TaskQueryBench {

  static final String DB = "bench_tasks";
  static final String KEY = "bench-open-task";

  public static void main(String[] args) throws Exception {
    int n = Config.integer("bench.tasks", 100_000);
    int queries = Config.integer("bench.queries", 300);
    Results results = new Results();
    try {
      create(n, results);
      try (Connection c = Pg.connect(DB); Statement s = c.createStatement()) {
        s.execute("ANALYZE");
        results.put("tasks.openTasks", count(s, "select count(*) from act_ru_task"));
        results.put("tasks.shuochengTasks", count(s, "select count(*) from act_ru_identitylink where group_id_ = 'county-shuocheng'"));
        results.put("tasks.authorizations", count(s, "select count(*) from act_ru_authorization"));
      }
      try (AppProcess app = AppProcess.start("tasks-app", List.of("-Xmx512m"), DB,
          List.of("--camunda.bpm.job-execution.enabled=false"))) {
        measure(app, queries, results);
      }
    } finally {
      if (!Boolean.parseBoolean(Config.text("bench.tasks.keep", "false"))) {
        Pg.drop(DB);
      }
    }
    results.save(Config.out().resolve("results").resolve("tasks.properties"));
    System.exit(0);
  }

  static void create(int n, Results results) throws Exception {
    Pg.recreate(DB);
    try (AppNode node = AppNode.postgres(Pg.url(DB), "tasks").start()) {
      ProcessEngine engine = node.engine();
      String definitionId = engine.getRepositoryService().createDeployment().name("bench-open-task")
          .addClasspathResource("bench/open-task.bpmn").deployWithResult().getDeployedProcessDefinitions().get(0).getId();
      for (String group : Groups.ids(Groups.STAFF_GROUPS)) {
        Authorization a = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(Resources.PROCESS_DEFINITION);
        a.setResourceId(KEY);
        a.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(a);
      }
      List<String> groups = Groups.ids(Groups.STAFF_GROUPS);
      TransactionTemplate tx = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
      RuntimeService runtime = engine.getRuntimeService();
      double seconds = Batches.run(n, 250, tx,
          i -> runtime.startProcessInstanceById(definitionId, "T" + i, Map.of("group", groups.get(i % groups.size()))),
          "open tasks", 10_000);
      results.put("tasks.createSeconds", seconds);
      results.put("tasks.createPerSecond", n / seconds);
    }
  }

  static void measure(AppProcess app, int queries, Results results) {
    Http county = new Http(app.baseUrl() + "/engine-rest", "shuocheng1");
    String name = URLEncoder.encode(TaskFilters.MY_GROUP_TASKS, StandardCharsets.UTF_8);
    JsonNode filters = county.get("/filter?resourceType=Task&name=" + name);
    if (filters.size() != 1) {
      throw new IllegalStateException("filter " + TaskFilters.MY_GROUP_TASKS + " not visible to shuocheng1: " + filters);
    }
    String filterId = filters.get(0).get("id").asText();
    String listPath = "/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    String listBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    String plainPath = "/task?candidateGroups=county-shuocheng&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
    String countPath = "/filter/" + filterId + "/count";

    JsonNode page = county.post(listPath, listBody, "application/hal+json");
    results.put("tasks.filter.count", page.path("count").asLong());
    results.put("tasks.filter.pageSize", page.path("_embedded").path("task").size());
    JsonNode plain = county.get(plainPath);
    results.put("tasks.plain.pageSize", plain.size());

    Latency filterList = new Latency();
    Latency plainList = new Latency();
    Latency filterCount = new Latency();
    int warmUp = Math.max(10, queries / 10);
    for (int i = 0; i < warmUp + queries; i++) {
      long t0 = System.nanoTime();
      county.post(listPath, listBody, "application/hal+json");
      long t1 = System.nanoTime();
      county.get(plainPath);
      long t2 = System.nanoTime();
      county.post(countPath, "{}");
      long t3 = System.nanoTime();
      if (i >= warmUp) {
        filterList.add(t1 - t0);
        plainList.add(t2 - t1);
        filterCount.add(t3 - t2);
      }
    }
    filterList.report(results, "tasks.filterList.");
    plainList.report(results, "tasks.plainList.");
    filterCount.report(results, "tasks.filterCount.");
  }

  private static long count(Statement s, String sql) throws java.sql.SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
