package cn.gov.shuozhou.makerspace.statistics;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static cn.gov.shuozhou.makerspace.common.ReadableValues.label;
import static cn.gov.shuozhou.makerspace.statistics.DashboardJson.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.Outcome;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.supervision.Revocation;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, "the numbers equal those that the history implies, tested on a generated history with
 * every outcome": one history of 2018 (a year no other test of this context files or decides in)
 * made through the real processes, with every end of the certification and of the supervision
 * (grades, a rectification passed and one failed, revocations for each reason, bans, an expiry).
 * Each dashboard section is compared with what the engine's history says, computed here from the
 * {@link HistoryService} alone (instances, activities, tasks, variables), never from the read model
 * or the registry. The engine clock stands still in the spring of 2018 while the class runs, so
 * that the sections of "today" (valid titles, bans in force) see this history and nothing later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsHistoryHttpTest extends AbstractHttpTest {

  private static final int YEAR = 2018;
  private static final String FILTER = "?year=" + YEAR;
  private static final LocalDateTime FILED = LocalDateTime.of(YEAR, 3, 5, 9, 0);
  /** Five weeks later: the first case's first review is done late; every other case starts here. */
  private static final LocalDateTime LATER = LocalDateTime.of(YEAR, 4, 9, 9, 0);

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private JdbcTemplate jdbc;

  private HistoryService history;
  private CertificationDriver driver;
  private LocalDateTime clock;
  /** Every instance this class started, ended or not: the running ones are deleted afterwards. */
  private final List<String> started = new ArrayList<>();

  // ------------------------------------------------------------------ the generated history

  @BeforeAll
  void generateHistory() {
    history = engine.getHistoryService();
    driver = new CertificationDriver(engine);
    CertificationDriver.createExperts(engine);
    setClock(FILED);
    String late = apply(CertificationDriver.namedApplication("统计逾期初审空间"));
    setClock(LATER);
    driver.complete(late, TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "reject", FIRST_REVIEW_COMMENT, "场地不在本辖区。"));

    String inspection = apply(Applications.valid("huairen"));
    driver.complete(inspection, TASK_FIRST_REVIEW, CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
    Map<String, Object> measured = Applications.inspection(true, false);
    measured.put(MEASURED_TOTAL_AREA, 50.0);
    measured.put(MEASURED_PUBLIC_SERVICE_AREA, 48.0);
    tick();
    driver.complete(inspection, TASK_INSPECTION, measured);

    String experts = apply(Applications.valid("shanyin"));
    driver.complete(experts, TASK_FIRST_REVIEW, CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
    driver.complete(experts, TASK_INSPECTION, CertificationDriver.validCompletion(TASK_INSPECTION));
    tick();
    driver.panel(experts, CertificationDriver.PANEL, 55, false);

    String bureau = apply(Applications.valid("yingxian"));
    driver.passToBureau(bureau);
    tick();
    driver.complete(bureau, TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "reject", BUREAU_COMMENT, "服务能力不足"));

    String objection = track(driver.inPublicNotice("youyu").getId());
    driver.object(businessKey(objection));
    tick();
    driver.complete(objection, TASK_HANDLE_OBJECTION, Map.of(OBJECTION_UPHELD, true, OBJECTION_FINDING, "经核实已停止运营"));
    driver.runJobsUntil(objection, () -> driver.isEnded(objection));

    Map<String, Object> dishonest = Applications.valid("devzone");
    String falseMaterials = apply(dishonest);
    driver.complete(falseMaterials, TASK_FIRST_REVIEW, CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
    driver.complete(falseMaterials, TASK_INSPECTION, Applications.inspection(true, true));
    tick();
    driver.complete(falseMaterials, TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true,
        FALSE_MATERIALS_FINDING, "租赁合同系伪造"));
    hearAndApprove(falseMaterials, () -> driver.isEnded(falseMaterials));
    tick();
    String notAccepted = apply(dishonest); // banned: not accepted (Art. 9)
    assertThat(driver.isEnded(notAccepted)).isTrue();

    String withdrawn = track(driver.returnedToAFreshOrganisation("pinglu").getProcessInstanceId());
    tick();
    driver.complete(withdrawn, TASK_SUPPLEMENT, Map.of(WITHDRAWN, true));
    String lapsed = track(driver.returnedToAFreshOrganisation("shuocheng").getProcessInstanceId());
    tick();
    fire(lapsed, "supplementDeadline");
    driver.runJobsUntil(lapsed, () -> driver.isEnded(lapsed));

    // in progress: at first review, at the experts' three reviews, in the public notice
    apply(Applications.valid("pinglu"));
    track(driver.waitingAt(TASK_EXPERT_REVIEW, "huairen").getProcessInstanceId());
    track(driver.inPublicNotice("shanyin").getId());

    supervise();
  }

  /** Six certified spaces and their supervision, one outcome each (Art. 7–11). */
  private void supervise() {
    String excellent = certified("shuocheng");
    openReportWindow(excellent);
    report(excellent, SupervisionFixtures.annualReport(12, 24, 3, 1_000_000.0));
    assess(excellent, null);
    driver.complete(excellent, SupervisionProcess.TASK_REWARD, SupervisionFixtures.validCompletion(SupervisionProcess.TASK_REWARD));

    // the report stays missing; the title expires (its timer run now) and the supervision waits for the report
    String expiring = certified("pinglu");
    openReportWindow(expiring);
    fire(expiring, "validityEnds");
    driver.runJobsUntil(expiring, () -> passed(expiring, "expire"));

    String rectified = certified("shanyin");
    rectify(rectified, true);

    String revokedAfterRectification = certified("huairen");
    rectify(revokedAfterRectification, false);
    hearAndApprove(revokedAfterRectification, () -> driver.isEnded(revokedAfterRectification));

    String violation = certified("yingxian");
    openReportWindow(violation); // ends unsubmitted with the title
    engine.getRuntimeService().createMessageCorrelation(SupervisionProcess.MESSAGE_VIOLATION)
        .processInstanceBusinessKey(businessKey(violation))
        .setVariable(SupervisionProcess.VIOLATION_DESCRIPTION, "以众创空间名义非法集资").correlate();
    await(violation, SupervisionProcess.TASK_SANCTION);
    tick();
    driver.complete(violation, SupervisionProcess.TASK_SANCTION, Map.of(SupervisionProcess.SANCTION,
        SupervisionProcess.SANCTION_REVOKE, SupervisionProcess.SANCTION_NOTE, "情节严重，取消称号"));
    hearAndApprove(violation, () -> driver.isEnded(violation));

    String falseMaterials = certified("youyu");
    openReportWindow(falseMaterials);
    report(falseMaterials, SupervisionFixtures.annualReport(12, 12, 0, 0.0)); // 75 points with the report on time
    assess(falseMaterials, null);
    engine.getRuntimeService().createMessageCorrelation(SupervisionProcess.MESSAGE_FALSE_MATERIALS)
        .processInstanceBusinessKey(businessKey(falseMaterials))
        .setVariable(SupervisionProcess.REPORT_TEXT, "申报材料中的场地面积不实").correlate();
    await(falseMaterials, SupervisionProcess.TASK_FALSE_MATERIALS);
    tick();
    driver.complete(falseMaterials, SupervisionProcess.TASK_FALSE_MATERIALS, Map.of(
        SupervisionProcess.FALSE_MATERIALS_CONFIRMED, true, SupervisionProcess.FALSE_MATERIALS_FINDING, "场地面积系虚报"));
    hearAndApprove(falseMaterials, () -> driver.isEnded(falseMaterials));
  }

  /** An unqualified year, its rectification, and the reassessment's verdict. */
  private void rectify(String supervision, boolean passes) {
    openReportWindow(supervision);
    report(supervision, SupervisionFixtures.annualReport(1, 2, 0, 0.0));
    assess(supervision, "各项指标均未达到要求");
    await(supervision, SupervisionProcess.TASK_RECTIFY);
    tick();
    driver.complete(supervision, SupervisionProcess.TASK_RECTIFY,
        SupervisionFixtures.validCompletion(SupervisionProcess.TASK_RECTIFY));
    await(supervision, SupervisionProcess.TASK_REASSESSMENT);
    tick();
    driver.complete(supervision, SupervisionProcess.TASK_REASSESSMENT, Map.of(SupervisionProcess.RECTIFICATION_PASSED,
        passes, SupervisionProcess.REASSESSMENT_COMMENT, passes ? "整改到位" : "入驻团队仍不足"));
  }

  /**
   * Clock back to real time; the instances still running (they hold backdated timers, now due) are
   * deleted. The job executor may lock one of those timers meanwhile: such a delete is tried again.
   */
  @AfterAll
  void endTheBackdatedInstances() {
    CertificationDriver.resetClock();
    var runtime = engine.getRuntimeService();
    for (String id : started) {
      for (int attempt = 1; runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0; attempt++) {
        try {
          runtime.deleteProcessInstance(id, "test: backdated history of the statistics test", true, true);
        } catch (OptimisticLockingException e) {
          if (attempt == 5) {
            throw e;
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ the tests

  @Test
  void theGeneratedHistoryHasEveryOutcome() {
    Set<CaseEnd> ends = new LinkedHashSet<>();
    filedInTheYear().forEach(p -> caseEnd(p.getId()).ifPresent(ends::add));
    assertThat(ends).containsExactlyInAnyOrder(CaseEnd.values());
    assertThat(revoked().stream().map(a -> variable(a.getProcessInstanceId(), SupervisionProcess.REVOCATION_REASON)))
        .containsExactlyInAnyOrder(Revocation.ASSESSMENT_FAILED.name(), Revocation.VIOLATION.name(),
            Revocation.FALSE_MATERIALS.name());
    assertThat(grades().values()).contains(SupervisionProcess.GRADE_EXCELLENT, SupervisionProcess.GRADE_QUALIFIED,
        SupervisionProcess.GRADE_UNQUALIFIED);
    assertThat(inTheYear(activities("rectificationCompleted"), HistoricActivityInstance::getEndTime)).hasSize(1);
    assertThat(inTheYear(activities("expire"), HistoricActivityInstance::getEndTime)).hasSize(1);
    assertThat(inTheYear(activities("banOperator"), HistoricActivityInstance::getEndTime)).hasSize(2);
  }

  @Test
  void applicationsStagesAndRejectionsEqualTheHistory() throws Exception {
    JsonNode dashboard = dashboard(FILTER);
    assertThat(rows(section(dashboard, "applications"))).isEqualTo(applicationsFromHistory());
    assertThat(rows(section(dashboard, "stages"))).isEqualTo(stagesFromHistory());
    assertThat(rows(section(dashboard, "rejections"))).isEqualTo(rejectionsFromHistory(section(dashboard, "rejections")));
  }

  @Test
  void processingTimesEqualTheTaskHistory() throws Exception {
    JsonNode durations = section(dashboard(FILTER), "durations");
    Map<String, List<String>> shown = new TreeMap<>();
    rows(durations).forEach(r -> shown.put(r.get(0), r));
    assertThat(shown).isEqualTo(durationsFromHistory());
    assertThat(shown.get("初审").get(4)).as("the first case's first review came five weeks late").isNotEqualTo("0");
    // each count lists as many completed stages as it counts
    for (int row = 0; row < durations.get("rows").size(); row++) {
      JsonNode cells = durations.get("rows").get(row).get("cells");
      for (int column : List.of(0, 3)) {
        JsonNode cases = json(api("city1").get("/api/statistics/cases?section=durations&row=" + row + "&column=" + column
            + "&year=" + YEAR), 200);
        assertThat(cases.get("total").asText()).isEqualTo(cells.get(column).get("text").asText());
      }
    }
    JsonNode late = json(api("city1").get("/api/statistics/cases?section=durations&column=3&year=" + YEAR + "&row="
        + indexOf(durations, "初审")), 200).get("cases");
    assertThat(late).extracting(c -> c.get("outcome").asText()).containsOnly("超期");
    assertThat(late).extracting(c -> c.get("from").asText()).contains("2018年3月5日");
  }

  @Test
  void theStagesOfTheReadModelAreTheCompletedTasksOfTheHistory() {
    Map<String, String> stages = new HashMap<>();
    stageRows().forEach(r -> stages.put(r.substring(0, r.indexOf(' ')), r));
    List<HistoricTaskInstance> ended = filedInTheYear().stream()
        .flatMap(p -> history.createHistoricTaskInstanceQuery().processInstanceId(p.getId()).finished().list().stream())
        .toList();
    List<String> completed = ended.stream().filter(t -> "completed".equals(t.getDeleteReason()))
        .map(t -> t.getId() + " " + t.getName() + " " + (t.getEndTime().getTime() - t.getStartTime().getTime())
            + (t.getDueDate() != null && t.getEndTime().after(t.getDueDate()) ? " overdue" : "")).toList();
    List<String> endedOtherwise = ended.stream().filter(t -> !"completed".equals(t.getDeleteReason()))
        .map(HistoricTaskInstance::getId).toList();
    assertThat(endedOtherwise).as("the lapsed supplement, ended by its deadline").isNotEmpty();
    assertThat(ended.stream().map(t -> stages.get(t.getId())).filter(Objects::nonNull))
        .containsExactlyInAnyOrderElementsOf(completed);
  }

  @Test
  void supervisionNumbersEqualTheHistory() throws Exception {
    JsonNode dashboard = dashboard(FILTER);
    JsonNode certified = section(dashboard, "certified");
    assertThat(rows(certified)).isEqualTo(certifiedFromHistory());
    assertThat(texts(row(certified, "平鲁区"))).as("its one title expired").containsExactly("平鲁区", "0", "0");
    assertThat(rows(section(dashboard, "campaign"))).isEqualTo(campaignFromHistory());
    assertThat(rows(section(dashboard, "assessments"))).isEqualTo(assessmentsFromHistory());
    assertThat(rows(section(dashboard, "rectifications"))).isEqualTo(rectificationsFromHistory());
    assertThat(rows(section(dashboard, "revocations"))).isEqualTo(revocationsFromHistory());
    assertThat(rows(section(dashboard, "bans"))).isEqualTo(bansFromHistory());
  }

  @Test
  void theRebuildFromHistoryReproducesEveryNumber() throws Exception {
    JsonNode ofTheYear = dashboard(FILTER);
    JsonNode ofAllYears = dashboard("");
    List<String> stages = stageRows();
    jdbc.update("DELETE FROM ms_stat_stage"); // the rebuild must make them again, not keep them
    json(api("admin").post("/api/statistics/rebuild", "{}"), 200);
    assertThat(stageRows()).isEqualTo(stages);
    assertThat(dashboard(FILTER)).isEqualTo(ofTheYear);
    assertThat(dashboard("")).isEqualTo(ofAllYears);
  }

  /** Every row of the read model's completed stages: task, stage, duration in ms, overdue. */
  private List<String> stageRows() {
    return jdbc.query("SELECT task_id, stage, duration_ms, overdue FROM ms_stat_stage ORDER BY task_id", (rs, i) ->
        rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + (rs.getBoolean(4) ? " overdue" : ""));
  }

  // ------------------------------------------------------------------ the numbers the history implies

  private List<List<String>> applicationsFromHistory() {
    Map<String, Predicate<String>> columns = new LinkedHashMap<>();
    columns.put("received", o -> true);
    columns.put("in progress", Objects::isNull);
    for (Outcome o : Outcome.values()) {
      columns.put(o.name(), o.name()::equals);
    }
    Map<String, String> outcomes = new HashMap<>();
    Map<String, String> counties = new HashMap<>();
    for (HistoricProcessInstance p : filedInTheYear()) {
      outcomes.put(p.getId(), (String) variable(p.getId(), OUTCOME));
      counties.put(p.getId(), (String) variable(p.getId(), COUNTY));
    }
    return perCounty(outcomes.keySet(), counties::get, columns.values().stream()
        .map(c -> (Predicate<String>) id -> c.test(outcomes.get(id))).toList());
  }

  private List<List<String>> stagesFromHistory() {
    Map<String, Set<String>> byStage = new TreeMap<>();
    Set<String> running = new LinkedHashSet<>();
    for (HistoricProcessInstance p : filedInTheYear()) {
      if (variable(p.getId(), OUTCOME) == null) {
        running.add(p.getId());
        List<HistoricTaskInstance> open = history.createHistoricTaskInstanceQuery().processInstanceId(p.getId())
            .unfinished().list();
        if (open.isEmpty()) {
          byStage.computeIfAbsent("公示期或等待中", s -> new LinkedHashSet<>()).add(p.getId());
        }
        open.forEach(t -> byStage.computeIfAbsent(t.getName(), s -> new LinkedHashSet<>()).add(p.getId()));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    byStage.forEach((stage, cases) -> rows.add(List.of(stage, count(cases.size()))));
    rows.add(List.of("合计", count(running.size())));
    return rows;
  }

  /** Each end's row, then the failed Art. 4 conditions the dashboard lists (0 unless the history has them). */
  private List<List<String>> rejectionsFromHistory(JsonNode shown) {
    Map<CaseEnd, Integer> ends = new LinkedHashMap<>();
    Map<String, Integer> conditions = new HashMap<>();
    for (HistoricProcessInstance p : filedInTheYear()) {
      caseEnd(p.getId()).filter(e -> e != CaseEnd.CERTIFIED).ifPresent(end -> {
        ends.merge(end, 1, Integer::sum);
        if (end == CaseEnd.INSPECTION && variable(p.getId(), INSPECTION_FINDINGS) instanceof List<?> findings) {
          findings.stream().map(f -> ((Map<?, ?>) f).get("code")).distinct()
              .forEach(code -> conditions.merge("其中：" + label("article4Condition", code), 1, Integer::sum));
        }
      });
    }
    List<List<String>> rows = new ArrayList<>();
    Arrays.stream(CaseEnd.values()).filter(e -> e != CaseEnd.CERTIFIED)
        .forEach(e -> rows.add(List.of(label("outcomeReason", e.name()), count(ends.getOrDefault(e, 0)))));
    List<String> conditionRows = rows(shown).stream().map(r -> r.get(0)).filter(l -> l.startsWith("其中：")).toList();
    assertThat(conditionRows).containsAll(conditions.keySet());
    conditionRows.forEach(l -> rows.add(List.of(l, count(conditions.getOrDefault(l, 0)))));
    rows.add(List.of("合计", count(ends.values().stream().mapToInt(Integer::intValue).sum())));
    return rows;
  }

  /** Per task name: completed tasks, median and p90 of their calendar days (nearest rank), those done after their due date. */
  private Map<String, List<String>> durationsFromHistory() {
    Map<String, List<HistoricTaskInstance>> byStage = filedInTheYear().stream()
        .flatMap(p -> history.createHistoricTaskInstanceQuery().processInstanceId(p.getId()).finished().list().stream())
        .filter(t -> "completed".equals(t.getDeleteReason()))
        .collect(Collectors.groupingBy(HistoricTaskInstance::getName));
    Map<String, List<String>> rows = new TreeMap<>();
    byStage.forEach((stage, done) -> {
      double[] days = done.stream().mapToDouble(t -> (t.getEndTime().getTime() - t.getStartTime().getTime()) / 86_400_000.0)
          .sorted().toArray();
      long overdue = done.stream().filter(t -> t.getDueDate() != null && t.getEndTime().after(t.getDueDate())).count();
      rows.put(stage, List.of(stage, count(done.size()), days(days, 0.5), days(days, 0.9), count(overdue)));
    });
    return rows;
  }

  /** Titles valid today: certified by today, valid through today, neither revoked nor expired (their supervision's history). */
  private List<List<String>> certifiedFromHistory() {
    LocalDate today = EngineClock.today();
    Map<String, String> counties = new HashMap<>();
    Map<String, LocalDate> validUntil = new HashMap<>();
    for (HistoricProcessInstance s : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY).list()) {
      LocalDate from = EngineClock.toLocalDate((Date) variable(s.getId(), SupervisionProcess.CERTIFIED_ON));
      LocalDate until = EngineClock.toLocalDate((Date) variable(s.getId(), SupervisionProcess.VALID_UNTIL));
      if (!from.isAfter(today) && !until.isBefore(today) && !passed(s.getId(), "revoke") && !passed(s.getId(), "expire")) {
        counties.put(s.getId(), (String) variable(s.getId(), SupervisionProcess.COUNTY));
        validUntil.put(s.getId(), until);
      }
    }
    LocalDate soon = today.plusDays(Sections.EXPIRING_DAYS);
    return perCounty(counties.keySet(), counties::get, List.of(id -> true, id -> !validUntil.get(id).isAfter(soon)));
  }

  /** The report tasks opened in the year: asked, submitted, of them late, missing, of them past due. */
  private List<List<String>> campaignFromHistory() {
    Date now = EngineClock.now();
    Map<String, HistoricTaskInstance> reports = new HashMap<>();
    inTheYear(history.createHistoricTaskInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
        .taskDefinitionKey(SupervisionProcess.TASK_SUBMIT_REPORT).list(), HistoricTaskInstance::getStartTime)
        .forEach(t -> reports.put(t.getId(), t));
    Predicate<HistoricTaskInstance> submitted = t -> "completed".equals(t.getDeleteReason());
    Predicate<HistoricTaskInstance> pastDue = t -> t.getDueDate() != null && t.getEndTime() != null
        && t.getEndTime().after(t.getDueDate());
    Predicate<HistoricTaskInstance> overdue = t -> t.getDueDate() != null && now.after(t.getDueDate());
    List<Predicate<HistoricTaskInstance>> columns = List.of(t -> true, submitted, submitted.and(pastDue),
        submitted.negate(), submitted.negate().and(overdue));
    return perCounty(reports.keySet(), id -> (String) variable(reports.get(id).getProcessInstanceId(),
        SupervisionProcess.COUNTY), columns.stream().map(c -> (Predicate<String>) id -> c.test(reports.get(id))).toList());
  }

  /** The assessments completed in the year of reports of the year, by the grade the instance held when each was completed. */
  private List<List<String>> assessmentsFromHistory() {
    Map<String, String> grades = grades();
    if (grades.isEmpty()) {
      return List.of();
    }
    List<String> row = new ArrayList<>(List.of(YEAR + "年度"));
    for (String grade : List.of(SupervisionProcess.GRADE_EXCELLENT, SupervisionProcess.GRADE_QUALIFIED,
        SupervisionProcess.GRADE_UNQUALIFIED)) {
      row.add(count(grades.values().stream().filter(grade::equals).count()));
    }
    return List.of(row);
  }

  /** Rectifications ordered in the year (the start of the rectification subprocess) and whether the title was revoked since. */
  private List<List<String>> rectificationsFromHistory() {
    Map<String, HistoricActivityInstance> orders = new HashMap<>();
    inTheYear(activities("rectificationOrdered"), HistoricActivityInstance::getStartTime).forEach(a -> orders.put(a.getId(), a));
    Predicate<String> revokedSince = id -> activities("revoke").stream().anyMatch(r -> r.getProcessInstanceId()
        .equals(orders.get(id).getProcessInstanceId()) && !day(r.getStartTime()).isBefore(day(orders.get(id).getStartTime())));
    return perCounty(orders.keySet(), id -> (String) variable(orders.get(id).getProcessInstanceId(), SupervisionProcess.COUNTY),
        List.of(id -> true, revokedSince, revokedSince.negate()));
  }

  /** Titles revoked in the year (the supervision's {@code revoke} step), by the reason the supervision recorded. */
  private List<List<String>> revocationsFromHistory() {
    Map<String, Long> byReason = new TreeMap<>();
    revoked().forEach(a -> byReason.merge((String) variable(a.getProcessInstanceId(), SupervisionProcess.REVOCATION_REASON),
        1L, Long::sum));
    List<List<String>> rows = new ArrayList<>();
    byReason.forEach((reason, n) -> rows.add(List.of(label("revocationReason", reason), count(n))));
    rows.add(List.of("合计", count(byReason.values().stream().mapToLong(Long::longValue).sum())));
    return rows;
  }

  /** Bans in force today: each {@code banOperator} step, from its day for the policy's banYears it ran under. */
  private List<List<String>> bansFromHistory() {
    LocalDate today = EngineClock.today();
    Map<String, String> counties = new HashMap<>();
    for (HistoricActivityInstance ban : activities("banOperator")) {
      LocalDate from = day(ban.getEndTime());
      int years = Policy.ofValue(variable(ban.getProcessInstanceId(), "policy")).number(Policy.Output.BAN_YEARS);
      if (!from.isAfter(today) && !from.plusYears(years).isBefore(today)) {
        counties.put(ban.getId(), (String) variable(ban.getProcessInstanceId(), COUNTY));
      }
    }
    return perCounty(counties.keySet(), counties::get, List.of(id -> true));
  }

  // ------------------------------------------------------------------ history queries

  private List<HistoricProcessInstance> filedInTheYear() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .startedAfter(EngineClock.startOf(LocalDate.of(YEAR, 1, 1)))
        .startedBefore(EngineClock.startOf(LocalDate.of(YEAR + 1, 1, 1))).list();
  }

  private <T> List<T> inTheYear(List<T> items, Function<T, Date> when) {
    return items.stream().filter(i -> day(when.apply(i)).getYear() == YEAR).toList();
  }

  /** The end event of the certification the instance reached, if any. */
  private Optional<CaseEnd> caseEnd(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityType("noneEndEvent")
        .finished().list().stream().map(a -> CaseEnd.ofEndEvent(a.getActivityId())).flatMap(Optional::stream)
        .findFirst();
  }

  private List<HistoricActivityInstance> activities(String activityId) {
    return history.createHistoricActivityInstanceQuery().activityId(activityId).finished().list();
  }

  private List<HistoricActivityInstance> revoked() {
    return inTheYear(activities("revoke"), HistoricActivityInstance::getEndTime);
  }

  private boolean passed(String processInstanceId, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
        .finished().count() > 0;
  }

  /**
   * The grade of each annual assessment completed in the year whose report window opened in the year:
   * the value of {@code assessmentGrade} (decision annual-assessment's alone) last set in its instance when the task was
   * created.
   */
  private Map<String, String> grades() {
    Map<String, String> grades = new HashMap<>();
    for (HistoricTaskInstance assessment : inTheYear(history.createHistoricTaskInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY).taskDefinitionKey(SupervisionProcess.TASK_ASSESSMENT)
        .taskDeleteReason("completed").list(), HistoricTaskInstance::getEndTime)) {
      String instance = assessment.getProcessInstanceId();
      int reportYear = history.createHistoricTaskInstanceQuery().processInstanceId(instance)
          .taskDefinitionKey(SupervisionProcess.TASK_SUBMIT_REPORT).list().stream()
          .filter(r -> !r.getStartTime().after(assessment.getStartTime()))
          .max(Comparator.comparing(HistoricTaskInstance::getStartTime)).map(r -> day(r.getStartTime()).getYear())
          .orElseThrow();
      if (reportYear == YEAR) {
        history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list().stream()
            .map(d -> (HistoricVariableUpdate) d)
            .filter(u -> u.getVariableName().equals(SupervisionProcess.ASSESSMENT_GRADE)
                && !u.getTime().after(assessment.getStartTime()))
            .max(Comparator.comparing(HistoricVariableUpdate::getTime))
            .ifPresent(u -> grades.put(assessment.getId(), (String) u.getValue()));
      }
    }
    return grades;
  }

  /** A process-level variable from history. */
  private Object variable(String processInstanceId, String name) {
    return driver.variable(processInstanceId, name);
  }

  // ------------------------------------------------------------------ rows as the page shows them

  /** One row per county (in the dashboard's order) and the total; each column counts the items it accepts. */
  private static List<List<String>> perCounty(Set<String> items, Function<String, String> county,
      List<Predicate<String>> columns) {
    List<List<String>> rows = new ArrayList<>();
    for (String code : County.codes()) {
      rows.add(counts(County.nameOf(code), items.stream().filter(i -> code.equals(county.apply(i))).toList(), columns));
    }
    rows.add(counts("合计", List.copyOf(items), columns));
    return rows;
  }

  private static List<String> counts(String label, List<String> items, List<Predicate<String>> columns) {
    List<String> row = new ArrayList<>(List.of(label));
    columns.forEach(c -> row.add(count(items.stream().filter(c).count())));
    return row;
  }

  private static String count(long n) {
    return ReadableValues.number(n);
  }

  private static String days(double[] sorted, double q) {
    double value = sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    return ReadableValues.number(Math.round(value * 10) / 10.0);
  }

  private static LocalDate day(Date date) {
    return EngineClock.toLocalDate(date);
  }

  private JsonNode dashboard(String query) throws Exception {
    return json(api("city1").get("/api/statistics" + query), 200);
  }

  // ------------------------------------------------------------------ steps

  private void setClock(LocalDateTime to) {
    clock = to;
    CertificationDriver.fixClock(to);
  }

  /** A minute passes: steps of one instance get distinct times, as they would in real life. */
  private void tick() {
    setClock(clock.plusMinutes(1));
  }

  private String track(String processInstanceId) {
    started.add(processInstanceId);
    return processInstanceId;
  }

  private String apply(Map<String, Object> application) {
    tick();
    return track(driver.apply(application).getId());
  }

  /** A space of {@code county} certified through the whole process; returns its supervision. */
  private String certified(String county) {
    String id = apply(Applications.valid(county));
    driver.certify(id);
    return track((String) driver.variable(id, SUPERVISION_INSTANCE_ID));
  }

  private void openReportWindow(String supervision) {
    tick();
    fire(supervision, "reportWindowOpens");
    await(supervision, SupervisionProcess.TASK_SUBMIT_REPORT);
  }

  private void report(String supervision, Map<String, Object> figures) {
    tick();
    driver.complete(supervision, SupervisionProcess.TASK_SUBMIT_REPORT, figures);
    await(supervision, SupervisionProcess.TASK_ASSESSMENT);
  }

  private void assess(String supervision, String comment) {
    tick();
    Map<String, Object> confirmed = new HashMap<>(Map.of(SupervisionProcess.REPORT_CONFIRMED, true));
    if (comment != null) {
      confirmed.put(SupervisionProcess.ASSESSMENT_COMMENT, comment);
    }
    driver.complete(supervision, SupervisionProcess.TASK_ASSESSMENT, confirmed);
  }

  /** The hearing the instance called: the operator waives its statement, the leaders approve; then waits for {@code done}. */
  private void hearAndApprove(String instance, BooleanSupplier done) {
    var runtime = engine.getRuntimeService();
    driver.runJobsUntil(instance, () -> runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count() == 1);
    String hearing = runtime.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult().getId();
    await(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT);
    tick();
    driver.complete(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT, Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    await(hearing, SanctionHearing.TASK_LEADER_DECISION);
    tick();
    driver.complete(hearing, SanctionHearing.TASK_LEADER_DECISION, Map.of(SanctionHearing.LEADER_DECISION,
        SanctionHearing.APPROVE, SanctionHearing.LEADER_COMMENT, "经审定，同意处理建议"));
    driver.runJobsUntil(instance, done);
  }

  private Task await(String instance, String taskKey) {
    driver.runJobsUntil(instance, () -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(taskKey).count() > 0);
    return driver.task(instance, taskKey);
  }

  /**
   * Runs the instance's timer {@code activityId} now, whatever its due date (the clock stands still in
   * 2018). The job executor never takes it first: it is due only later.
   */
  private void fire(String instance, String activityId) {
    var management = engine.getManagementService();
    driver.runJobsUntil(instance, () -> management.createJobQuery().processInstanceId(instance).timers()
        .activityId(activityId).count() == 1);
    Job timer = management.createJobQuery().processInstanceId(instance).timers().activityId(activityId).singleResult();
    management.executeJob(timer.getId());
  }

  private String businessKey(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }
}
