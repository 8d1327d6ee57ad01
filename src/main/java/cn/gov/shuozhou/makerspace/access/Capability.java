package cn.gov.shuozhou.makerspace.access;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT_FALSE_MATERIALS_GROUNDS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTOR_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTOR_PHONE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RECOMMEND;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SCORE;
import static cn.gov.shuozhou.makerspace.access.Groups.AUDITORS;
import static cn.gov.shuozhou.makerspace.access.Groups.BUREAU_LEADERS;
import static cn.gov.shuozhou.makerspace.access.Groups.CAMUNDA_ADMIN;
import static cn.gov.shuozhou.makerspace.access.Groups.CITY_BUREAU;
import static cn.gov.shuozhou.makerspace.access.Groups.OPERATORS;
import static cn.gov.shuozhou.makerspace.access.Groups.RULE_ADMINS;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may do what: the one table of the application's access rules (docs/security.md, "One access
 * policy"). Each capability names its groups once; controllers, filters, engine interceptors, the engine API's
 * allow-list ({@code security/EngineRestAllowList}) and the engine's grants
 * ({@code identity/RoleAuthorizations}) ask this table and keep no group list of their own
 * ({@code AccessPolicySourceTest} checks that). {@link AccessPolicy} finds the caller and refuses.
 *
 * <p>{@code action} is the Chinese name of what is refused (“无权{action}”), {@code hint} an
 * optional pointer to the allowed way, {@code variables} the variable group a read capability is
 * about; a {@code limit} restricts its groups instead of granting them something.
 */
public enum Capability {

  // ------------------------------------------------------------ tasks and applications
  /**
   * Tasklist: their tasks, forms, comments, attachments and the history of what they worked on.
   * Staff only: organisation accounts work on 我的申请 ({@link #PORTAL_ONLY}).
   */
  WORK_ON_TASKS("办理任务", staff()),
  /**
   * A limit, not a right: organisation accounts file, supplement, report and get their letters on
   * 我的申请 ({@code /portal/}), never in Tasklist or Cockpit, whose pages send them there.
   */
  PORTAL_ONLY("使用任务中心和驾驶舱", groups(OPERATORS), "运营机构请在“我的申请”（/portal/）办理", Set.of(), true),
  /**
   * Organisation accounts work on their own tasks (补正, 年度报告, 整改, 陈述申辩; the engine lets an
   * assignee work on its task only) on 我的申请, or by their integration over {@code /engine-rest};
   * nothing of Tasklist (filters, forms of definitions, history).
   */
  WORK_ON_OWN_TASKS("办理本单位的任务", groups(OPERATORS)),
  /** File a certification application (only for the account's own organisation). */
  START_APPLICATIONS("提交认定申请", groups(OPERATORS)),
  /** File for any organisation's credit code: the account is bound to none. */
  FILE_FOR_ANY_ORGANISATION("代任意运营机构提交认定申请", groups(CAMUNDA_ADMIN)),
  /** Upload materials for the account's own organisation: drafts of a filing, or of its own open task (补正, 年度报告...). */
  UPLOAD_MATERIALS("上传申报材料", groups(OPERATORS)),
  /**
   * Read the submitted materials of a case the engine lets the caller read (the case's history):
   * the staff who judge it, the city bureau, auditors. An organisation reads its own case's files.
   */
  READ_CASE_MATERIALS("查看案件的申报材料", plus(plus(staff(), AUDITORS), CAMUNDA_ADMIN)),
  /**
   * Read the evidence files of the public's objections ({@code GET /api/objection-evidence}): the
   * city bureau, which handles objections, and auditors; never the applicant or the public.
   */
  READ_OBJECTION_EVIDENCE("查看公示异议的证据材料", groups(CITY_BUREAU, AUDITORS, CAMUNDA_ADMIN)),
  /**
   * The names of the people a case's history names ({@code GET /api/history/process-instances/{id}/people}),
   * for a case whose history the caller's own authorizations let them read: the Cockpit history page.
   */
  READ_CASE_PEOPLE("查看案件经办人员姓名", plus(plus(staff(), AUDITORS), CAMUNDA_ADMIN)),
  /** Reviewers read the whole history of each case they worked on (the city bureau reads every case). */
  READ_HISTORY_OF_WORKED_CASES("查看所办理案件的全部历史", minus(staff(), CITY_BUREAU)),

