package cn.gov.shuozhou.makerspace.e2e;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.falsematerials.EndedTitleReview;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.materials.PortalFiling;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import cn.gov.shuozhou.makerspace.supervision.SupervisionReports.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 13 §1, the main paths of {@code maker-space-supervision} (and of the review of false
 * materials after the title, {@code maker-space-ended-title-false-materials}) walked in Chromium
 * (zh-CN) through the web pages only, each step by its demo user: the operator files its annual
 * reports, its rectification and its statement (陈述申辩, or waives it) on its portal and reads its
 * 站内消息 there; city1 assesses, rewards, follows up a missing report, reviews the rectification and
 * the false materials and proposes the sanction in Tasklist, and reports violations and false
 * materials on the city bureau's reports page (/reports/); leader1 decides in Tasklist; the public
 * sees revocations and expiry on /public/registry and /public/announcements; a banned organisation's
 * next filing is not accepted on its portal; auditor1 reads the case's history in Cockpit. The space
 * is certified by the system ({@link CertificationDriver#certify}): the certification's pages are
 * walked by {@link CertificationJourneyBrowserTest}. The only shortcut is time
 * ({@link WebSteps#passTimer}).
 */
class SupervisionJourneyBrowserTest extends JourneyBrowserTest {

  /** The kinds of report as the reports page lists them. */
  private static final Map<Kind, String> REPORT_KINDS = Map.of(Kind.VIOLATION, "违规行为", Kind.FALSE_MATERIALS, "虚假材料");

  /** Year 1 优秀 and rewarded; year 2 不合格, rectified and passed; then a violation ends in revocation. */
  @Test
  void rewardedThenRectifiedThenRevokedForAViolation() throws Exception {
    String supervision = certified("朔州星火众创空间");
    String certificate = businessKey(supervision);
    String operator = operatorOf(supervision);

    annualReport(supervision, SupervisionFixtures.annualReport(12, 24, 3, 1_000_000));
    assess(supervision, "excellent", "报告内容属实，各项指标突出。");
    Task reward = web.task(supervision, TASK_REWARD);
    web.openTaskAs("city1", reward);
    web.type("Field_rewardAmount", "50000");
    web.type("Field_rewardNote", "年度考核优秀，给予奖励。");
    web.complete("grant-reward", reward);

    // the next year's report window: this once opened by the administrator in Cockpit
    web.runTimerInCockpit(supervision, "reportWindowOpens");
    annualReport(supervision, SupervisionFixtures.annualReport(1, 2, 0, 0));
    assess(supervision, "unqualified", "培训和孵化指标未达要求，限期整改。");
    Task rectify = web.task(supervision, TASK_RECTIFY);
    web.signInToPortal(operatorOf(supervision));
    By rectifyForm = web.openOnPortal(rectify);
    assertThat(browser.visible(By.id("rectifications")).getText()).as("the notice names its reason and deadline")
        .contains("培训和孵化指标未达要求").containsPattern("整改期限\\s*\\d{4}年\\d{1,2}月\\d{1,2}日");
    web.fillOnPortal(rectify, Map.of(RECTIFICATION_REPORT, "已增聘创业导师三名，每月开展培训两次。"));
    web.upload(rectifyForm, "RECTIFICATION", "整改报告1.pdf");
    web.submitOnPortal("rectify", rectify);
    Task reassessment = web.task(supervision, TASK_REASSESSMENT);
    web.openTaskAs("city1", reassessment);
    // left unticked, the form says what completing it starts
    browser.withText(By.cssSelector(".task-details .fjs-container"), "未勾选“整改合格”");
    web.tick("Field_rectificationPassed");
    browser.await().until(d -> !d.findElement(By.cssSelector(".task-details .fjs-container")).getText().contains("未勾选“整改合格”"));
    web.type("Field_reassessmentComment", "整改到位。");
    web.complete("reassessment", reassessment);
    assertThat(browser.await().until(d -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(supervision).variableName(RECTIFICATION_PASSED).singleResult()).getValue()).isEqualTo(true);

    reportViolation(certificate);
    String hearing = decideSanction(supervision, "取消朔州市众创空间称号", "擅自改变场地用途，情节严重。");
    statementOnPortal(hearing, "取消朔州市众创空间称号",
        Map.of(SanctionHearing.STATEMENT_TEXT, "场地用途调整已向区科技局报备，请求从轻处理。"));
    leadersApprove(hearing, "经局领导集体审定，同意取消称号。");
    assertOutcome(supervision, OUTCOME_REVOKED);
    // the operator's own portal says so too, not 已认定 from the certification
    web.signInToPortal(operator);
    assertThat(browser.withText(By.cssSelector("article.application"), "已取消称号").getText())
        .contains(certificate, "违反管理规定情节严重", "取消日期");

    publicSees("朔州星火众创空间", certificate, "已取消");
    announcedRevoked("朔州星火众创空间", certificate, "违反管理规定，情节严重（第十条）");

    auditorReadsTheHistory(supervision);
  }

  /**
   * Art. 9 on a certified space: a first report of false materials is not borne out (举报不属实) and
   * the supervision goes on; a second one is confirmed, the operator is heard, the leaders decide:
   * the title is revoked, and the organisation's next filing is not accepted during the ban.
   */
  @Test
  void falseMaterialsRevokeTheTitleAndBanTheOperator() throws Exception {
    String supervision = certified("朔州启明众创空间");
    String certificate = businessKey(supervision);
    String operator = operatorOf(supervision);
    String creditCode = (String) engine.getRuntimeService().getVariable(supervision, CREDIT_CODE);
    int banYears = Policy.ofValue(engine.getRuntimeService().getVariable(supervision, POLICY)).number(Policy.Output.BAN_YEARS);

    openReports();
    fileReport(Kind.FALSE_MATERIALS, certificate, "举报该空间申报时虚报了入驻团队数量。");
    reviewFalseMaterials(supervision, "举报该空间申报时虚报了入驻团队数量。", false, "经核对入驻协议和现场名册，入驻团队数量属实，举报不属实。");
    browser.await().until(d -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(supervision).activityId("falseMaterialsDismissed").finished().count() == 1);
    publicSpacePage(certificate, "有效");

    openReports();
    fileReport(Kind.FALSE_MATERIALS, certificate, "举报该空间申报时提交的场地租赁合同系伪造。");
    reviewFalseMaterials(supervision, "举报该空间申报时提交的场地租赁合同系伪造。", true, "经向出租方核实，所附租赁合同系伪造，确属提供虚假材料。");
    String hearing = hearingOf(supervision);
    statementOnPortal(hearing, banYears + "年内不再受理其认定申请",
        Map.of(SanctionHearing.STATEMENT_TEXT, "合同由原经办人提供，本单位并不知情，请求从轻处理。"));
    leadersApprove(hearing, "经局领导集体审定，同意取消称号并禁止申请。");
    assertOutcome(supervision, OUTCOME_REVOKED);

    publicSees("朔州启明众创空间", certificate, "已取消");
    announcedRevoked("朔州启明众创空间", certificate, "提供虚假材料（第九条）");
    filingRefusedForTheBan(operator, creditCode, "朔州启明众创空间");
  }

  /**
   * A violation ends in a warning (the milder sanction of Art. 10): the operator waives its statement
   * and the title stays valid. The next year's report is not filed: the operator is reminded and told
   * it is overdue in its 站内消息, city1 follows up and treats it as not submitted, which fails the
   * year (Art. 7, 8); the rectification ordered for it fails the reassessment; nobody states a case
   * within the period; the leaders revoke the title (Art. 8).
   */
  @Test
  void warnedThenReportNotSubmittedAndRectificationFailedRevoke() throws Exception {
    String supervision = certified("朔州拓新众创空间");
    String certificate = businessKey(supervision);
    String operator = operatorOf(supervision);

    openReports();
    fileReport(Kind.VIOLATION, certificate, "未经批准在孵化场地内举办商业促销活动。");
    String warning = decideSanction(supervision, "警告", "首次违规，情节轻微，予以警告。");
    statementOnPortal(warning, "予以警告", Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    leadersApprove(warning, "同意予以警告。");
    browser.await().until(d -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(supervision).activityId("warned").finished().count() == 1);
    publicSpacePage(certificate, "有效");

    timePasses(supervision, "reportWindowOpens");
    web.task(supervision, TASK_SUBMIT_REPORT);
    timePasses(supervision, "reportReminderDue");
    timePasses(supervision, "reportOverdue");
    inboxOnPortal(operator, "处理决定通知", "年度报告即将截止", "年度报告已逾期");

    Task followUp = web.task(supervision, TASK_FOLLOW_UP_LATE_REPORT);
    web.openTaskAs("city1", followUp);
    assertThat(browser.visible(By.cssSelector(".task-details .fjs-form")).getText()).as("the due day, as people read it")
        .containsPattern("报送截止日期：\\d{4}年\\d{1,2}月\\d{1,2}日").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
    web.type("Field_followUpNote", "已两次电话催报，运营机构仍未提交年度报告。");
    web.tick("Field_reportMissing");
    web.complete("follow-up-late-report", followUp);

    Task rectify = web.task(supervision, TASK_RECTIFY);
    web.signInToPortal(operator);
    By rectifyForm = web.openOnPortal(rectify);
    assertThat(browser.visible(rectifyForm).getText()).as("the order on the portal").contains("逾期未提交")
        .containsPattern("截止日期 \\d{4}年\\d{1,2}月\\d{1,2}日").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
    web.fillOnPortal(rectify, Map.of(RECTIFICATION_REPORT, "已补交年度报告，今后按期报送。"));
    web.submitOnPortal("rectify", rectify);

    Task reassessment = web.task(supervision, TASK_REASSESSMENT);
    web.openTaskAs("city1", reassessment);
    assertThat(browser.visible(By.cssSelector(".fjs-container textarea[id$='Field_rectificationReason']"))
        .getDomProperty("value")).as("why the year failed, for city1").contains("逾期未提交").contains("经催报仍未提交");
    assertThat(browser.visible(By.cssSelector(".task-details .fjs-form")).getText()).as("the deadline, as people read it")
        .containsPattern("整改期限：\\d{4}年\\d{1,2}月\\d{1,2}日");
    web.type("Field_reassessmentComment", "补交的报告缺少培训和孵化数据，整改不合格。");
    web.complete("reassessment-failed", reassessment);

    String hearing = hearingOf(supervision);
    web.passTimer(hearing, "statementPeriodEnds");
    leadersApprove(hearing, "整改仍不合格，同意取消称号。");
    assertOutcome(supervision, OUTCOME_REVOKED);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(supervision)
        .activityId("reportNotSubmitted").count()).isEqualTo(1);

    publicSees("朔州拓新众创空间", certificate, "已取消");
    announcedRevoked("朔州拓新众创空间", certificate, "年度考核不合格，经限期整改仍不合格（第八条）");
  }

  /**
   * Art. 10 twice. A first violation: city1 proposes the revocation, the operator states its case,
   * leader1 does not approve (不同意处理建议): the title stays valid on the portal and the public
   * registry, and the hearing's history names who decided and why. A second violation: city1
   * proposes a rectification, approved; the operator's rectification report fails the reassessment,
   * no statement comes within the period, leader1 approves the revocation (the error end
   * rectificationFailedViolation): revoked for the violation.
   */
  @Test
  void revocationNotApprovedThenARectificationForAViolationFailsAndRevokes() throws Exception {
    String supervision = certified("朔州鸿图众创空间");
    String certificate = businessKey(supervision);
    String operator = operatorOf(supervision);

    openReports();
    fileReport(Kind.VIOLATION, certificate, "擅自将部分公共服务场地转租用于办公。");
    String refused = decideSanction(supervision, "取消朔州市众创空间称号", "公共服务面积低于认定条件，情节严重。");
    statementOnPortal(refused, "取消朔州市众创空间称号",
        Map.of(SanctionHearing.STATEMENT_TEXT, "转租系临时安排，已于当月收回并恢复公共服务用途。"));
    leadersDecide(refused, "不同意处理建议", "场地已恢复原用途，情节较轻，不同意取消称号。");
    browser.await().until(d -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(supervision).activityId("sanctionNotApproved").finished().count() == 1);
    assertThat(engine.getRuntimeService().getVariable(supervision, OUTCOME)).as("the title stays").isNull();
    inboxOnPortal(operator, "不予处理通知");
    assertThat(browser.visible(By.cssSelector("article.application")).getText()).as("the operator's title on its portal").contains("已认定").contains(certificate);
    // the case page says how the hearing ended, not only that a statement was given
    browser.click(By.cssSelector("article.application a[href*='case.html']"));
    assertThat(browser.withText(By.id("hearings"), "审定结果").getText()).contains("不同意处理建议");
    web.checkPage("portal-title-stays", "document");
    publicSpacePage(certificate, "有效");
    web.openHistoryInCockpit("auditor1", refused);
    assertThat(web.historyValue(SanctionHearing.LEADER_DECISION)).isEqualTo("不同意处理建议");
    assertThat(web.historyValue(SanctionHearing.LEADER_DECIDED_BY)).isEqualTo("leader1");
    assertThat(web.historyValue(SanctionHearing.LEADER_COMMENT)).isEqualTo("场地已恢复原用途，情节较轻，不同意取消称号。");
    web.checkPage("cockpit-hearing-history", ".audit-variables");

    openReports();
    fileReport(Kind.VIOLATION, certificate, "对入驻团队收取高额服务费。");
    String rectification = decideSanction(supervision, "限期整改", "限期退还违规收取的服务费。");
    statementOnPortal(rectification, "责令限期整改", Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    leadersApprove(rectification, "同意责令限期整改。");
    Task rectify = web.task(supervision, TASK_RECTIFY);
    web.signInToPortal(operator);
    web.openOnPortal(rectify);
    web.fillOnPortal(rectify, Map.of(RECTIFICATION_REPORT, "已退还部分服务费，其余正在协商。"));
    web.submitOnPortal("rectify-violation", rectify);
    Task reassessment = web.task(supervision, TASK_REASSESSMENT);
    web.openTaskAs("city1", reassessment);
    assertThat(browser.visible(By.cssSelector(".fjs-container textarea[id$='Field_rectificationReason']"))
        .getDomProperty("value")).as("why the space rectifies, for city1").contains("第十条").contains("对入驻团队收取高额服务费");
    web.type("Field_reassessmentComment", "仍有服务费未退还，整改不合格。");
    web.complete("reassessment-violation-failed", reassessment);

    String hearing = hearingOf(supervision);
    web.passTimer(hearing, "statementPeriodEnds");
    leadersApprove(hearing, "整改不合格，同意取消称号。");
    assertOutcome(supervision, OUTCOME_REVOKED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(supervision)
        .variableName(REVOCATION_REASON).list()).extracting(HistoricVariableInstance::getValue).contains(REVOKED_VIOLATION);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(supervision)
        .activityId("rectificationFailedViolation").count()).isEqualTo(1);
    announcedRevoked("朔州鸿图众创空间", certificate, "违反管理规定，情节严重（第十条）");
  }

  /**
   * The title expires after its three years and the registry says so (the first report window,
   * open since the certification, keeps the supervision waiting for that year's report). False
   * materials reported afterwards are still reviewed (Art. 9): confirmed, heard and decided, they ban
   * the operator from applying; the expired title stays expired.
   */
  @Test
  void expiresAfterThreeYearsThenFalseMaterialsBanTheOperator() throws Exception {
    String supervision = certified("朔州晨曦创客空间");
    String certificate = businessKey(supervision);
    String operator = operatorOf(supervision);
    String creditCode = (String) engine.getRuntimeService().getVariable(supervision, CREDIT_CODE);
    int banYears = Policy.ofValue(engine.getRuntimeService().getVariable(supervision, POLICY)).number(Policy.Output.BAN_YEARS);
    web.passTimer(supervision, "validityEnds");
    HistoricVariableInstance outcome = browser.await().until(d -> engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(supervision).variableName(OUTCOME).singleResult());
    assertThat(outcome.getValue()).isEqualTo(OUTCOME_EXPIRED);
    publicSees("朔州晨曦创客空间", certificate, "已到期");

    openReports();
    fileReport(Kind.FALSE_MATERIALS, certificate, "举报该空间认定时提交的财务报表系虚构。");
    String review = browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EndedTitleReview.KEY).processInstanceBusinessKey(certificate).singleResult()).getId();
    reviewFalseMaterials(review, "举报该空间认定时提交的财务报表系虚构。", true, "经审计核实，所附财务报表系虚构，确属提供虚假材料。");
    String hearing = hearingOf(review);
    statementOnPortal(hearing, "自处理决定之日起" + banYears + "年内不再受理其认定申请",
        Map.of(SanctionHearing.STATEMENT_WAIVED, true));
    leadersApprove(hearing, "同意禁止其申请。");
    browser.await().until(d -> engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(review).activityId("bannedAfterTitle").finished().count() == 1);

    publicSpacePage(certificate, "已到期");
    filingRefusedForTheBan(operator, creditCode, "朔州晨曦创客空间");
    // the supervision still awaits the last year's report; its title was not revoked
    assertThat(engine.getRuntimeService().getVariable(supervision, OUTCOME)).isEqualTo(OUTCOME_EXPIRED);
  }

  /** A space certified by the system for a new organisation account; returns its supervision's instance id. */
  private String certified(String spaceName) throws Exception {
    String creditCode = Applications.newCreditCode();
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    application.put(CertificationProcess.SPACE_NAME, spaceName);
    String number = new PortalFiling(this::uri).fileWithMaterials(OrganisationAccounts.ownerOf(engine, creditCode),
        application, Multipart.pdf(creditCode));
    String certification = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    new CertificationDriver(engine).certify(certification);
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(certification)
        .variableName(CertificationProcess.SUPERVISION_INSTANCE_ID).singleResult().getValue();
  }

  /**
   * Time passes until the instance's timer {@code activityId} has fired (once: a yearly timer's
   * later runs are passed with {@link WebSteps#passTimer}). The dates are the real calendar's: a
   * timer may be due at once (a report window already open on the day of certification) and fired
   * by the job executor; then there is nothing to pass.
   */
  private void timePasses(String instance, String activityId) {
    boolean pending = browser.await().until(d -> {
      if (engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityId(activityId).finished().count() > 0) {
        return Optional.of(false);
      }
      return engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId).timers()
          .count() > 0 ? Optional.of(true) : null;
    }).orElseThrow();
    if (pending) {
      web.passTimer(instance, activityId);
    }
  }

  /** The report window opens (time passes) and the operator files the report on its portal. */
  private void annualReport(String supervision, Map<String, Object> figures) {
    timePasses(supervision, "reportWindowOpens");
    Task report = web.task(supervision, TASK_SUBMIT_REPORT);
    web.signInToPortal(operatorOf(supervision));
    web.openOnPortal(report);
    web.fillOnPortal(report, figures);
    web.submitOnPortal("annual-report", report);
  }

  /** city1 confirms the report in Tasklist; the decision annual-assessment has graded it {@code grade}. */
  private void assess(String supervision, String grade, String comment) {
    Task assessment = web.task(supervision, TASK_ASSESSMENT);
    assertThat(engine.getRuntimeService().getVariable(supervision, ASSESSMENT_GRADE)).isEqualTo(grade);
    web.openTaskAs("city1", assessment);
    web.tickOn("Field_reportConfirmed");
    web.type("Field_assessmentComment", comment);
    web.complete("annual-assessment-" + grade, assessment);
  }

  /**
   * city1 reports the violation on the city bureau's reports page: first without a description,
   * refused at that field with nothing started, then in full.
   */
  private void reportViolation(String certificate) {
    openReports();
    browser.visible(By.id("report-certificate")).sendKeys(certificate);
    browser.click(By.id("report-submit"));
    assertThat(browser.visible(By.id("report-text-field-error")).getText()).contains("违规情况描述");
    assertThat(browser.driver().findElement(By.id("report-text")).getDomAttribute("aria-invalid")).isEqualTo("true");
    web.checkPage("report-refused", "document");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(certificate)
        .taskDefinitionKey(TASK_SANCTION).count()).as("nothing started").isZero();
    fileReport(Kind.VIOLATION, certificate, "擅自将公共服务场地出租用于餐饮经营。");
  }

  /** city1 signs in on the city bureau's reports page (违规与虚假材料举报). */
  private void openReports() {
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(web.url("/reports/"));
    browser.visible(By.id("login-username")).sendKeys("city1");
    browser.driver().findElement(By.id("login-password")).sendKeys("city1");
    browser.click(By.id("login-submit"));
    browser.visible(By.id("report-certificate"));
  }

  /** On the open reports page: a report of {@code kind} on the certificate, filed and listed. */
  private void fileReport(Kind kind, String certificate, String text) {
    browser.click(By.cssSelector("#report-form input[name='kind'][value='" + kind.name() + "']"));
    WebElement number = browser.visible(By.id("report-certificate"));
    number.clear();
    number.sendKeys(certificate);
    WebElement content = browser.driver().findElement(By.id("report-text"));
    content.clear();
    content.sendKeys(text);
    web.checkPage("report", "document");
    browser.click(By.id("report-submit"));
    browser.withText(By.id("report-done"), certificate);
    web.screenshot("report-filed");
    assertThat(browser.visible(By.id("report-list")).getText()).contains(certificate).contains(REPORT_KINDS.get(kind))
        .contains(text).contains("city1");
  }

  /** city1 proposes {@code sanction} for the reported violation in Tasklist; returns the hearing it calls. */
  private String decideSanction(String supervision, String sanction, String note) {
    Task decide = web.task(supervision, TASK_SANCTION);
    web.openTaskAs("city1", decide);
    // what city1 chooses is a proposal: the leaders decide after the hearing
    assertThat(browser.withText(By.cssSelector(".task-details .fjs-container"), "处理建议").getText()).contains("由局领导审定");
    web.choose(sanction);
    web.type("Field_sanctionNote", note);
    web.complete("decide-sanction", decide);
    return hearingOf(supervision);
  }

  /** city1 reviews the false-materials report in Tasklist: confirmed (确属虚假材料) or not, with its finding. */
  private void reviewFalseMaterials(String instance, String reportText, boolean confirmed, String finding) {
    Task review = web.task(instance, TASK_FALSE_MATERIALS);
    web.openTaskAs("city1", review);
    assertThat(browser.visible(By.cssSelector(".fjs-container textarea[id$='Field_reportText']")).getDomProperty("value"))
        .as("the report in the form").isEqualTo(reportText);
    if (confirmed) {
      web.tick("Field_falseMaterialsConfirmed");
    }
    web.type("Field_falseMaterialsFinding", finding);
    web.complete("review-false-materials-" + (confirmed ? "confirmed" : "dismissed"), review);
  }

  /** The hearing (告知、陈述申辩与局领导审定) the case has called, once it runs. */
  private String hearingOf(String caller) {
    return browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller).processDefinitionKey(SanctionHearing.KEY).singleResult()).getId();
  }

  /** The operator reads the notice (告知书) of {@code proposal} on its portal and answers it with {@code answer}. */
  private void statementOnPortal(String hearing, String proposal, Map<String, Object> answer) {
    Task statement = web.task(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT);
    web.signInToPortal(operatorOf(hearing));
    By form = web.openOnPortal(statement);
    assertThat(browser.visible(form).getText()).as("the notice (告知书) on the portal")
        .contains("告知书").contains(proposal);
    web.fillOnPortal(statement, answer);
    web.submitOnPortal("statement", statement);
  }

  /** leader1 approves the proposal of the hearing in Tasklist. */
  private void leadersApprove(String hearing, String comment) {
    leadersDecide(hearing, "同意处理建议", comment);
  }

  /** leader1 decides on the proposal of the hearing in Tasklist: {@code choice} as the form labels it. */
  private void leadersDecide(String hearing, String choice, String comment) {
    Task leaders = web.task(hearing, SanctionHearing.TASK_LEADER_DECISION);
    web.openTaskAs("leader1", leaders);
    web.choose(choice);
    web.type("Field_leaderComment", comment);
    web.complete("leader-sanction-decision", leaders);
  }

  /**
   * The operator opens its portal and finds each of {@code subjects} among its 站内消息 (sent in the
   * background a few seconds after the step: the page is reloaded until they are there).
   */
  private void inboxOnPortal(String operator, String... subjects) {
    web.signInToPortal(operator);
    browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
      String inbox = d.findElement(By.id("inbox")).getText();
      if (Arrays.stream(subjects).allMatch(inbox::contains)) {
        return true;
      }
      if (!inbox.isBlank()) {
        d.navigate().refresh();
      }
      return false;
    });
    web.checkPage("portal-inbox", "#inbox");
  }

  /**
   * The organisation files a new application for its space on the portal while it is banned: the
   * portal tells it at once that the application is not accepted, and why (Art. 9).
   */
  private void filingRefusedForTheBan(String operator, String creditCode, String spaceName) {
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    application.put(CertificationProcess.SPACE_NAME, spaceName);
    application.put(CertificationProcess.DECLARATION_CONFIRMED, true); // the pledge ticked, as the form asks
    web.signInToPortal(operator);
    web.fileNotAcceptedOnPortal(application, "因提供虚假材料被取消认定资格", "前不受理其认定申请（第九条）");
  }

  /** Searching the public registry for the space finds its certificate with {@code status}. */
  private void publicSees(String spaceName, String certificate, String status) {
    publicVisitor();
    browser.open(web.url("/public/registry?q=" + URLEncoder.encode(spaceName, StandardCharsets.UTF_8)));
    WebElement row = browser.visible(By.xpath("//main//tr[.//a[normalize-space(.)='" + certificate + "']]"));
    assertThat(row.getText()).contains(status);
    web.checkPage("public-registry-" + status, "document");
  }

  /**
   * A visitor of the public pages, signed in nowhere, who has not seen them in the last minute: the
   * browser may keep a public page that long (publicpages/PublicCaching), and a journey checks what
   * is published now.
   */
  private void publicVisitor() {
    browser.clearCookies();
    ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  /** The space's own page on the public registry shows {@code status}. */
  private void publicSpacePage(String certificate, String status) {
    publicVisitor();
    browser.open(web.url("/public/registry/" + certificate));
    assertThat(browser.visible(By.id("status")).getText()).contains(status);
    web.checkPage("public-space-" + status, "document");
  }

  /** 公告 lists the space's revocation with its grounds. */
  private void announcedRevoked(String spaceName, String certificate, String grounds) {
    publicVisitor();
    browser.open(web.url("/public/announcements"));
    WebElement row = browser.visible(By.xpath("//section[@id='revoked']//tr[contains(., '" + certificate + "')]"));
    assertThat(row.getText()).contains(spaceName).contains(grounds);
    web.checkPage("public-announcements", "document");
  }

  /** auditor1 opens the supervision's history in Cockpit: its values in Chinese, not as codes. */
  private void auditorReadsTheHistory(String supervision) {
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(web.url("/camunda/app/cockpit/default/#/process-instance/" + supervision));
    browser.signInToWebapp("auditor1");
    browser.await().until(d -> d.getCurrentUrl().contains("/process-instance/" + supervision + "/history"));
    browser.visible(By.cssSelector(".audit-timeline"));
    browser.click(By.cssSelector(".audit-tabs a[data-tab='variables']"));
    assertThat(shownValue(OUTCOME)).isEqualTo("已取消称号");
    assertThat(shownValue(SANCTION)).isEqualTo("取消朔州市众创空间称号");
    web.checkPage("cockpit-history", ".audit-variables");
  }

  private String shownValue(String variable) {
    return browser.visible(By.cssSelector(".audit-variables tr[data-variable='" + variable + "']"))
        .findElements(By.tagName("td")).get(2).getText();
  }

}
