package cn.gov.shuozhou.makerspace.statistics;

import static cn.gov.shuozhou.makerspace.common.ReadableValues.date;
import static cn.gov.shuozhou.makerspace.common.ReadableValues.label;

import cn.gov.shuozhou.makerspace.certification.Outcome;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.statistics.StatTable.Cell;
import cn.gov.shuozhou.makerspace.statistics.StatTable.Row;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's sections as {@link StatTable}s: cases from the read model ({@code ms_stat_case}),
 * stages and processing times from the engine's task tables joined to it, certified spaces,
 * assessments, sanctions and bans from the registry's tables (docs/statistics.md lists each
 * section's source and how its filters apply).
 */
@Component
class Sections {

  /** Each section's key (URL part of its exports) in dashboard order. */
  static final List<String> KEYS = List.of("applications", "stages", "rejections", "durations", "certified",
      "campaign", "assessments", "rectifications", "revocations", "bans");
  static final int EXPIRING_DAYS = 90;
  private static final String TOTAL = "合计";
  private static final String WAITING = "公示期或等待中";
  /** The campaign's states of a report not (yet) submitted while its supervision runs: the reminders go to these. */
  static final String MISSING = "未报送";
  static final String MISSING_OVERDUE = "逾期未报送";
  static final int CAMPAIGN_MISSING_COLUMN = 3;
  private static final List<String> GRADES = List.of("excellent", "qualified", "unqualified");
  /** The columns of a certificate (alias c) that its list entry needs: fewer to sort than all (docs/statistics.md). */
  private static final String CERTIFICATE = "c.certificate_number, c.space_name, c.county";

  /** The sections built from the filtered cases of the read model, which are read once for both. */
  private static final Set<String> ON_CASES = Set.of("applications", "rejections");

