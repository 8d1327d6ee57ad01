package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Section 4: the year end. {@code bench.timers} supervisions (certified the same day) wait for their
 * annual-report window; the clock moves past its opening and the job executors run the timers.
 * Measured: the time from then until every "submit annual report" task exists, with one node and
 * with two nodes (two engines with their own job executors in this JVM) on one PostgreSQL database.
 *
 * <p>The supervisions are created once in a template database; each run starts from a copy.
 * Arguments: the job executor settings to compare, each {@code app} (application.yaml as shipped)
 * or {@code camunda} (Camunda's own defaults).
 */
public final class YearEndBench {

  static final String BASE = "bench_ye_base";
  static final String RUN = "bench_ye_run";

  /** Camunda Platform 7.24's job executor defaults (Spring Boot starter), to compare with application.yaml. */
  static final Map<String, String> CAMUNDA_DEFAULTS = new LinkedHashMap<>();

  static {
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.core-pool-size", "3");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.max-pool-size", "10");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.queue-capacity", "3");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "3");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.max-wait", "60000");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.backoff-time-in-millis", "0");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.max-backoff", "0");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.backoff-decrease-threshold", "100");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.wait-increase-factor", "2");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.lock-time-in-millis", "300000");
    CAMUNDA_DEFAULTS.put("camunda.bpm.job-execution.deployment-aware", "false");
    CAMUNDA_DEFAULTS.put("spring.datasource.hikari.maximum-pool-size", "10");
  }

  public static void main(String[] args) throws Exception {
    int n = Config.integer("bench.timers", 10_000);
    Results results = new Results();
    try {
      Date opensAt = createBase(n, results);
      for (String setting : args) {
        for (int nodes : new int[] {1, 2}) {
          run(setting, nodes, n, opensAt, results);
        }
      }
    } finally {
      Pg.drop(RUN);
      Pg.drop(BASE);
    }
    results.save(Config.out().resolve("results").resolve("yearend.properties"));
    System.exit(0);
  }

  /** The template database: {@code n} supervisions waiting for their first annual-report window. */
  static Date createBase(int n, Results results) throws Exception {
    Pg.recreate(BASE);
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    try (AppNode node = AppNode.postgres(Pg.url(BASE), "yebase").start()) {
      ProcessEngine engine = node.engine();
      TransactionTemplate tx = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
      RuntimeService runtime = engine.getRuntimeService();
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(SupervisionProcess.KEY).latestVersion().singleResult().getId();
      double seconds = Batches.run(n, 50, tx, i -> {
        String number = String.format("SZZC-2026-B%05d", i);
        runtime.startProcessInstanceById(definitionId, number, supervision(number, i));
      }, "supervisions", 2_000);
      results.put("yearend.supervisions", n);
      results.put("yearend.createSeconds", seconds);
      Object opens = runtime.createVariableInstanceQuery().variableName(SupervisionProcess.REPORT_OPENS_AT)
          .listPage(0, 1).get(0).getValue();
      results.put("yearend.reportOpensAt", opens);
      long timers = engine.getManagementService().createJobQuery().timers().duedateLowerThan(
          new Date(((Date) opens).getTime() + 120_000)).count();
      results.put("yearend.dueTimers", timers);
      String extraSql = Config.text("bench.yearend.baseSql", null); // experiments: extra DDL in the template
      if (extraSql != null) {
        try (Connection c = Pg.connect(BASE); Statement s = c.createStatement()) {
          for (String sql : extraSql.split(";")) {
            s.execute(sql);
          }
        }
      }
      return (Date) opens;
    }
  }

  static Map<String, Object> supervision(String number, int i) {
    String first17 = String.format("91140600MC%07d", i);
    Map<String, Object> v = new HashMap<>();
    v.put(SupervisionProcess.CERTIFICATE_NUMBER, number);
    v.put(SupervisionProcess.CERTIFIED_ON, startOf(LocalDate.of(2026, 3, 2)));
    v.put(SupervisionProcess.VALID_UNTIL, startOf(LocalDate.of(2029, 3, 1)));
    v.put(SupervisionProcess.CREDIT_CODE, first17 + cn.gov.shuozhou.makerspace.common.CreditCode.checkCharacter(first17));
    v.put(SupervisionProcess.OPERATOR_NAME, "朔州创新创业服务有限公司");
    v.put(SupervisionProcess.SPACE_NAME, "众创空间" + i);
    v.put(SupervisionProcess.COUNTY, "shuocheng");
    v.put(SupervisionProcess.APPLICANT, "operator1");
    v.put(SupervisionProcess.APPLICATION_NUMBER, "SQ-2026-B" + i);
    return v;
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  /** One run: a copy of the template, {@code nodes} engines with their job executors, the clock moved. */
  static void run(String setting, int nodes, int n, Date opensAt, Results results) throws Exception {
    String id = "yearend." + (setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting) + "." + nodes + "node.";
    Pg.drop(RUN);
    try (Connection c = Pg.admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + RUN + " TEMPLATE " + BASE);
    }
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    List<AppNode> started = new ArrayList<>();
    try {
      for (int i = 1; i <= nodes; i++) {
        String name = setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting;
        AppNode.Builder b = AppNode.postgres(Pg.url(RUN), "ye" + name.replaceAll("[^A-Za-z0-9]", "") + i).jobExecutor(true);
        if (setting.startsWith("camunda")) {
          CAMUNDA_DEFAULTS.forEach(b::property);
        }
        if (setting.contains("=")) {
          // experiments: name=key:value,key:value (keys below camunda.bpm.job-execution.)
          for (String kv : setting.substring(setting.indexOf('=') + 1).split(",")) {
            String[] parts = kv.split(":", 2);
            b.property(parts[0].startsWith("generic.") ? "camunda.bpm.generic-properties.properties." + parts[0].substring(8)
                : parts[0].contains(".") ? parts[0] : "camunda.bpm.job-execution." + parts[0], parts[1]);
          }
        }
        started.add(b.start());
      }
      List<JobExecutor> executors = new ArrayList<>();
      for (AppNode node : started) {
        JobExecutor je = ((ProcessEngineConfigurationImpl) node.engine().getProcessEngineConfiguration()).getJobExecutor();
        je.shutdown();
        executors.add(je);
      }
      JobExecutor first = executors.get(0);
      results.put(id + "settings", String.format("core %d, max %d, queue %s, maxJobsPerAcquisition %d, waitTime %d ms, maxWait %d ms, backoff %d..%d ms, lockOwner per node",
          poolSize(started.get(0), true), poolSize(started.get(0), false), queue(started.get(0)), first.getMaxJobsPerAcquisition(),
          first.getWaitTimeInMillis(), first.getMaxWait(), first.getBackoffTimeInMillis(), first.getMaxBackoff()));
      ClockUtil.offset(opensAt.getTime() + 60_000 - System.currentTimeMillis());
      long[] cpuBefore = Machine.cpuTicks();
      long start = System.nanoTime();
      executors.forEach(JobExecutor::start);
      long tasks = 0;
      long deadline = start + 20L * 60 * 1_000_000_000L;
      try (Connection c = Pg.connect(RUN); Statement s = c.createStatement()) {
        long lastLog = start;
        while (tasks < n && System.nanoTime() < deadline) {
          Thread.sleep(250);
          try (ResultSet rs = s.executeQuery("select count(*) from act_ru_task where task_def_key_ = '"
              + SupervisionProcess.TASK_SUBMIT_REPORT + "'")) {
            rs.next();
            tasks = rs.getLong(1);
          }
          if (System.nanoTime() - lastLog > 10_000_000_000L) {
            lastLog = System.nanoTime();
            Log.info("%s: %,d/%,d report tasks after %.0f s", id, tasks, n, (lastLog - start) / 1e9);
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put(id + "machineCpuBusyPercent", Machine.busyPercent(cpuBefore, Machine.cpuTicks()));
        executors.forEach(JobExecutor::shutdown);
        results.put(id + "seconds", seconds);
        results.put(id + "reportTasks", tasks);
        results.put(id + "tasksPerSecond", tasks / seconds);
        try (ResultSet rs = s.executeQuery("select hostname_, count(*) from act_hi_job_log where job_def_type_ = 'timer-intermediate-transition'"
            + " and job_state_ = 2 group by hostname_ order by hostname_")) {
          StringBuilder perNode = new StringBuilder();
          while (rs.next()) {
            perNode.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
          }
          results.put(id + "timersByNode", perNode.toString().trim());
        }
        try (ResultSet rs = s.executeQuery("select count(*) from act_hi_job_log where job_state_ = 1")) {
          rs.next();
          results.put(id + "failedJobExecutions", rs.getLong(1));
        }
      }
    } finally {
      for (AppNode node : started) {
        node.close();
      }
      Pg.drop(RUN);
    }
  }

  private static int poolSize(AppNode node, boolean core) {
    var executor = node.bean("camundaTaskExecutor", org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
    return core ? executor.getCorePoolSize() : executor.getMaxPoolSize();
  }

  private static String queue(AppNode node) {
    var executor = node.bean("camundaTaskExecutor", org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
    return Integer.toString(executor.getQueueCapacity());
  }
}
