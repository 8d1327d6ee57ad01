package cn.gov.shuozhou.makerspace.postgres;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.PostgresSupport;
import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a load. A separate JVM ({@link CrashLoad}) runs the application on a
 * fresh PostgreSQL database and pushes {@value #APPLICATIONS} applications through the
 * certification lifecycle with its job executor working; once some certificates are issued the
 * test kills it with SIGKILL ({@link Process#destroyForcibly()}). A new node then starts on the
 * same database, finishes every application, and the database is counted: every application
 * ended exactly once and certified, one certificate each with gap-free numbers, no task or job
 * lost or left over, no incident, the application table in step with the engine.
 */
class CrashRecoveryTest {

  static final int APPLICATIONS = 40;
  private static final int STAFF_THREADS = 4;
  private static final int SERIES = 31;
  private static final int KILL_AFTER_CERTIFICATES = 8;
  private static final String CERT_INSTANCES = "SELECT e.id_ FROM act_ru_execution e JOIN act_re_procdef d "
      + "ON d.id_ = e.proc_def_id_ WHERE e.parent_id_ IS NULL AND d.key_ = '" + KEY + "'";

  private TestDatabase db;
  private Process load;
  private ApplicationNode recovery;

  @AfterEach
  void cleanUp() {
    try {
      if (load != null && load.isAlive()) {
        load.destroyForcibly();
      }
      if (recovery != null) {
        recovery.close();
      }
    } finally {
      ClockUtil.reset();
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void everyApplicationEndsExactlyOnceAfterKillDashNine() throws Exception {
    db = PostgresSupport.createDatabase("crash");
    Path log = Files.createTempFile("crash-load-", ".log");
    load = startLoad(log);

    // ---- kill -9 once the load is in full swing
    Duration untilKill = Await.until(Duration.ofSeconds(240), KILL_AFTER_CERTIFICATES + " certificates from the load JVM",
        () -> !load.isAlive() || certificates() >= KILL_AFTER_CERTIFICATES,
        () -> certificates() + " certificates; load JVM log tail:\n" + tail(log));
    assertThat(load.isAlive()).as("the load JVM must still run when it is killed; log:\n%s", tail(log)).isTrue();
    load.destroyForcibly();
    assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(load.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    Map<String, Long> atKill = snapshot();
    System.out.printf("[crash] killed after %d ms: %s; waiting at: %s%n", untilKill.toMillis(), atKill, stages());
    assertThat(atKill.get("certificates")).isLessThan(APPLICATIONS);
    assertThat(atKill.get("running")).as("instances in flight at the kill").isPositive();
    // What the killed JVM committed is consistent: a certificate exactly for each completed certify step,
    // an application row exactly for each running instance.
    assertThat(atKill.get("certificates")).isEqualTo(atKill.get("certifySteps"));
    assertThat(atKill.get("activeApplications")).isEqualTo(atKill.get("running"));

    // ---- restart: a new node on the same database, 30 minutes later on the engine clock, so the
    // job locks of the killed node (5 minutes) have expired, as they would while it is restarted.
    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING.plusMinutes(30));
    long restartStart = System.nanoTime();
    recovery = ApplicationNode.on(db).name("recovery").jobExecutor(true).start();
    ProcessEngine engine = recovery.engine();
    assertThat(db.count("SELECT count(*) FROM (" + CERT_INSTANCES + ") r WHERE NOT EXISTS "
        + "(SELECT 1 FROM act_ru_task t WHERE t.proc_inst_id_ = r.id_) AND NOT EXISTS "
        + "(SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = r.id_)"))
        .as("running instances with neither a task nor a job (lost work)").isZero();

    CertificationDriver driver = new CertificationDriver(engine);
    Duration finishing = Await.until(Duration.ofSeconds(180), "all " + APPLICATIONS + " applications ended",
        () -> finishRound(driver) == APPLICATIONS,
        () -> snapshot() + "; incidents: " + db.jdbc().queryForList("SELECT incident_msg_ FROM act_ru_incident", String.class));
    System.out.printf("[crash] restart and finish took %d ms (finishing %d ms)%n",
        (System.nanoTime() - restartStart) / 1_000_000, finishing.toMillis());

    // ---- count
    Map<String, Long> end = snapshot();
    System.out.printf("[crash] after recovery: %s%n", end);
    assertThat(db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ?", KEY)).isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL "
        + "AND end_act_id_ = 'certified'", KEY)).as("ended certified").isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(DISTINCT business_key_) FROM act_hi_procinst WHERE proc_def_key_ = ?", KEY))
        .isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(DISTINCT v.text_) FROM act_hi_varinst v JOIN act_hi_procinst p "
        + "ON p.id_ = v.proc_inst_id_ WHERE p.proc_def_key_ = ? AND v.name_ = ?", KEY, CREDIT_CODE))
        .as("one instance per application (credit code)").isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_ "
        + "WHERE p.proc_def_key_ = ? AND a.act_id_ = 'certified'", KEY)).as("end event reached once each")
        .isEqualTo(APPLICATIONS);

    assertThat(db.count("SELECT count(*) FROM ms_certificate")).isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(DISTINCT certificate_number) FROM ms_certificate")).isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT count(DISTINCT application_number) FROM ms_certificate")).isEqualTo(APPLICATIONS);
    assertThat(db.jdbc().queryForList("SELECT cert_seq FROM ms_certificate ORDER BY cert_seq", Integer.class))
        .as("gap-free numbers").isEqualTo(java.util.stream.IntStream.rangeClosed(1, APPLICATIONS).boxed().toList());
    assertThat(db.count("SELECT count(*) FROM ms_certificate c JOIN act_hi_procinst p ON p.id_ = c.certification_instance_id "
        + "AND p.business_key_ = c.application_number")).as("each certificate belongs to its instance").isEqualTo(APPLICATIONS);
    assertThat(db.count("SELECT next_value FROM ms_sequence WHERE seq_name = 'CERTIFICATE-2026'")).isEqualTo(APPLICATIONS);

    assertThat(db.count("SELECT count(*) FROM ms_space_application")).as("no application left open").isZero();
    assertThat(db.count("SELECT count(*) FROM act_ru_task t JOIN act_re_procdef d ON d.id_ = t.proc_def_id_ WHERE d.key_ = ?", KEY))
        .as("no task left").isZero();
    assertThat(db.count("SELECT count(*) FROM act_ru_job WHERE process_def_key_ = ?", KEY)).as("no job left").isZero();
    assertThat(db.count("SELECT count(*) FROM act_ru_incident")).as("no incident").isZero();
    Files.deleteIfExists(log); // kept when the test fails
  }

  /** One round of the restarted node's staff: file what never got filed, advance what runs. Returns ended count. */
  private int finishRound(CertificationDriver driver) {
    Set<String> filed = new HashSet<>(db.jdbc().queryForList("SELECT v.text_ FROM act_hi_varinst v JOIN act_hi_procinst p "
        + "ON p.id_ = v.proc_inst_id_ WHERE p.proc_def_key_ = ? AND v.name_ = ?", String.class, KEY, CREDIT_CODE));
    for (int i = 1; i <= APPLICATIONS; i++) {
      String code = CertificationDriver.creditCode(SERIES, i);
      if (!filed.contains(code)) {
        driver.apply(Applications.valid("shuocheng", code));
      }
    }
    for (String id : db.jdbc().queryForList(CERT_INSTANCES, String.class)) {
      driver.advance(id, true);
    }
    return (int) db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL", KEY);
  }

  private Process startLoad(Path log) throws IOException {
    // The test class path without empty entries (an empty entry means the working directory,
    // which would put the repository's bpmn/ folder on the class path a second time).
    String classpath = java.util.Arrays.stream(
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !entry.equals("."))
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
        "-cp", classpath, CrashLoad.class.getName(),
        db.url(), db.user(), db.password(), Integer.toString(APPLICATIONS), Integer.toString(STAFF_THREADS),
        Integer.toString(SERIES)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .directory(log.getParent().toFile());
    builder.environment().remove("DB_URL"); // the load JVM gets its database on the command line only
    System.out.println("[crash] load JVM log: " + log);
    return builder.start();
  }

  private long certificates() {
    try {
      return db.count("SELECT count(*) FROM ms_certificate");
    } catch (RuntimeException tablesNotCreatedYet) {
      return 0;
    }
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> s = new LinkedHashMap<>();
    s.put("filed", db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ?", KEY));
    s.put("ended", db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ? AND end_time_ IS NOT NULL", KEY));
    s.put("running", db.count("SELECT count(*) FROM (" + CERT_INSTANCES + ") r"));
    s.put("tasks", db.count("SELECT count(*) FROM act_ru_task"));
    s.put("jobs", db.count("SELECT count(*) FROM act_ru_job WHERE process_def_key_ = ?", KEY));
    s.put("lockedJobs", db.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL"));
    s.put("certifySteps", db.count("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'certify' AND end_time_ IS NOT NULL"));
    s.put("certificates", db.count("SELECT count(*) FROM ms_certificate"));
    s.put("activeApplications", db.count("SELECT count(*) FROM ms_space_application"));
    return s;
  }

  /** Where the running certification instances wait: open tasks and jobs by activity. */
  private Map<String, Long> stages() {
    Map<String, Long> stages = new java.util.TreeMap<>();
    db.jdbc().query("SELECT 'task ' || t.task_def_key_, count(DISTINCT t.proc_inst_id_) FROM act_ru_task t "
        + "JOIN act_re_procdef d ON d.id_ = t.proc_def_id_ WHERE d.key_ = ? GROUP BY t.task_def_key_ "
        + "UNION ALL SELECT 'job ' || jd.act_id_ || CASE WHEN j.lock_owner_ IS NULL THEN '' ELSE ' (locked)' END, count(*) "
        + "FROM act_ru_job j JOIN act_ru_jobdef jd ON jd.id_ = j.job_def_id_ WHERE j.process_def_key_ = ? "
        + "GROUP BY jd.act_id_, j.lock_owner_ IS NULL",
        rs -> {
          stages.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, KEY, KEY);
    return stages;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