  private final JdbcTemplate jdbc;
  /** Builds the sections that read the database, side by side: they are independent reads. */
  private final ExecutorService builders = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), work -> {
        Thread thread = new Thread(work, "statistics-section");
        thread.setDaemon(true);
        return thread;
      });

  Sections(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every section. Those that query the database are built at once by {@link #builders} while this
   * thread reads the cases for the two built on them: the dashboard waits for the slowest section,
   * not for the sum of all.
   */
  List<StatTable> all(Filters filters, java.util.Date now) {
    Map<String, CompletableFuture<StatTable>> queried = new HashMap<>();
    KEYS.stream().filter(key -> !ON_CASES.contains(key)).forEach(key -> queried.put(key,
        CompletableFuture.supplyAsync(() -> section(key, filters, now, List::of /* not read by these */), builders)));
    List<Case> cases = cases(filters);
    return KEYS.stream().map(key -> ON_CASES.contains(key) ? section(key, filters, now, () -> cases)
        : built(queried.get(key))).toList();
  }

  private static StatTable built(CompletableFuture<StatTable> section) {
    try {
      return section.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @PreDestroy
  void stop() {
    builders.shutdownNow();
  }

  /** One section; 400 naming {@code section} for an unknown key. */
  StatTable section(String key, Filters f, java.util.Date now) {
    return section(key, f, now, () -> cases(f));
  }

  private StatTable section(String key, Filters f, java.util.Date now, Supplier<List<Case>> cases) {
    LocalDate today = EngineClock.toLocalDate(now);
    return switch (key) {
      case "applications" -> applications(f, cases.get());
      case "stages" -> stages(f);
      case "rejections" -> rejections(cases.get());
      case "durations" -> durations(f);
      case "certified" -> certified(f, today);
      case "campaign" -> campaign(f, now);
      case "assessments" -> assessments(f);
      case "rectifications" -> rectifications(f);
      case "revocations" -> revocations(f);
      case "bans" -> bans(f, today);
      default -> throw new InvalidInputException("section", "统计表（section）不存在：可选 " + String.join("、", KEYS));
    };
  }

  // ------------------------------------------------------------ cases (read model)

  private StatTable applications(Filters f, List<Case> cases) {
    Map<String, Predicate<Case>> columns = new LinkedHashMap<>();
    columns.put("收到申请", c -> true);
    columns.put("办理中", c -> c.row.outcome() == null);
    for (Outcome o : Outcome.values()) {
      columns.put(label("outcome", o.name()), c -> o.name().equals(c.row.outcome()));
    }
    List<Row> rows = new ArrayList<>();
    for (String county : counties(f)) {
      rows.add(row(County.nameOf(county), columns, cases.stream().filter(c -> county.equals(c.row.county())).toList(),
          Case::ref));
    }
    rows.add(row(TOTAL, columns, cases, Case::ref));
    return new StatTable("applications", "申请受理与办理结果", "按申请提交日期筛选", headers("县（区）", columns), rows);
  }

  private StatTable stages(Filters f) {
    Where w = caseWhere(f).and("c.outcome IS NULL");
    List<CaseRef> refs = jdbc.query("SELECT c.*, t.NAME_ AS stage FROM ms_stat_case c LEFT JOIN ACT_RU_TASK t "
        + "ON t.PROC_INST_ID_ = c.process_instance_id AND t.PARENT_TASK_ID_ IS NULL WHERE " + w.sql
        + " ORDER BY c.application_number", (rs, i) -> {
          String stage = rs.getString("stage");
          return caseRef(caseRow(rs), stage == null ? WAITING : stage);
        }, w.args()).stream().distinct().toList();
    Map<String, List<CaseRef>> byStage = new LinkedHashMap<>();
    refs.stream().map(CaseRef::stage).sorted().forEach(s -> byStage.put(s, new ArrayList<>()));
    refs.forEach(r -> byStage.get(r.stage()).add(r));
    List<Row> rows = new ArrayList<>();
    byStage.forEach((stage, list) -> rows.add(new Row(stage, List.of(Cell.count(list)))));
    Map<String, CaseRef> perCase = new LinkedHashMap<>();
    refs.forEach(r -> perCase.putIfAbsent(r.number(), r));
    rows.add(new Row(TOTAL, List.of(Cell.count(List.copyOf(perCase.values())))));
    return new StatTable("stages", "办理中的申请（按环节）", "按申请提交日期筛选；专家评审等环节可有多项待办，按环节各计一次",
        List.of("环节", "件数"), rows);
  }

  private StatTable rejections(List<Case> cases) {
    List<Case> ended = cases.stream().filter(c -> c.row.reasonCode() != null
        && !CaseEnd.CERTIFIED.name().equals(c.row.reasonCode())).toList();
    List<Row> rows = new ArrayList<>();
    for (CaseEnd end : CaseEnd.values()) {
      if (end != CaseEnd.CERTIFIED) {
        rows.add(new Row(label("outcomeReason", end.name()), List.of(countOf(ended,
            c -> end.name().equals(c.row.reasonCode())))));
      }
    }
    // the failed Art. 4 conditions of the inspection rejections (one case may fail several)
    Stream.of(conditionCodes()).forEach(code -> rows.add(new Row("其中：" + label("article4Condition", code),
        List.of(countOf(ended, c -> c.row.conditionCodes() != null
            && Arrays.asList(c.row.conditionCodes().split(",")).contains(code))))));
    rows.add(new Row(TOTAL, List.of(countOf(ended, c -> true))));
    return new StatTable("rejections", "未予认定的申请（按原因）",
        "按申请提交日期筛选；“其中”各行为实地考察未通过的第四条条件，一件申请可有多项", List.of("原因", "件数"), rows);
  }

  /**
   * The completed stages of the filtered cases (read model {@code ms_stat_stage}): only the stage, start,
   * duration and overdue flag of each are read here, the cases behind a count when they are listed.
   * Without a filter every stage row counts (each has its case: both are written and rebuilt together),
   * so the case rows are not joined. Rows in the order the stages first started.
   */
  private StatTable durations(Filters f) {
    final class Stage {
      final String name;
      Timestamp first;
      final List<Long> durations = new ArrayList<>();
      int overdue;

      Stage(String name) {
        this.name = name;
      }
    }
    Where w = caseWhere(f);
    Map<String, Stage> byName = new HashMap<>();
    jdbc.query("SELECT s.stage, s.started_at, s.duration_ms, s.overdue FROM " + stagesOf(w) + " WHERE " + w.sql, rs -> {
      Timestamp started = rs.getTimestamp(2);
      Stage stage = byName.computeIfAbsent(rs.getString(1), Stage::new);
      if (stage.first == null || started.before(stage.first)) {
        stage.first = started;
      }
      stage.durations.add(rs.getLong(3));
      stage.overdue += rs.getBoolean(4) ? 1 : 0;
    }, w.args());
    List<Row> rows = new ArrayList<>();
    byName.values().stream().sorted(Comparator.comparing((Stage s) -> s.first).thenComparing(s -> s.name,
        Comparator.nullsFirst(Comparator.naturalOrder()))).forEach(stage -> {
          double[] days = stage.durations.stream().mapToDouble(ms -> ms / 86_400_000.0).sorted().toArray();
          rows.add(new Row(stage.name, List.of(Cell.count(days.length, () -> stageCases(f, stage.name, false)),
              days(percentile(days, 0.5)), days(percentile(days, 0.9)),
              Cell.count(stage.overdue, () -> stageCases(f, stage.name, true)))));
        });
    return new StatTable("durations", "各环节办理用时", "已办结的待办，按申请提交日期筛选；用时为自然日，超期指晚于该环节的办理期限办结",
        List.of("环节", "办结件数", "用时中位数（天）", "用时90%分位（天）", "超期件数"), rows);
  }

  /** The completed stages of one name (null for a task without one) of the filtered cases, overdue ones or all. */
  private List<CaseRef> stageCases(Filters f, String stage, boolean overdueOnly) {
    Where w = caseWhere(f);
    if (stage == null) {
      w.and("s.stage IS NULL");
    } else {
      w.and("s.stage = ?", stage);
    }
    if (overdueOnly) {
      w.and("s.overdue = TRUE");
    }
    return jdbc.query("SELECT c.*, s.started_at, s.ended_at, s.overdue FROM ms_stat_stage s JOIN ms_stat_case c "
        + "ON c.process_instance_id = s.process_instance_id WHERE " + w.sql + " ORDER BY c.application_number, s.started_at",
        (rs, i) -> {
          CaseRow row = caseRow(rs);
          return new CaseRef(row.applicationNumber(), row.spaceName(), County.nameOf(row.county()), stage,
              day(rs.getTimestamp("started_at")), day(rs.getTimestamp("ended_at")), rs.getBoolean("overdue") ? "超期" : "按期");
        }, w.args());
  }

  /** The stage rows, joined to their cases where a filter applies to the cases. */
  private static String stagesOf(Where w) {
    return w.isEmpty() ? "ms_stat_stage s"
        : "ms_stat_stage s JOIN ms_stat_case c ON c.process_instance_id = s.process_instance_id";
  }

  // ------------------------------------------------------------ registry

  private StatTable certified(Filters f, LocalDate today) {
    Where w = new Where().and("status = 'VALID'").and("certified_on <= ?", Date.valueOf(today))
        .and("valid_until >= ?", Date.valueOf(today));
    if (f.county() != null) {
      w.and("county = ?", f.county());
    }
    record Title(String county, Listed listed, LocalDate validUntil) {}
    List<Title> titles = jdbc.query("SELECT * FROM ms_certificate WHERE " + w.sql + " ORDER BY certificate_number",
        (rs, i) -> new Title(rs.getString("county"), certificate(rs, "有效", rs.getDate("certified_on"),
            rs.getDate("valid_until"), "有效期内"), rs.getDate("valid_until").toLocalDate()), w.args());
    LocalDate soon = today.plusDays(EXPIRING_DAYS);
    Map<String, Predicate<Title>> columns = new LinkedHashMap<>();
    columns.put("有效", t -> true);
    columns.put(EXPIRING_DAYS + "天内到期", t -> !t.validUntil().isAfter(soon));
    List<Row> rows = new ArrayList<>();
    for (String county : counties(f)) {
      rows.add(row(County.nameOf(county), columns, titles.stream().filter(t -> county.equals(t.county())).toList(),
          x -> x.listed().ref()));
    }
    rows.add(row(TOTAL, columns, titles, x -> x.listed().ref()));
    return new StatTable("certified", "有效的众创空间（当前）", "当前状态，不受年度和日期筛选影响；仅按县（区）筛选",
        headers("县（区）", columns), rows);
  }

  /**
   * The year-end campaign (Art. 7): each annual report a supervision asked for, by the year its task
   * opened (the report's year: the window opens in it); submitted (on time or late) or missing (still
   * open, or ended without a report), and the missing ones past their due date.
   */
  private StatTable campaign(Filters f, java.util.Date now) {
    // no condition on the task's definition key: H2 then walks every supervision task by that index per certificate
    Where w = new Where().and("t.TASK_DEF_KEY_ = ?", SupervisionProcess.TASK_SUBMIT_REPORT)
        .and("p.PROC_DEF_KEY_ = ?", SupervisionProcess.KEY);
    if (f.firstDay() != null) {
      w.and("t.START_TIME_ >= ?", Timestamp.from(EngineClock.startOf(f.firstDay()).toInstant()));
    }
    if (f.lastDay() != null) {
      w.and("t.START_TIME_ < ?", Timestamp.from(EngineClock.startOf(f.lastDay().plusDays(1)).toInstant()));
    }
    countyOf(w, "c.county", f);
    record Report(String county, boolean submitted, boolean late, boolean overdue, Listed listed) {}
    List<Report> reports = jdbc.query("SELECT " + CERTIFICATE + ", t.START_TIME_, t.END_TIME_, t.DUE_DATE_, t.DELETE_REASON_ "
        + "FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ "
        + "JOIN ms_certificate c ON c.certificate_number = p.BUSINESS_KEY_ WHERE " + w.sql
        + " ORDER BY c.certificate_number, t.START_TIME_", (rs, i) -> {
          Timestamp end = rs.getTimestamp("END_TIME_");
          Timestamp due = rs.getTimestamp("DUE_DATE_");
          boolean submitted = end != null && "completed".equals(rs.getString("DELETE_REASON_"));
          boolean late = submitted && due != null && end.after(due);
          boolean overdue = !submitted && due != null && now.after(due);
          String state = submitted ? (late ? "逾期报送" : "按期报送")
              : end != null ? "未报送（年度管理已结束）" : overdue ? MISSING_OVERDUE : MISSING;
          return new Report(rs.getString("county"), submitted, late, overdue,
              certificate(rs, "年度报告", rs.getTimestamp("START_TIME_"), due, state));
        }, w.args());
    Map<String, Predicate<Report>> columns = new LinkedHashMap<>();
    columns.put("应报送", r -> true);
    columns.put("已报送", Report::submitted);
    columns.put("其中逾期报送", Report::late);
    columns.put("未报送", r -> !r.submitted());
    columns.put("其中已逾期", Report::overdue);
    List<Row> rows = new ArrayList<>();
    for (String county : counties(f)) {
      rows.add(row(County.nameOf(county), columns, reports.stream().filter(r -> county.equals(r.county())).toList(),
          x -> x.listed().ref()));
    }
    rows.add(row(TOTAL, columns, reports, x -> x.listed().ref()));
    return new StatTable("campaign", "年度报告报送情况（年终督报）",
        "年度筛选指报告年度（报送窗口开启的年度），日期筛选指窗口开启日期；“未报送”的件数可打开清单，并可向未报送的众创空间发送催报提醒",
        headers("县（区）", columns), rows);
  }

  private StatTable assessments(Filters f) {
    Where w = new Where();
    if (f.year() != null) {
      w.and("a.report_year = ?", f.year());
    }
    dayRange(w, "a.assessed_on", f);
    countyOf(w, "c.county", f);
    record Grade(int year, String grade, Listed listed) {}
    List<Grade> grades = jdbc.query("SELECT " + CERTIFICATE + ", a.report_year, a.grade, a.assessed_on FROM ms_assessment_result a "
        + "JOIN ms_certificate c ON c.certificate_number = a.certificate_number WHERE " + w.sql
        + " ORDER BY a.report_year DESC, c.certificate_number", (rs, i) -> new Grade(rs.getInt("report_year"),
            rs.getString("grade"), certificate(rs, rs.getInt("report_year") + "年度考核", rs.getDate("assessed_on"),
                null, label("assessmentGrade", rs.getString("grade")))), w.args());
    Map<String, Predicate<Grade>> columns = new LinkedHashMap<>();
    GRADES.forEach(g -> columns.put(label("assessmentGrade", g), x -> g.equals(x.grade())));
    List<Row> rows = new ArrayList<>();
    grades.stream().map(Grade::year).distinct().forEach(year -> rows.add(row(year + "年度", columns,
        grades.stream().filter(g -> g.year() == year).toList(), x -> x.listed().ref())));
    return new StatTable("assessments", "年度考核等次（按考核年度）", "年度筛选指考核年度，日期筛选指考核日期",
        headers("考核年度", columns), rows);
  }

  private StatTable rectifications(Filters f) {
    Where w = new Where().and("s.kind = 'RECTIFICATION'");
    dayRange(w, "s.decided_on", f);
    countyOf(w, "c.county", f);
    record Order(String county, boolean revoked, Listed listed) {}
    List<Order> orders = jdbc.query("SELECT " + CERTIFICATE + ", s.decided_on, (SELECT MIN(r.decided_on) FROM ms_sanction r "
        + "WHERE r.certificate_number = s.certificate_number AND r.kind = 'REVOCATION' AND r.decided_on >= s.decided_on) "
        + "AS revoked_on FROM ms_sanction s JOIN ms_certificate c ON c.certificate_number = s.certificate_number WHERE "
        + w.sql + " ORDER BY s.decided_on, c.certificate_number", (rs, i) -> {
          Date revokedOn = rs.getDate("revoked_on");
          return new Order(rs.getString("county"), revokedOn != null, certificate(rs, "限期整改",
              rs.getDate("decided_on"), revokedOn, revokedOn != null ? "整改后取消称号" : "未取消称号"));
        }, w.args());
    Map<String, Predicate<Order>> columns = new LinkedHashMap<>();
    columns.put("责令整改", o -> true);
    columns.put("其后取消称号", Order::revoked);
    columns.put("未取消称号（整改通过或办理中）", o -> !o.revoked());
    List<Row> rows = new ArrayList<>();
    for (String county : counties(f)) {
      rows.add(row(County.nameOf(county), columns, orders.stream().filter(o -> county.equals(o.county())).toList(),
          x -> x.listed().ref()));
    }
    rows.add(row(TOTAL, columns, orders, x -> x.listed().ref()));
    return new StatTable("rectifications", "整改及其结果", "按整改决定日期筛选", headers("县（区）", columns), rows);
  }

  private StatTable revocations(Filters f) {
    Where w = new Where().and("status = 'REVOKED'");
    dayRange(w, "status_changed_on", f);
    countyOf(w, "county", f);
    record Revoked(String reason, Listed listed) {}
    List<Revoked> revoked = jdbc.query("SELECT * FROM ms_certificate WHERE " + w.sql + " ORDER BY certificate_number",
        (rs, i) -> new Revoked(rs.getString("status_reason"), certificate(rs, "已取消称号", rs.getDate("certified_on"),
            rs.getDate("status_changed_on"), label("revocationReason", rs.getString("status_reason")))), w.args());
    List<Row> rows = new ArrayList<>();
    revoked.stream().map(Revoked::reason).distinct().sorted(Comparator.nullsLast(String::compareTo))
        .forEach(reason -> rows.add(new Row(label("revocationReason", reason), List.of(Cell.count(revoked.stream()
            .filter(r -> Objects.equals(reason, r.reason())).toList(), x -> x.listed().ref())))));
    rows.add(new Row(TOTAL, List.of(Cell.count(revoked, x -> x.listed().ref()))));
    return new StatTable("revocations", "取消称号（按原因）", "按取消日期筛选", List.of("原因", "件数"), rows);
  }

  private StatTable bans(Filters f, LocalDate today) {
    Where w = new Where().and("k.banned_from <= ?", Date.valueOf(today)).and("k.banned_until >= ?", Date.valueOf(today));
    countyOf(w, "k.county", f);
    record Ban(String county, CaseRef ref) {}
    // the space of each ban in force, looked up by its credit code (ix_stat_case_credit_code): a derived table
    // grouping every case by credit code made H2 scan the whole read model once per ban
    List<Ban> bans = jdbc.query("SELECT * FROM (SELECT b.*, (SELECT MIN(c.county) FROM ms_stat_case c "
        + "WHERE c.credit_code = b.credit_code) AS county, (SELECT MIN(c.space_name) FROM ms_stat_case c "
        + "WHERE c.credit_code = b.credit_code) AS space_name FROM ms_ban b) k WHERE " + w.sql
        + " ORDER BY k.banned_from, k.source_ref", (rs, i) -> {
          String county = rs.getString("county");
          return new Ban(county, new CaseRef(rs.getString("credit_code"), rs.getString("space_name"),
              county == null ? "" : County.nameOf(county), "禁止申报期内", day(rs.getDate("banned_from")),
              day(rs.getDate("banned_until")), "禁止申报"));
        }, w.args());
    Map<String, Predicate<Ban>> columns = Map.of("件数", b -> true);
    List<Row> rows = new ArrayList<>();
    for (String county : counties(f)) {
      rows.add(row(County.nameOf(county), columns, bans.stream().filter(b -> county.equals(b.county())).toList(),
          Ban::ref));
    }
    rows.add(row(TOTAL, columns, bans, Ban::ref));
    return new StatTable("bans", "禁止申报（当前有效）", "当前状态，不受年度和日期筛选影响；编号为统一社会信用代码",
        List.of("县（区）", "件数"), rows);
  }

  // ------------------------------------------------------------ helpers

  /** A case of the read model and its list entry. */
  /** A case of the read model; its reference is made only when the cases behind a number are listed. */
  private record Case(CaseRow row) {
    CaseRef ref() {
      return caseRef(row, row.outcome() == null ? "办理中" : "已办结");
    }
  }

  private List<Case> cases(Filters f) {
    Where w = caseWhere(f);
    return jdbc.query("SELECT c.* FROM ms_stat_case c WHERE " + w.sql + " ORDER BY c.application_number", (rs, i) -> {
      return new Case(caseRow(rs));
    }, w.args());
  }

  private static Where caseWhere(Filters f) {
    Where w = new Where();
    dayRange(w, "c.filed_on", f);
    countyOf(w, "c.county", f);
    return w;
  }

  private static void dayRange(Where w, String column, Filters f) {
    if (f.firstDay() != null) {
      w.and(column + " >= ?", Date.valueOf(f.firstDay()));
    }
    if (f.lastDay() != null) {
      w.and(column + " <= ?", Date.valueOf(f.lastDay()));
    }
  }

  private static void countyOf(Where w, String column, Filters f) {
    if (f.county() != null) {
      w.and(column + " = ?", f.county());
    }
  }

  private static List<String> counties(Filters f) {
    return f.county() == null ? County.codes() : List.of(f.county());
  }

  private static String[] conditionCodes() {
    return new String[] {"OPERATOR_NOT_INDEPENDENT", "AREA_BELOW_MINIMUM", "LEASE_TOO_SHORT", "PUBLIC_AREA_RATIO_LOW",
        "NO_SHARED_FACILITIES", "NO_SEED_FUND", "TOO_FEW_MENTORS", "TOO_FEW_EVENTS", "NO_ONLINE_SERVICES",
        "NOT_LOW_COST", "TOO_FEW_MAKERS", "TOO_FEW_TEAMS"};
  }

  private static <T> Row row(String label, Map<String, Predicate<T>> columns, List<T> items, Function<T, CaseRef> ref) {
    return new Row(label, columns.values().stream()
        .map(p -> Cell.count(items.stream().filter(p).toList(), ref)).toList());
  }

  private static List<String> headers(String first, Map<String, ?> columns) {
    List<String> headers = new ArrayList<>(List.of(first));
    headers.addAll(columns.keySet());
    return headers;
  }

  /** The count of the cases that match, linked to them. */
  private static Cell countOf(List<Case> cases, Predicate<Case> which) {
    return Cell.count(cases.stream().filter(which).toList(), Case::ref);
  }

  private static Cell days(double value) {
    if (Double.isNaN(value)) {
      return Cell.number(null, "");
    }
    double rounded = Math.round(value * 10) / 10.0;
    return Cell.number(rounded, ReadableValues.number(rounded));
  }

  /** Nearest-rank percentile of sorted values; NaN for none. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static CaseRow caseRow(ResultSet rs) throws SQLException {
    return new CaseRow(rs.getString("application_number"), rs.getString("process_instance_id"), rs.getString("county"),
        rs.getString("space_name"), rs.getString("credit_code"), localDay(rs.getDate("filed_on")),
        localDay(rs.getDate("ended_on")), rs.getString("outcome"), rs.getString("reason_code"),
        rs.getString("condition_codes"), rs.getString("certificate_number"));
  }

  private static CaseRef caseRef(CaseRow row, String stage) {
    String outcome = row.reasonCode() == null ? "" : label("outcomeReason", row.reasonCode());
    return new CaseRef(row.applicationNumber(), row.spaceName(), County.nameOf(row.county()), stage,
        date(row.filedOn()), date(row.endedOn()), outcome);
  }

  /** A certificate counted in a section: its list entry is made only when the cases behind a number are listed. */
  private record Listed(String number, String spaceName, String county, String stage, java.util.Date from,
      java.util.Date to, String outcome) {
    CaseRef ref() {
      return new CaseRef(number, spaceName, County.nameOf(county), stage, day(from), day(to), outcome);
    }
  }

  private static Listed certificate(ResultSet rs, String stage, java.util.Date from, java.util.Date to, String outcome)
      throws SQLException {
    return new Listed(rs.getString("certificate_number"), rs.getString("space_name"), rs.getString("county"), stage,
        from, to, outcome);
  }

  private static String day(java.util.Date value) {
    if (value == null) {
      return "";
    }
    return date(value instanceof Date d ? d.toLocalDate()
        : EngineClock.toLocalDate(value));
  }

  private static LocalDate localDay(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  /** A WHERE clause and its arguments, built condition by condition. */
  private static final class Where {
    private static final String NONE = "1 = 1";
    private String sql = NONE;
    private final List<Object> args = new ArrayList<>();

    boolean isEmpty() {
      return sql.equals(NONE);
    }

    Where and(String condition, Object... values) {
      sql += " AND " + condition;
      args.addAll(Arrays.asList(values));
      return this;
    }

    Object[] args() {
      return args.toArray();
    }
  }
}
