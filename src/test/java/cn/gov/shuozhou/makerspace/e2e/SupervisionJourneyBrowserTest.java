package cn.gov.shuozhou.makerspace.e2e;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.materials.PortalFiling;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 13 §1, the main paths of {@code maker-space-supervision} walked in Chromium (zh-CN) through
 * the web pages only, each step by its demo user: the operator files its annual reports, its
 * rectification and its statement (陈述申辩) on its portal; city1 assesses, rewards, reviews the
 * rectification and proposes the sanction in Tasklist and reports the violation on the city
 * bureau's reports page (/reports/); leader1 decides in Tasklist; the public sees the revocation and
 * the expiry on /public/registry and /public/announcements; auditor1 reads the case's history in
 * Cockpit. The space is certified by the system ({@link CertificationDriver#certify}): the
 * certification's pages are walked by {@link CertificationJourneyBrowserTest}. The only shortcut is
 * time ({@link WebSteps#passTimer}).
 */
class SupervisionJourneyBrowserTest extends JourneyBrowserTest {


  /** Year 1 优秀 and rewarded; year 2 不合格, rectified and passed; then a violation ends in revocation. */
  @Test
  void rewardedThenRectifiedThenRevokedForAViolation() throws Exception {
    String supervision = certified("朔州星火众创空间");
    String certificate = businessKey(supervision);

    annualReport(supervision, SupervisionFixtures.annualReport(12, 24, 3, 1_000_000));
    assess(supervision, "excellent", "报告内容属实，各项指标突出。");
    Task reward = web.task(supervision, TASK_REWARD);
    web.signIn("city1");
    web.openTask(reward);
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
    web.fillOnPortal(rectify, Map.of(RECTIFICATION_REPORT, "已增聘创业导师三名，每月开展培训两次。"));
    web.upload(rectifyForm, "RECTIFICATION", "整改报告1.pdf");
    web.submitOnPortal("rectify", rectify);
    Task reassessment = web.task(supervision, TASK_REASSESSMENT);
    web.signIn("city1");
    web.openTask(reassessment);
    web.tick("Field_rectificationPassed");
    web.type("Field_reassessmentComment", "整改到位。");
    web.complete("reassessment", reassessment);
    assertThat(browser.await().until(d -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(supervision).variableName(RECTIFICATION_PASSED).singleResult()).getValue()).isEqualTo(true);

    reportViolation(certificate);
    Task decide = web.task(supervision, TASK_SANCTION);
    web.signIn("city1");
    web.openTask(decide);
    web.choose("取消朔州市众创空间称号");
    web.type("Field_sanctionNote", "擅自改变场地用途，情节严重。");
    web.complete("decide-sanction", decide);

    String hearing = browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(supervision).processDefinitionKey(SanctionHearing.KEY).singleResult()).getId();
    Task statement = web.task(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT);
    web.signInToPortal(operatorOf(supervision));
    By statementForm = web.openOnPortal(statement);
    assertThat(browser.visible(statementForm).getText()).as("the notice (告知书) on the portal")
        .contains("告知书").contains("取消朔州市众创空间称号");
    web.fillOnPortal(statement, Map.of(SanctionHearing.STATEMENT_TEXT, "场地用途调整已向区科技局报备，请求从轻处理。"));
    web.submitOnPortal("statement", statement);

    Task leaders = web.task(hearing, SanctionHearing.TASK_LEADER_DECISION);
    web.signIn("leader1");
    web.openTask(leaders);
    web.choose("同意处理建议");
    web.type("Field_leaderComment", "经局领导集体审定，同意取消称号。");
    web.complete("leader-sanction-decision", leaders);
    assertOutcome(supervision, OUTCOME_REVOKED);

    publicSees("朔州星火众创空间", certificate, "已取消");
    browser.open(web.url("/public/announcements"));
    assertThat(browser.visible(By.id("revoked")).getText()).contains("朔州星火众创空间").contains(certificate);
    web.checkPage("public-announcements", "document");

    auditorReadsTheHistory(supervision);
  }

  /** No report is asked before the end: the title expires after its three years and the registry says so. */
  @Test
  void expiresAfterThreeYears() throws Exception {
    String supervision = certified("朔州晨曦创客空间");
    web.passTimer(supervision, "validityEnds");
    HistoricVariableInstance outcome = browser.await().until(d -> engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(supervision).variableName(OUTCOME).singleResult());
    assertThat(outcome.getValue()).isEqualTo(OUTCOME_EXPIRED);
    publicSees("朔州晨曦创客空间", businessKey(supervision), "已到期");
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

  /** The report window opens (time passes) and the operator files the report on its portal. */
  private void annualReport(String supervision, Map<String, Object> figures) {
    if (engine.getTaskService().createTaskQuery().processInstanceId(supervision).taskDefinitionKey(TASK_SUBMIT_REPORT)
        .count() == 0) {
      web.passTimer(supervision, "reportWindowOpens");
    }
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
    web.signIn("city1");
    web.openTask(assessment);
    web.tickOn("Field_reportConfirmed");
    web.type("Field_assessmentComment", comment);
    web.complete("annual-assessment-" + grade, assessment);
  }

  /**
   * city1 reports the violation on the city bureau's reports page: first without a description,
   * refused at that field with nothing started, then in full.
   */
  private void reportViolation(String certificate) {
    browser.clearCookies();
    browser.open(web.url("/reports/"));
    browser.visible(By.id("login-username")).sendKeys("city1");
    browser.driver().findElement(By.id("login-password")).sendKeys("city1");
    browser.click(By.id("login-submit"));
    WebElement number = browser.visible(By.id("report-certificate"));
    number.sendKeys(certificate);
    browser.click(By.id("report-submit"));
    assertThat(browser.visible(By.id("report-text-field-error")).getText()).contains("违规情况描述");
    assertThat(browser.driver().findElement(By.id("report-text")).getDomAttribute("aria-invalid")).isEqualTo("true");
    web.checkPage("report-refused", "document");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(certificate)
        .taskDefinitionKey(TASK_SANCTION).count()).as("nothing started").isZero();

    browser.driver().findElement(By.id("report-text")).sendKeys("擅自将公共服务场地出租用于餐饮经营。");
    web.checkPage("report", "document");
    browser.click(By.id("report-submit"));
    browser.withText(By.id("report-done"), certificate);
    assertThat(browser.visible(By.id("report-list")).getText()).contains(certificate).contains("违规行为")
        .contains("city1");
  }

  /** Searching the public registry for the space finds its certificate with {@code status}. */
  private void publicSees(String spaceName, String certificate, String status) {
    browser.clearCookies();
    browser.open(web.url("/public/registry?q=" + URLEncoder.encode(spaceName, StandardCharsets.UTF_8)));
    WebElement row = browser.visible(By.xpath("//main//tr[.//a[normalize-space(.)='" + certificate + "']]"));
    assertThat(row.getText()).contains(status);
    web.checkPage("public-registry-" + status, "document");
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