  // ------------------------------------------------------------ monitoring and audit (Cockpit)
  /** Cockpit: every case of both processes, running and in history. */
  MONITOR_CASES("在监控台查看全部案件", groups(CITY_BUREAU)),
  /** Read everything the processes and decisions produce; nothing else. */
  AUDIT("审计全部流程与决策记录", groups(AUDITORS)),
  /** A limit, not a right: members only read the engine's API; every write is refused before the engine. */
  ONLY_READ_ENGINE("修改数据", groups(AUDITORS), null, Set.of(), true),
  /** The objector's identity during the public notice. */
  READ_OBJECTORS("查看异议人身份", groups(CITY_BUREAU, AUDITORS), null, Set.of(OBJECTOR_NAME, OBJECTOR_PHONE), false),
  /** The experts' individual votes, once no review of the case is open (an expert always reads their own). */
  READ_REVIEWS_AFTER_PANEL("查看专家个人评审意见", groups(CITY_BUREAU, BUREAU_LEADERS, AUDITORS), null,
      Set.of(SCORE, RECOMMEND, COMMENT, EXPERT_FALSE_MATERIALS_GROUNDS), false),
  /** Expert votes and objectors' identities, in every case, at any time. */
  READ_ALL_VARIABLES("查看全部保密变量", groups(CAMUNDA_ADMIN)),

  // ------------------------------------------------------------ commands of the application API
  /** {@code POST /api/false-materials-reports} and {@code /api/violation-reports}; {@code GET /api/supervision-reports} lists them. */
  FILE_SUPERVISION_REPORTS("提交虚假材料或违规行为举报", groups(CITY_BUREAU, CAMUNDA_ADMIN)),
  /** Read the decisions and evaluate one on its own (no case changes). */
  EVALUATE_DECISIONS("查看和试算决策", groups(CITY_BUREAU, RULE_ADMINS)),
  /** {@code GET /api/rules...}. */
  READ_RULES("查看决策规则", groups(RULE_ADMINS, AUDITORS)),
  /** Check, activate, roll back rules and resolve publication conflicts. */
  CHANGE_RULES("修改决策规则（检查、启用、回滚、审批规则或处理发布冲突）", groups(RULE_ADMINS)),
  /** Check and add next year's State Council holiday notice. */
  CHANGE_CALENDAR("修改工作日历（检查和补充节假日安排）", groups(CAMUNDA_ADMIN)),
  /** {@code POST /api/organisations}. */
  CREATE_ORGANISATION_ACCOUNTS("创建机构账号", groups(CAMUNDA_ADMIN)),
  /**
   * {@code GET /api/organisations}: the organisation accounts, read-only; a county's bureau (and the
   * development zone's) sees those of its county ({@link AccessPolicy#counties}), administrators all.
   */
  READ_ORGANISATION_ACCOUNTS("查看机构账号", plus(areaBureaus(), CAMUNDA_ADMIN)),
  /**
   * {@code /api/county/spaces...} (Art. 6): the certified spaces of the caller's area, read-only — their
   * applications, certificates, annual reports, assessments, rectifications, sanctions, materials and
   * service records. A county's bureau (and the development zone's) reads its area
   * ({@link AccessPolicy#counties}); the city bureau every area ({@link #READ_EVERY_AREA_SPACES}).
   */
  READ_AREA_SPACES("查看本县（区）已认定的众创空间", plus(areaBureaus(), CITY_BUREAU)),
  /** The certified spaces and service records of every area. */
  READ_EVERY_AREA_SPACES("查看全部县（区）已认定的众创空间", groups(CITY_BUREAU)),
  /** {@code POST /api/county/spaces/{certificateNumber}/services}: the 服务台账 of a space of the caller's own area. */
  RECORD_SERVICES("记录服务台账", areaBureaus()),
  /** Every county's organisation accounts. */
  READ_ALL_ORGANISATION_ACCOUNTS("查看全部县（区）的机构账号", groups(CAMUNDA_ADMIN)),
  /** {@code POST /api/organisations/{userId}/disable} and {@code /enable}: a disabled account cannot log in anywhere. */
  DISABLE_ORGANISATION_ACCOUNTS("停用或启用机构账号", groups(CAMUNDA_ADMIN)),
  /** The demo profile's mailbox page ({@code /mailbox/}, {@code GET /api/mailbox}): mails hold codes. */
  READ_DEMO_MAILBOX("查看演示邮箱", groups(CAMUNDA_ADMIN)),
  /** Letters (文书) of a case: the applicant's organisation and the case's staff ({@link LetterAccess}). */
  READ_LETTERS("查看和下载案件文书", plus(plus(plus(staff(), OPERATORS), AUDITORS), CAMUNDA_ADMIN)),
  /** The letters of every case, not only of the cases one worked on. */
  READ_LETTERS_OF_EVERY_CASE("查看全部案件的文书", groups(CITY_BUREAU, AUDITORS, CAMUNDA_ADMIN)),
  /** The caller's own notifications ({@code GET /api/my/inbox}, mark as read): whoever is told of tasks and steps. */
  READ_OWN_INBOX("查看站内消息", plus(staff(), OPERATORS)),
  /** Told of every staff task still open {@code escalationWorkingDays} working days after its due date (超时督办). */
  RECEIVE_ESCALATIONS("接收超时督办", groups(CITY_BUREAU)),
  /** 转办 / 退回 a task someone else holds ({@code /api/tasks/{id}/...}); the assignee may always. */
  HANDLE_OTHERS_TASKS("转办、退回他人办理的任务", groups(CITY_BUREAU)),
  /** 加签: add an expert to a running panel ({@code POST /api/expert-panels/{number}/experts}). */
  ADD_EXPERTS("加签（增补评审专家）", groups(CITY_BUREAU)),

