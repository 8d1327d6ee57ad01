package cn.gov.shuozhou.makerspace.cluster;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.postgres.ApplicationNode;
import cn.gov.shuozhou.makerspace.postgres.Await;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.PostgresSupport;
import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes on one PostgreSQL database, each with its own process engine and job
 * executor, as in a production cluster. Both run in this JVM (two Spring contexts, engines named
 * {@code nodeA} and {@code nodeB}, random ports) and are driven through the Java API: Camunda's
 * REST API and webapps look the engine up by the name {@code default}, which only one engine per
 * JVM can have, so of HTTP only the health endpoint is used here. The engine clock is one per JVM,
 * which models nodes whose clocks are in sync (docs/operations.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final int CERTIFICATIONS = 40;
  private static final int TIMERS = 1_000;
  private static final Duration PATIENCE = Duration.ofSeconds(150);

  private TestDatabase db;
  private ApplicationNode nodeA;
  private ApplicationNode nodeB;
  private long deploymentsAfterA;
  private long deploymentsAfterB;
  private int codes;

  @BeforeAll
  void startTwoNodes() {
    db = PostgresSupport.createDatabase("cluster");
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    try {
      // One after the other, as on a first installation: the first node creates the schema.
      nodeA = ApplicationNode.on(db).name("nodeA").jobExecutor(true).start();
      deploymentsAfterA = nodeA.engine().getRepositoryService().createDeploymentQuery().count();
      nodeB = ApplicationNode.on(db).name("nodeB").jobExecutor(true).start();
      deploymentsAfterB = nodeB.engine().getRepositoryService().createDeploymentQuery().count();
      CertificationDriver.createExperts(nodeA.engine());
    } catch (RuntimeException e) {
      stopBothNodes();
      throw e;
    }
  }

  @AfterAll
  void stopBothNodes() {
    try {
      for (ApplicationNode node : new ApplicationNode[] {nodeB, nodeA}) {
        if (node != null) {
          node.close();
        }
      }
    } finally {
      ClockUtil.reset();
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  @Order(1)
  void secondNodeDoesNotRedeployThePackagedModels() {
    assertThat(deploymentsAfterA).isPositive();
    assertThat(deploymentsAfterB).isEqualTo(deploymentsAfterA);
    assertThat(nodeB.engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getVersion()).isEqualTo(1);
    assertThat(nodeA.engine().getName()).isEqualTo("nodeA");
    assertThat(nodeB.engine().getName()).isEqualTo("nodeB");
  }

  @Test
  @Order(2)
  void bothNodesReportHealthyForTheLoadBalancer() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (ApplicationNode node : List.of(nodeA, nodeB)) {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + node.port() + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.printf("[cluster] %s /actuator/health: %d %s%n", node.name(), health.statusCode(), health.body());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"db\"");
    }
  }

  @Test
  @Order(3)
  void taskCompletedOnOneNodeIsGoneOnTheOther() {
    CertificationDriver onA = new CertificationDriver(nodeA.engine());
    ProcessEngine b = nodeB.engine();
    ProcessInstance pi = onA.apply(Applications.valid("shuocheng", nextCreditCode()));

    Task seenOnB = b.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(seenOnB.getTaskDefinitionKey()).isEqualTo(TASK_FIRST_REVIEW);

    onA.complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));

    assertThat(b.getTaskService().createTaskQuery().taskId(seenOnB.getId()).count()).isZero();
    assertThatThrownBy(() -> b.getTaskService().complete(seenOnB.getId(), Map.of(FIRST_REVIEW_DECISION, "reject")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining(seenOnB.getId());
    Task inspection = b.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(inspection.getTaskDefinitionKey()).isEqualTo(TASK_INSPECTION);

    // A claim on B is the claim on A: the second inspector cannot take it.
    b.getTaskService().claim(inspection.getId(), "inspector1");
    assertThat(nodeA.engine().getTaskService().createTaskQuery().taskId(inspection.getId()).singleResult()
        .getAssignee()).isEqualTo("inspector1");
    assertThatThrownBy(() -> nodeA.engine().getTaskService().claim(inspection.getId(), "inspector2"))
        .isInstanceOf(TaskAlreadyClaimedException.class);
    assertThat(db.count("SELECT count(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ?",
        pi.getId(), TASK_FIRST_REVIEW)).isEqualTo(1);
  }

  @Test
  @Order(4)
  void concurrentCertificationsOnBothNodesNeverShareANumber() throws Exception {
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    long start = System.nanoTime();
    List<String> instances = Collections.synchronizedList(new ArrayList<>());
    ExecutorService staff = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (ApplicationNode node : List.of(nodeA, nodeB)) {
        List<String> myCodes = new ArrayList<>();
        for (int i = 0; i < CERTIFICATIONS / 2; i++) {
          myCodes.add(nextCreditCode());
        }
        work.add(staff.submit(() -> {
          CertificationDriver driver = new CertificationDriver(node.engine());
          for (String code : myCodes) {
            ProcessInstance pi = driver.apply(Applications.valid("shuocheng", code));
            instances.add(pi.getId());
            driver.passToBureau(pi.getId());
            driver.complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "approve"));
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      staff.shutdownNow();
    }
    Duration staffTime = Duration.ofNanos(System.nanoTime() - start);

    // The job executors run the public notices' async starts; then every instance waits for its timer.
    ProcessEngine a = nodeA.engine();
    Await.until(PATIENCE, "every instance waiting for the end of its public notice",
        () -> noticeTimers(a, instances).size() == CERTIFICATIONS && jobsOf(a, instances) == CERTIFICATIONS,
        () -> noticeTimers(a, instances).size() + " timers, " + jobsOf(a, instances) + " jobs");
    Date lastDue = noticeTimers(a, instances).stream().map(Job::getDuedate).max(Date::compareTo).orElseThrow();

    // The notice period ends for all of them at once, and both nodes certify at the same time, half
    // each. The job executors are paused for this step: one of them alone can lock all 40 jobs
    // before the other's acquisition thread runs (the 1,000 timers below share the job executors).
    long noticeOver = System.nanoTime();
    List<JobExecutor> executors = List.of(jobExecutor(nodeA), jobExecutor(nodeB));
    executors.forEach(JobExecutor::shutdown);
    try {
      CertificationDriver.runClockFrom(new Date(lastDue.getTime() + 1000));
      noticeTimers(a, instances).forEach(timer -> a.getManagementService().executeJob(timer.getId()));
      List<Job> certify = a.getManagementService().createJobQuery().activityId("certify").list().stream()
          .filter(j -> instances.contains(j.getProcessInstanceId())).toList();
      assertThat(certify).hasSize(CERTIFICATIONS);
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> halves = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
          ProcessEngine engine = n == 0 ? a : nodeB.engine();
          int first = n;
          halves.add(nodes.submit(() -> {
            together.await();
            for (int i = first; i < certify.size(); i += 2) {
              engine.getManagementService().executeJob(certify.get(i).getId());
            }
            return null;
          }));
        }
        for (Future<?> half : halves) {
          half.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
      } finally {
        nodes.shutdownNow();
      }
    } finally {
      executors.forEach(JobExecutor::start);
    }
    Await.until(PATIENCE, "all " + CERTIFICATIONS + " instances ended",
        () -> endedOf(a, instances) == CERTIFICATIONS,
        () -> endedOf(a, instances) + " ended, " + db.count("SELECT count(*) FROM ms_certificate") + " certificates, "
            + db.count("SELECT count(*) FROM act_ru_incident") + " incidents");

    List<Map<String, Object>> certs = db.jdbc().queryForList(
        "SELECT certificate_number, cert_year, cert_seq, certification_instance_id FROM ms_certificate ORDER BY cert_seq");
    assertThat(certs).hasSize(CERTIFICATIONS);
    for (int i = 0; i < certs.size(); i++) {
      assertThat(certs.get(i).get("certificate_number")).isEqualTo(String.format("SZZC-2026-%03d", i + 1));
      assertThat(certs.get(i).get("cert_seq")).isEqualTo(i + 1);
    }
    assertThat(certs).extracting(c -> (String) c.get("certification_instance_id"))
        .containsExactlyInAnyOrderElementsOf(instances);
    for (String id : instances) {
      assertThat(new CertificationDriver(a).variable(id, OUTCOME)).isEqualTo("CERTIFIED");
    }
    assertThat(db.count("SELECT next_value FROM ms_sequence WHERE seq_name = 'CERTIFICATE-2026'"))
        .as("no number was skipped").isEqualTo(CERTIFICATIONS);
    assertThat(db.count("SELECT count(*) FROM act_ru_incident")).isZero();

    Map<String, Long> certifiedBy = successfulJobsByNode(a, "certify");
    System.out.printf("[cluster] %d certifications: staff work %d ms, certify after the notice %d ms, certify jobs per node %s%n",
        CERTIFICATIONS, staffTime.toMillis(), Duration.ofNanos(System.nanoTime() - noticeOver).toMillis(), certifiedBy);
    assertThat(certifiedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CERTIFICATIONS);
    assertThat(certifiedBy).as("both nodes certified, half each").containsEntry("nodeA", (long) CERTIFICATIONS / 2)
        .containsEntry("nodeB", (long) CERTIFICATIONS / 2);
  }

  @Test
  @Order(5)
  void thousandTimersDueAtTheSameMomentFireExactlyOnce() throws Exception {
    db.jdbc().execute(TimerBurstDelegate.TABLE_DDL);
    ProcessEngine a = nodeA.engine();
    a.getRepositoryService().createDeployment().name("cluster-timer-burst")
        .addClasspathResource("cluster/timer-burst.bpmn").deploy();
    Date dueAt = new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000);

    long start = System.nanoTime();
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        ProcessEngine engine = t % 2 == 0 ? a : nodeB.engine();
        work.add(starters.submit(() -> {
          for (int i = 0; i < TIMERS / 4; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("cluster-timer-burst", Map.of("dueAt", dueAt));
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      starters.shutdownNow();
    }
    Duration starting = Duration.ofNanos(System.nanoTime() - start);
    assertThat(a.getManagementService().createJobQuery().processDefinitionKey("cluster-timer-burst").timers().count())
        .isEqualTo(TIMERS);
    assertThat(a.getManagementService().createJobQuery().processDefinitionKey("cluster-timer-burst").timers()
        .list().stream().map(Job::getDuedate).distinct().toList()).containsExactly(dueAt);
    assertThat(db.count("SELECT count(*) FROM cluster_timer_fired")).isZero();

    CertificationDriver.runClockFrom(new Date(dueAt.getTime() + 1000));
    wakeBothJobExecutors();
    Duration firing = Await.until(PATIENCE, TIMERS + " timers fired",
        () -> a.getManagementService().createJobQuery().processDefinitionKey("cluster-timer-burst").count() == 0
            && db.count("SELECT count(*) FROM cluster_timer_fired") >= TIMERS,
        () -> db.count("SELECT count(*) FROM cluster_timer_fired") + " fired, "
            + a.getManagementService().createJobQuery().processDefinitionKey("cluster-timer-burst").count() + " jobs left");

    assertThat(db.count("SELECT count(*) FROM cluster_timer_fired")).isEqualTo(TIMERS);
    assertThat(db.count("SELECT count(DISTINCT process_instance_id) FROM cluster_timer_fired")).isEqualTo(TIMERS);
    assertThat(db.count("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'recordFiring' AND end_time_ IS NOT NULL"))
        .isEqualTo(TIMERS);
    assertThat(a.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cluster-timer-burst")
        .completed().count()).isEqualTo(TIMERS);
    Map<String, Long> byNode = new TreeMap<>();
    db.jdbc().query("SELECT node, count(*) FROM cluster_timer_fired GROUP BY node",
        rs -> {
          byNode.put(rs.getString(1), rs.getLong(2));
        });
    Map<String, Long> jobLog = successfulJobsByNode(a, "due");
    long failedAttempts = a.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("cluster-timer-burst")
        .failureLog().count();
    System.out.printf("[cluster] %d timers: started in %d ms, all fired %d ms after their due time; rows per node %s, "
            + "job log per node %s, failed attempts (retried) %d%n",
        TIMERS, starting.toMillis(), firing.toMillis(), byNode, jobLog, failedAttempts);
    assertThat(byNode).as("both job executors fired timers").containsKeys("nodeA", "nodeB");
    assertThat(jobLog).isEqualTo(byNode);
  }

  // ------------------------------------------------------------------ helpers

  private String nextCreditCode() {
    return CertificationDriver.creditCode(21, ++codes);
  }

  private static List<Job> noticeTimers(ProcessEngine engine, List<String> instances) {
    return engine.getManagementService().createJobQuery().timers().activityId("noticePeriodOver").list().stream()
        .filter(j -> instances.contains(j.getProcessInstanceId())).toList();
  }

  private static long jobsOf(ProcessEngine engine, List<String> instances) {
    return engine.getManagementService().createJobQuery().list().stream()
        .filter(j -> instances.contains(j.getProcessInstanceId())).count();
  }

  private static long endedOf(ProcessEngine engine, List<String> instances) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished().list()
        .stream().filter(h -> instances.contains(h.getId())).count();
  }

  private static Map<String, Long> successfulJobsByNode(ProcessEngine engine, String activityId) {
    return engine.getHistoryService().createHistoricJobLogQuery().activityIdIn(activityId).successLog().list().stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, TreeMap::new, Collectors.counting()));
  }

  /**
   * The clock jumped: both job executors look for due jobs now. Otherwise one that happens to be in
   * its idle wait (up to max-wait) could find the other done with everything, and the test would
   * prove nothing about two nodes working at once.
   */
  private void wakeBothJobExecutors() {
    List.of(nodeA, nodeB).forEach(node -> jobExecutor(node).jobWasAdded());
  }

  private static JobExecutor jobExecutor(ApplicationNode node) {
    return ((ProcessEngineConfigurationImpl) node.engine().getProcessEngineConfiguration()).getJobExecutor();
  }
}
