package cn.gov.shuozhou.makerspace.postgres;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears.Addition;
import cn.gov.shuozhou.makerspace.calendar.CalendarYears.StaleRevisionException;
import cn.gov.shuozhou.makerspace.calendar.MadeUpYear;
import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.PostgresSupport;
import cn.gov.shuozhou.makerspace.support.PostgresSupport.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certification lifecycle on a real PostgreSQL database, with the application as production
 * runs it (profile {@code postgres}, no demo users: the experts are created as an administrator
 * would). The same assertions as the key H2 process tests: the full path to a certificate and
 * supervision, the expert panel's multi-instance aggregation, a boundary timer on the working-day
 * calendar, the Art. 9 ban, the one-application-per-credit-code constraint, the rollback of an
 * invalid application, gap-free certificate numbers. Jobs are run by the test, the clock is the
 * test's. Subclasses decide how the schema comes to exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresLifecycleContract {

  private static final AtomicInteger CODES = new AtomicInteger();

  protected TestDatabase db;
  protected ApplicationNode node;
  protected ProcessEngine engine;
  protected CertificationDriver driver;
  private CertificateRegistry certificates;
  private BanRegistry bans;

  /** The database's schema before the node starts, and the node's options. */
  protected abstract ApplicationNode startNode(TestDatabase db);

  protected abstract int creditCodeSeries();

  @BeforeAll
  void startApplicationOnAFreshDatabase() {
    db = PostgresSupport.createDatabase(getClass().getSimpleName());
    try {
      node = startNode(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    engine = node.engine();
    driver = new CertificationDriver(engine);
    certificates = node.bean(CertificateRegistry.class);
    bans = node.bean(BanRegistry.class);
    CertificationDriver.createExperts(engine);
  }

  @AfterAll
  void stopAndDrop() {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  @BeforeEach
  void clock() {
    BpmnAwareTests.init(engine);
    CertificationDriver.fixClock(CertificationDriver.MONDAY_MORNING);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void certifiedStraightThroughAndSupervisionStarted() {
    Map<String, Object> app = application();
    ProcessInstance pi = driver.apply(app);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(pi.getBusinessKey()).matches("SQ-2026-\\d{6}");
    assertThat(driver.variable(pi.getId(), APPLICANT)).isEqualTo(driver.applicantOf(app));
    assertThat(db.count("SELECT count(*) FROM ms_space_application WHERE application_number = ?",
        pi.getBusinessKey())).isEqualTo(1);

    passToPublicNotice(pi);
    driver.finishNotice(pi.getId());

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("certify", "startSupervision", "certified");
    assertThat(driver.variable(pi.getId(), OUTCOME)).isEqualTo("CERTIFIED");
    String number = (String) driver.variable(pi.getId(), CERTIFICATE_NUMBER);
    assertThat(number).matches("SZZC-2026-\\d{3}");
    var cert = certificates.find(number).orElseThrow();
    assertThat(cert.status()).isEqualTo(CertificateStatus.VALID);
    assertThat(cert.certificationInstanceId()).isEqualTo(pi.getId());
    assertThat(cert.validUntil()).isEqualTo(cert.certifiedOn().plusYears(3).minusDays(1));
    assertThat(driver.variable(pi.getId(), OUTCOME_REASON).toString()).contains(number);
    assertThat(db.count("SELECT count(*) FROM ms_space_application WHERE application_number = ?",
        pi.getBusinessKey())).as("credit code released at the end").isZero();
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("maker-space-supervision").count() > 0) {
      Object supervision = driver.variable(pi.getId(), SUPERVISION_INSTANCE_ID);
      assertThat(supervision).as("supervision instance").isNotNull();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId((String) supervision).singleResult().getBusinessKey()).isEqualTo(number);
    }
  }

  @Test
  void certificateNumbersAreSequentialWithoutGaps() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessInstance pi = driver.apply(application());
      passToPublicNotice(pi);
      driver.finishNotice(pi.getId());
      numbers.add((String) driver.variable(pi.getId(), CERTIFICATE_NUMBER));
    }
    int first = Integer.parseInt(numbers.get(0).substring("SZZC-2026-".length()));
    assertThat(numbers).containsExactly(String.format("SZZC-2026-%03d", first),
        String.format("SZZC-2026-%03d", first + 1), String.format("SZZC-2026-%03d", first + 2));
    long rows = db.count("SELECT count(*) FROM ms_certificate WHERE cert_year = 2026");
    assertThat(db.count("SELECT count(DISTINCT cert_seq) FROM ms_certificate WHERE cert_year = 2026")).isEqualTo(rows);
    assertThat(db.count("SELECT max(cert_seq) FROM ms_certificate WHERE cert_year = 2026")).isEqualTo(rows);
  }

  @Test
  void rejectedByExperts() {
    ProcessInstance pi = driver.apply(application());
    driver.complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    driver.complete(pi.getId(), TASK_INSPECTION, Applications.inspection(true, false));
    driver.panel(pi.getId(), List.of("expert1", "expert2", "expert3", "expert4"), 55, false);
    assertEnded(pi, "REJECTED", "rejectedByExperts");
    assertThat(driver.variable(pi.getId(), AVERAGE_SCORE)).isEqualTo(55.0);
  }

  @Test
  void lapsedWhenNoSupplementWithinTheWorkingDays() {
    Map<String, Object> app = application();
    app.put(LOW_COST_OR_FREE, false);
    ProcessInstance pi = driver.apply(app);
    driver.runDueJobs(pi.getId());
    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(node.bean(WorkingDayCalendar.class).due(ClockUtil.getCurrentTime(), 10));
    ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1000));
    driver.runDueJobs(pi.getId());
    assertEnded(pi, "LAPSED", "lapsed");
    assertThat(driver.variable(pi.getId(), OUTCOME_REASON).toString()).contains("10个工作日");
  }

  @Test
  void falseMaterialsBanTheOperator() {
    Map<String, Object> app = application();
    String code = (String) app.get(CREDIT_CODE);
    ProcessInstance pi = driver.apply(app);
    driver.complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    driver.complete(pi.getId(), TASK_INSPECTION, Applications.inspection(false, true));
    driver.complete(pi.getId(), TASK_FALSE_MATERIALS,
        Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "租赁合同系伪造"));
    driver.hear(pi.getId(), SanctionHearing.APPROVE); // the finding is a proposal (Art. 9, issue 15)
    assertEnded(pi, "REJECTED", "rejectedForFalseMaterials");
    assertThat(bans.activeBan(code, LocalDate.of(2026, 3, 2))).isPresent();

    CertificationDriver.fixClock(CertificationDriver.MONDAY_MORNING.plusYears(1));
    ProcessInstance refused = driver.apply(app);
    assertEnded(refused, "NOT_ACCEPTED", "notAccepted");
    assertThat(driver.variable(refused.getId(), OUTCOME_REASON).toString()).contains("第九条");
  }

  @Test
  void secondApplicationWhileOneIsInProgressIsNotAccepted() {
    Map<String, Object> app = application();
    ProcessInstance first = driver.apply(app);
    ProcessInstance second = driver.apply(app);
    assertEnded(second, "NOT_ACCEPTED", "notAccepted");
    // the refusal names no other case (issue 12, reproduction 9)
    assertThat(driver.variable(second.getId(), OUTCOME_REASON).toString()).contains("已有正在办理")
        .doesNotContain(first.getBusinessKey());
    BpmnAwareTests.assertThat(first).isWaitingAt(TASK_FIRST_REVIEW);
    // the refused second case ended without freeing the first one's reservation
    assertThat(db.count("SELECT count(*) FROM ms_space_application WHERE credit_code = ? AND process_instance_id = ?",
        app.get(CREDIT_CODE), first.getId())).isEqualTo(1);
  }

  @Test
  void invalidApplicationRollsBackCompletely() {
    long instances = db.count("SELECT count(*) FROM act_hi_procinst");
    long active = db.count("SELECT count(*) FROM ms_space_application");
    Long numbersBefore = sequenceValue("APPLICATION-2026");
    Map<String, Object> bad = application();
    bad.put(CREDIT_CODE, "91140600MA0000000X");
    bad.put(PUBLIC_SERVICE_AREA, 999.0);
    bad.remove(CONTACT_NAME);
    assertThatThrownBy(() -> driver.apply(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
            .extracting(f -> f.field())
            .containsExactlyInAnyOrder(CREDIT_CODE, PUBLIC_SERVICE_AREA, CONTACT_NAME));
    assertThat(db.count("SELECT count(*) FROM act_hi_procinst")).isEqualTo(instances);
    assertThat(db.count("SELECT count(*) FROM ms_space_application")).isEqualTo(active);
    assertThat(sequenceValue("APPLICATION-2026")).isEqualTo(numbersBefore);
  }

  @Test
  void plannerStatisticsAndSettingsForTheAuthorizationJoin() {
    if (db.count("SELECT current_setting('server_version_num')::int") >= 140000) { // expression statistics
      assertThat(db.jdbc().queryForList("SELECT stxname FROM pg_statistic_ext ORDER BY stxname", String.class))
          .contains("ms_auth_perms_read", "ms_auth_perms_read_task");
    }
    assertThat(db.jdbc().queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_variable'", String.class))
        .as("the index of 快速搜索 (common/EngineQueryTuning)").contains("ms_idx_var_procinst_name");
    JdbcTemplate application = new JdbcTemplate(node.bean(DataSource.class));
    assertThat(application.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    assertThat(application.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }

  @Test
  void nextYearAddedByAnAdministratorIsStoredAndReadBackByANewNode() {
    CalendarYears years = node.bean(CalendarYears.class);
    JdbcTemplate application = new JdbcTemplate(node.bean(DataSource.class));
    int year = MadeUpYear.next();
    try {
      years.add(new Addition(0, "PostgreSQL 测试", MadeUpYear.entry(year)), "admin");
      assertThat(node.bean(WorkingDayCalendar.class).isWorkingDay(MadeUpYear.workingSaturday(year))).isTrue();
      assertThatThrownBy(() -> years.add(new Addition(0, "过时的修订", MadeUpYear.entry(year)), "admin"))
          .isInstanceOf(StaleRevisionException.class);
      // two administrators saving the same revision at once: the primary key keeps one
      assertThatThrownBy(() -> application.update("INSERT INTO ms_calendar_year (cal_year, revision, entry, added_by,"
          + " added_at, reason) VALUES (?, 1, '{}', 'admin', now(), '并发')", year))
          .isInstanceOf(DuplicateKeyException.class);

      WorkingDayCalendar newNode = new WorkingDayCalendar();
      new CalendarYears(application, newNode);
      assertThat(newNode.covers(year)).isTrue();
      assertThat(years.revisions(year)).singleElement()
          .satisfies(r -> assertThat(r.entry()).isEqualTo(MadeUpYear.entry(year)));
    } finally {
      application.update("DELETE FROM ms_calendar_year");
      years.reload();
    }
  }

  @Test
  void applicationsStartOnlyWithTheOperatorsAuthorization() {
    engine.getIdentityService().setAuthentication("inspector9", List.of(Groups.INSPECTION_TEAM));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, application()))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // ------------------------------------------------------------------ helpers

  private Map<String, Object> application() {
    return Applications.valid("shuocheng", CertificationDriver.creditCode(creditCodeSeries(), CODES.incrementAndGet()));
  }

  private void passToPublicNotice(ProcessInstance pi) {
    driver.passToBureau(pi.getId());
    driver.complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "approve"));
    driver.runDueJobs(pi.getId());
    BpmnAwareTests.assertThat(pi).isWaitingAt("noticePeriodOver");
  }

  private void assertEnded(ProcessInstance pi, String outcome, String endEvent) {
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(endEvent);
    assertThat(driver.variable(pi.getId(), OUTCOME)).isEqualTo(outcome);
    assertThat(driver.variable(pi.getId(), OUTCOME_REASON)).isNotNull();
  }

  private Long sequenceValue(String name) {
    return db.jdbc().queryForList("SELECT next_value FROM ms_sequence WHERE seq_name = ?", Long.class, name)
        .stream().findFirst().orElse(null);
  }
}