  // ------------------------------------------------------------ statistics (statistics/, docs/statistics.md)
  /** The bureau's dashboard, the cases behind each number and the exports ({@code GET /api/statistics...}). */
  READ_STATISTICS("查看统计报表", groups(CITY_BUREAU, BUREAU_LEADERS, AUDITORS, CAMUNDA_ADMIN)),
  /** The year-end campaign's reminder to the spaces of a county whose annual report is missing ({@code POST /api/statistics/campaign/reminders}). */
  SEND_CAMPAIGN_REMINDERS("发送年度报告催报提醒", groups(CITY_BUREAU)),
  /** Recompute the statistics' read model from the engine's history ({@code POST /api/statistics/rebuild}). */
  REBUILD_STATISTICS("重建统计数据", groups(CAMUNDA_ADMIN)),

  // ------------------------------------------------------------ system administration
  /** Every engine resource and every endpoint of the engine's API. */
  ADMINISTER_ENGINE("管理流程引擎", groups(CAMUNDA_ADMIN)),
  /** Jobs, timers, incidents, signals, messages; an override is recorded by the engine's operation log. */
  CONTROL_PROCESSES("干预流程运行（执行、改期或删除定时器与作业、设置重试次数、创建或处理故障事件、触发执行和直接投递消息）",
      groups(CAMUNDA_ADMIN), "异议和举报请通过 /api/objections、/api/false-materials-reports、/api/violation-reports 提交",
      Set.of(), false),
  /** Set or remove variables, modify, suspend or activate instances. */
  CHANGE_CASE_DATA("直接修改流程数据（流程变量的设置与删除、流程实例的修改、挂起与激活）", groups(CAMUNDA_ADMIN),
      "业务数据请通过任务表单办理", Set.of(), false),
  /** Start an instance at an inner activity, skipping the start event and its intake. */
  START_AT_INNER_ACTIVITY("从中间环节启动流程实例", groups(CAMUNDA_ADMIN), "流程只能从开始事件发起（经过申请受理）",
      Set.of(), false),
  /** Complete or submit a task a colleague has claimed. */
  COMPLETE_TASKS_CLAIMED_BY_OTHERS("办理他人已认领的任务", groups(CAMUNDA_ADMIN));

  private final boolean limit;
  private final String action;
  private final String hint;
  private final Set<String> variables;
  private final Set<String> groups;

  Capability(String action, Set<String> groups) {
    this(action, groups, null, Set.of(), false);
  }

  Capability(String action, Set<String> groups, String hint, Set<String> variables, boolean limit) {
    this.action = action;
    this.groups = Set.copyOf(groups);
    this.hint = hint;
    this.variables = Set.copyOf(variables);
    this.limit = limit;
  }

  /** True when the members are limited (refused {@link #action()}) instead of granted something. */
  public boolean isLimit() {
    return limit;
  }

  /** The groups holding this capability. */
  public Set<String> groups() {
    return groups;
  }

  /** The variables this capability reads (empty for capabilities about no variable group). */
  public Set<String> variables() {
    return variables;
  }

  /** What is refused, in Chinese (“无权{action}”). */
  public String action() {
    return action;
  }

  /** The allowed way, in Chinese; null when there is none to name. */
  public String hint() {
    return hint;
  }

  /** The groups of all the given capabilities. */
  public static Set<String> groupsOf(Capability... capabilities) {
    Set<String> all = new LinkedHashSet<>();
    for (Capability capability : capabilities) {
      all.addAll(capability.groups);
    }
    return Set.copyOf(all);
  }

  private static Set<String> groups(String... ids) {
    return Set.of(ids);
  }

  /** Government staff and experts who work on tasks in Tasklist. */
  private static Set<String> staff() {
    return Set.copyOf(Groups.ids(Groups.STAFF_GROUPS));
  }

  /** The bureaus of an area: the six counties' and the development zone's ({@link AccessPolicy#counties}). */
  private static Set<String> areaBureaus() {
    return plus(Set.copyOf(Groups.ids(Groups.COUNTY_GROUPS)), Groups.DEVZONE_BUREAU);
  }

  private static Set<String> plus(Set<String> groups, String group) {
    Set<String> all = new LinkedHashSet<>(groups);
    all.add(group);
    return all;
  }

  private static Set<String> minus(Set<String> groups, String group) {
    Set<String> all = new LinkedHashSet<>(groups);
    all.remove(group);
    return all;
  }
}
