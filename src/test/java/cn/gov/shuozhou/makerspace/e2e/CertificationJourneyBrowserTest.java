package cn.gov.shuozhou.makerspace.e2e;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.materials.MaterialFile;
import cn.gov.shuozhou.makerspace.materials.MaterialFiles;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13 §1: every path of {@code maker-space-certification} walked in Chromium (zh-CN) through
 * the web pages only, each step by the demo user whose role it is: the operator files on its portal
 * with its materials, supplements there with a new version of a material and files its annual
 * report there (never in Tasklist), the county reviewer, the inspector, the city bureau, three
 * experts and the leader complete their Camunda Forms, a citizen objects on the public notice page.
 * The only shortcut is time ({@link WebSteps#passTimer}). Each step checks its page for Latin words
 * and axe-core violations and, on demand, saves a screenshot ({@link WebSteps#SCREENSHOTS}). One
 * browser and one application for the whole class.
 */
class CertificationJourneyBrowserTest extends JourneyBrowserTest {

  /** A resident ID number with a valid GB 11643 check character (a made-up person). */
  private static final String ID_NUMBER = "140602198506120011";

  @Autowired MaterialFiles materials;
  @Autowired BanRegistry bans;

  /** Certification's main path, then the supervision's first year: annual report and assessment. */
  @Test
  void certifiedAfterAnObjectionIsDismissedThenReportsAndIsAssessed() {
    String pi = apply("晋北创客谷");
    String creditCode = (String) engine.getRuntimeService().getVariable(pi, CREDIT_CODE);
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, true);
    bureauDecides(pi, "同意认定");
    String number = businessKey(pi);

    object(number, false);
    handleObjection(pi, false);
    web.passTimer(pi);

    assertOutcome(pi, "CERTIFIED");
    browser.open(web.url("/public/registry?q=" + URLEncoder.encode("晋北创客谷", StandardCharsets.UTF_8)));
    browser.withText(By.tagName("main"), "晋北创客谷");
    web.checkPage("public-registry", "document");

    String supervision = browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SupervisionProcess.KEY).variableValueEquals(SupervisionProcess.APPLICATION_NUMBER, number)
        .singleResult()).getId();
    web.passTimer(supervision); // the annual report window opens
    Task report = web.task(supervision, SupervisionProcess.TASK_SUBMIT_REPORT);
    web.signInToPortal(operatorOf(supervision));
    web.openOnPortal(report);
    web.fillOnPortal(report, SupervisionFixtures.annualReport(12, 12, 1, 50_000));
    web.submitOnPortal("annual-report", report);
    // the space holds a valid title: filed again before the renewal period, it is not accepted
    String again = filedAgainNotAccepted(application(creditCode, "晋北创客谷", Map.of()), "持有有效期内的认定证书");

    Task assessment = web.task(supervision, SupervisionProcess.TASK_ASSESSMENT);
    web.openTaskAs("city1", assessment);
    web.tickOn("Field_reportConfirmed");
    web.type("Field_assessmentComment", "报告内容属实，考核合格。");
    web.complete("annual-assessment", assessment);
    assertThat(browser.await().until(d -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(supervision).variableName(SupervisionProcess.REPORT_CONFIRMED).singleResult()).getValue())
        .isEqualTo(true);

    web.openHistoryInCockpit("auditor1", again);
    assertThat(web.historyValue(OUTCOME)).isEqualTo("不予受理");
    assertThat(web.historyValue(OUTCOME_REASON)).contains("持有有效期内的认定证书");
    web.checkPage("cockpit-not-accepted", ".audit-variables");
  }

  @Test
  void returnedForSupplementThenRejectedAtFirstReview() {
    String pi = apply("怀仁众创工场");
    Task review = web.task(pi, TASK_FIRST_REVIEW);
    web.openTaskAs("shuocheng1", review);
    web.choose("退回补正");
    web.type("Field_firstReviewComment", "请补充场地租赁合同的期限说明。");
    web.complete("first-review-return", review);

    Task supplement = web.task(pi, TASK_SUPPLEMENT);
    web.signInToPortal(operatorOf(pi));
    By form = web.openOnPortal(supplement);
    web.fillOnPortal(supplement, Map.of(LEASE_YEARS, 8));
    web.upload(form, "REGISTRATION", "营业执照2.pdf"); // a new version of a filed material
    web.submitOnPortal("supplement", supplement);
    assertThat(materials.ofCase(businessKey(pi))).as("the new version, submitted with the supplement")
        .filteredOn(f -> f.materialCode().equals("REGISTRATION"))
        .extracting(MaterialFile::version, MaterialFile::fileName, MaterialFile::submitted)
        .contains(tuple(2, "营业执照2.pdf", true));

    review = web.task(pi, TASK_FIRST_REVIEW);
    web.openTaskAs("shuocheng1", review);
    // the reviewer sees what was asked for, and decides afresh on an empty comment
    assertThat(web.shown("Field_returnReason")).isEqualTo("初审退回补正：请补充场地租赁合同的期限说明。");
    assertThat(web.shown("Field_firstReviewComment")).isEmpty();
    web.choose("不予通过");
    web.type("Field_firstReviewComment", "场地不在本辖区。");
    web.complete("first-review-reject", review);
    assertOutcome(pi, "REJECTED");
  }

  @Test
  void rejectedByTheExperts() {
    String pi = apply("平鲁双创基地");
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, false);
    assertOutcome(pi, "REJECTED");
  }

  @Test
  void rejectedByTheBureau() {
    String pi = apply("山阴创新工坊");
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, true);
    bureauDecides(pi, "不予认定");
    assertOutcome(pi, "REJECTED");
  }

  @Test
  void notCertifiedWhenAnObjectionIsUpheld() {
    String pi = apply("应县创客空间");
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, true);
    bureauDecides(pi, "同意认定");
    object(businessKey(pi), true);
    handleObjection(pi, true);
    assertOutcome(pi, "REJECTED");
  }

  /**
   * A lease too short for Art. 4: the pre-check asks for a supplement (补正通知书 on the portal). The
   * operator files the same space again while this application is in progress: not accepted as a
   * duplicate (不予受理通知书; city1 reads why in Cockpit). It withdraws the first on its portal
   * instead of supplementing and finds the 终止办理通知书 there.
   */
  @Test
  void withdrawnByTheOperatorWhenAskedToSupplement() {
    Map<String, Object> changes = Map.of(LEASE_YEARS, 3);
    String pi = apply("右玉创客驿站", changes);
    // the filing's answer says at once that the pre-check wants a supplement, and why
    assertThat(browser.visible(By.cssSelector("#apply-done .apply-supplement")).getText())
        .contains("预审发现以下事项不符合认定条件，需要补正", "第四条", "补正后重新提交");
    String operator = operatorOf(pi);
    Task supplement = web.task(pi, TASK_SUPPLEMENT);
    String number = businessKey(pi);
    assertThat(web.letterOnPortal("supplement-notice", number, "SUPPLEMENT_NOTICE")).contains("补正通知书");

    String again = filedAgainNotAccepted(
        application((String) engine.getRuntimeService().getVariable(pi, CREDIT_CODE), "右玉创客驿站", changes),
        "已有正在办理的认定申请");
    web.openHistoryInCockpit("city1", again);
    assertThat(web.historyValue(OUTCOME)).isEqualTo("不予受理");
    assertThat(web.historyValue(OUTCOME_REASON)).contains("不予重复受理");
    web.checkPage("cockpit-not-accepted", ".audit-variables");

    web.signInToPortal(operator);
    web.openOnPortal(supplement);
    web.fillOnPortal(supplement, Map.of(WITHDRAWN, true));
    web.submitOnPortal("withdraw", supplement);
    assertOutcome(pi, "WITHDRAWN");
    assertThat(web.letterOnPortal("withdrawn", number, "TERMINATION_NOTICE"))
        .contains("已撤回", "申请人撤回申请", "终止办理通知书");
  }

  /** Asked to supplement, the operator does not answer; the deadline passes and the application lapses. */
  @Test
  void lapsedWhenTheSupplementIsNotAnswered() {
    String pi = apply("朔州开发区创客汇", Map.of(LEASE_YEARS, 3));
    web.task(pi, TASK_SUPPLEMENT);
    String number = businessKey(pi);
    web.passTimer(pi, "supplementDeadline");
    assertOutcome(pi, "LAPSED");
    assertThat(web.letterOnPortal("lapsed", number, "TERMINATION_NOTICE"))
        .contains("申请失效", "终止办理通知书");
  }

  /**
   * inspector1 sends the case back to the first review (退回, with its reason); the county reviewer
   * approves again, now suspecting false materials; the inspection finds the operation not as
   * declared; city1 confirms the false materials, the operator states its case on the portal, but
   * leader1 does not follow the proposed ban, so the inspection's result stands. auditor1 reads the
   * finished case's history in Cockpit, in Chinese.
   */
  @Test
  void sentBackFromInspectionThenRejectedAtInspection() {
    String pi = apply("怀仁青创空间");
    approveFirstReview(pi);
    web.signIn("inspector1");
    web.sendBack("inspection-send-back", web.task(pi, TASK_INSPECTION), "租赁合同复印件不清晰，请初审核实原件。");
    Task review = web.task(pi, TASK_FIRST_REVIEW);
    assertThat(engine.getTaskService().getTaskComments(review.getId())).extracting(Comment::getFullMessage)
        .containsExactly("由“实地考察”退回（inspector1）：租赁合同复印件不清晰，请初审核实原件。");
    approveFirstReview(pi, "原件显示租赁期限有涂改痕迹。");
    inspect(pi, false, false);
    confirmFalseMaterials(pi, "租赁合同期限经涂改，确属提供虚假材料。");
    // the leaders do not follow the proposed ban: the inspection's own result stands
    hearing(pi, Map.of(SanctionHearing.STATEMENT_TEXT, "涂改系出租方笔误更正，已补盖公章。"), "不同意处理建议",
        "更正有出租方盖章，不认定为虚假材料。");
    assertOutcome(pi, "REJECTED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName(OUTCOME_REASON).singleResult().getValue()).asString().startsWith("实地考察未通过");

    web.openHistoryInCockpit("auditor1", pi);
    assertThat(web.historyValue(OUTCOME)).isEqualTo("不予认定");
    assertThat(web.historyValue(FIRST_REVIEW_DECISION)).isEqualTo("同意上报");
    web.checkPage("cockpit-history", ".audit-variables");
  }

  /**
   * The inspector suspects false materials; city1 confirms them; the operator states its case on
   * the portal; leader1 approves the proposal: rejected and banned (Art. 9). Filing again on the
   * portal is not accepted, with the ban as the reason, in Chinese (the end event notAccepted).
   */
  @Test
  void rejectedForFalseMaterialsThenAFilingAgainIsNotAccepted() {
    String pi = apply("山阴众创港");
    String operator = operatorOf(pi);
    String creditCode = (String) engine.getRuntimeService().getVariable(pi, CREDIT_CODE);
    approveFirstReview(pi);
    inspect(pi, true, true);

    confirmFalseMaterials(pi, "入驻协议系伪造，经核实确属提供虚假材料。");

    hearing(pi, Map.of(SanctionHearing.STATEMENT_TEXT, "入驻协议由前任负责人提供，本单位不知情。"), "同意处理建议",
        "事实清楚，同意不予认定并两年内不受理。");
    assertOutcome(pi, "REJECTED");

    web.signInToPortal(operator);
    filedAgainNotAccepted(application(creditCode, "山阴众创港", Map.of()), "因提供虚假材料被取消认定资格", "（第九条）");
  }

  /**
   * An expert names grounds for false materials; city1 finds them unfounded and the review goes on.
   * During the notice an objection is upheld as proof of false materials; the operator waives its
   * statement on the portal; leader1 disagrees with the proposed ban: rejected after the objection,
   * and no ban.
   */
  @Test
  void falseMaterialsSuspectedByAnExpertAndProvedByAnObjectionButTheLeaderBansNot() {
    String pi = apply("平鲁众创社区");
    String creditCode = (String) engine.getRuntimeService().getVariable(pi, CREDIT_CODE);
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, true, 3, "创业导师聘书落款日期晚于申报日期。");
    Task review = web.task(pi, TASK_FALSE_MATERIALS);
    web.openTaskAs("city1", review);
    web.type("Field_falseMaterialsFinding", "经核实为聘书打印错误，不属于虚假材料。");
    web.complete("review-false-materials-unfounded", review);

    bureauDecides(pi, "同意认定");
    object(businessKey(pi), false);
    handleObjection(pi, true, true);
    hearing(pi, Map.of(SanctionHearing.STATEMENT_WAIVED, true), "不同意处理建议", "证据不足以认定故意提供虚假材料。");
    assertOutcome(pi, "REJECTED");
    assertThat(bans.activeBan(creditCode, LocalDate.now())).isEmpty();
  }

  /**
   * leader1 sends the decision back to the experts with a reason; city1 organises a new panel and
   * adds a fourth expert from 已办 (加签); the four recommend, leader1 approves, the notice passes.
   */
  @Test
  void sentBackToTheExpertsWhoAreJoinedByAFourthThenCertified() {
    String pi = apply("应县星创天地");
    approveFirstReview(pi);
    inspect(pi);
    organiseExperts(pi);
    expertsReview(pi, true);
    web.signIn("leader1");
    web.sendBack("bureau-send-back", web.task(pi, TASK_BUREAU_DECISION), "专家意见分歧较大，请补充评审。");

    // the form offers the panel chosen before: city1 calls it again as it stands
    Task organise = web.task(pi, TASK_ORGANISE_EXPERTS);
    web.openTaskAs("city1", organise);
    browser.await().until(d -> d.findElements(By.cssSelector(".fjs-taglist-tag")).size() == 3);
    web.complete("organise-experts-again", organise);
    web.addExpert(businessKey(pi), "expert4", "需补充财务专家意见。");
    expertsReview(pi, true, 4);
    bureauDecides(pi, "同意认定");
    web.passTimer(pi);
    assertOutcome(pi, "CERTIFIED");
  }

  /**
   * ruleadmin1 lowers Art. 4's minimum lease from 5 to 4 years in the table editor of {@code /rules/};
   * a statutory number, so ruleadmin2 approves it there. A space leased for 4 years, filed on the
   * portal, then goes to the first review instead of 补正. ruleadmin2 proposes the rollback on the
   * page and ruleadmin1 approves it: the rule is as before.
   */
  @Test
  void aFilingIsJudgedByTheArticle4RuleTheRuleAdministratorsChanged() {
    signInToRules("ruleadmin1");
    String before = browser.visible(By.cssSelector("#active-facts [data-fact='version']")).getText().replaceAll("\\D", "");
    browser.click(By.id("edit-button"));
    replaceCell(LEASE_RULE + "-in-leaseYears", "< 4, null");
    replaceCell(LEASE_RULE + "-out-message", "\"租赁场地租期不足：属租赁场地的，租期应在4年以上（含4年）\"");
    browser.click(By.id("check-button"));
    browser.withText(By.id("check-summary"), "检查通过");
    web.checkPage("rules-check", "document");
    browser.click(By.id("confirm-changes"));
    browser.click(By.id("activate-reason")).sendKeys("根据市科技局通知，租赁场地租期门槛由5年调整为4年");
    browser.click(By.id("activate-button"));
    browser.withText(By.id("activated-message"), "已提交审批");
    web.screenshot("rules-proposed");
    approveOnRulesPage("ruleadmin2", "已核对市科技局通知原文，同意");
    try {
      String pi = apply("朔城四年租约创客空间", Map.of(LEASE_YEARS, 4));
      assertThat(web.task(pi, TASK_FIRST_REVIEW).getName()).isEqualTo("初审");
    } finally {
      signInToRules("ruleadmin2");
      browser.click(By.cssSelector("#version-history tr[data-version='" + before + "'] .rollback-button"));
      browser.visible(By.id("rollback-reason")).sendKeys("通知暂缓执行，恢复原租期门槛");
      browser.click(By.id("rollback-confirm"));
      browser.withText(By.id("activated-message"), "已提交审批");
      web.screenshot("rules-rollback-proposed");
      approveOnRulesPage("ruleadmin1", "同意恢复");
    }
    assertThat(browser.visible(By.cssSelector("#readable-table tr:has(td[data-row-id='" + LEASE_RULE + "'])")).getText())
        .contains("< 5, null");
  }

  private static final String LEASE_RULE = "rule-lease-too-short";

  /** {@code user} signs in on the rule page (a fresh session) and opens Art. 4's table. */
  private void signInToRules(String user) {
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(web.url("/rules/"));
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
    browser.click(By.cssSelector("#decision-list tr[data-key='article4-eligibility']"));
    browser.withText(By.id("detail-name"), "第四条");
    web.checkPage("rules-" + user, "document");
  }

  /** A second rule administrator approves the pending proposal on the page; the new version is active. */
  private void approveOnRulesPage(String user, String reason) {
    signInToRules(user);
    browser.click(By.id("proposal-reason")).sendKeys(reason);
    browser.click(By.id("proposal-approve"));
    browser.withText(By.id("activated-message"), "已启用新版本");
    web.screenshot("rules-activated");
  }

  /** Replaces the text of the DMN editor's cell {@code elementId} as a person does: click, select all, type. */
  private void replaceCell(String elementId, String text) {
    WebElement cell = browser.present(By.cssSelector("#dmn-editor td[data-element-id='" + elementId + "']"));
    browser.scrollIntoView(cell);
    WebElement editable = cell.findElement(By.cssSelector("[contenteditable='true']"));
    editable.click();
    editable.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    editable.sendKeys(text);
    browser.await().until(d -> cell.getText().strip().equals(text));
  }

  /** The organisation account of a new credit code files on its portal with its materials; returns the instance id. */
  private String apply(String spaceName) {
    return apply(spaceName, Map.of());
  }

  /** As {@link #apply(String)}, with {@code changes} to the valid application (e.g. a condition of Art. 4 not met). */
  private String apply(String spaceName, Map<String, Object> changes) {
    String creditCode = Applications.newCreditCode();
    web.signInToPortal(OrganisationAccounts.ownerOf(engine, creditCode));
    String number = web.fileOnPortal(application(creditCode, spaceName, changes));
    return browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(number).singleResult()).getId();
  }

  /**
   * On the signed-in portal the operator files {@code application} again and it is not accepted, for
   * {@code reason} ({@link WebSteps#fileNotAcceptedOnPortal}); returns the new case's instance id.
   */
  private String filedAgainNotAccepted(Map<String, Object> application, String... reason) {
    String number = web.fileNotAcceptedOnPortal(application, reason);
    String again = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    assertOutcome(again, "NOT_ACCEPTED");
    return again;
  }

  /** The valid application of {@code creditCode} for the space, with {@code changes}, as the portal's form fills it. */
  private static Map<String, Object> application(String creditCode, String spaceName, Map<String, Object> changes) {
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    application.put(SPACE_NAME, spaceName);
    application.putAll(changes);
    application.put(DECLARATION_CONFIRMED, true); // a field of the form only: the pledge ticked before filing
    return application;
  }

  private void approveFirstReview(String pi) {
    approveFirstReview(pi, null);
  }

  /** shuocheng1 approves the first review; with {@code suspicion}, it suspects false materials on those grounds. */
  private void approveFirstReview(String pi, String suspicion) {
    Task review = web.task(pi, TASK_FIRST_REVIEW);
    web.openTaskAs("shuocheng1", review);
    // the reviewer sees where the space is and, after a 退回 from the inspection, why it came back
    assertThat(web.shown("Field_spaceAddress")).isEqualTo(engine.getRuntimeService().getVariable(pi, SPACE_ADDRESS));
    Object sentBack = engine.getRuntimeService().getVariable(pi, SENT_BACK_REASON);
    if (sentBack != null) {
      assertThat(web.shown("Field_sentBackReason")).isEqualTo(sentBack);
    }
    web.choose("同意上报");
    web.type("Field_firstReviewComment", "申请材料齐全，同意进入实地考察。");
    if (suspicion != null) {
      web.tick("Field_firstReviewSuspectsFalseMaterials");
      web.type("Field_firstReviewFalseMaterialsGrounds", suspicion);
    }
    web.complete(suspicion == null ? "first-review" : "first-review-suspected", review);
  }

  private void inspect(String pi) {
    inspect(pi, true, false);
  }

  /** inspector1 measures Art. 4 met; {@code verified}: the operation as declared; {@code suspected}: false materials. */
  private void inspect(String pi, boolean verified, boolean suspected) {
    Task inspection = web.task(pi, TASK_INSPECTION);
    web.openTaskAs("inspector1", inspection);
    web.type("Field_measuredTotalArea", "255");
    web.type("Field_measuredPublicServiceArea", "235");
    web.type("Field_measuredActiveMakers", "22");
    web.type("Field_measuredActiveTeams", "4");
    web.type("Field_inspectionTeam", Applications.INSPECTION_TEAM_OF_TWO);
    if (verified) {
      web.tick("Field_operationVerified");
    }
    if (suspected) {
      web.tick("Field_falseMaterialsSuspected");
    }
    web.type("Field_inspectionComment", !verified ? "现场未见入驻团队，运营情况与申报不符。"
        : suspected ? "现场面积与申报基本一致，但入驻协议疑似伪造。" : "现场面积与申报基本一致。");
    web.complete(!verified ? "inspection-failed" : suspected ? "inspection-suspected" : "inspection", inspection);
  }

  private void organiseExperts(String pi) {
    Task organise = web.task(pi, TASK_ORGANISE_EXPERTS);
    web.openTaskAs("city1", organise);
    web.pick("expert1", "expert2", "expert3");
    web.complete("organise-experts", organise);
  }

  private void expertsReview(String pi, boolean recommend) {
    expertsReview(pi, recommend, 3);
  }

  private void expertsReview(String pi, boolean recommend, int experts) {
    expertsReview(pi, recommend, experts, null);
  }

  /** Each of the panel's {@code experts} reviews in Tasklist as itself; the first names {@code grounds} for false materials, if any. */
  private void expertsReview(String pi, boolean recommend, int experts, String grounds) {
    List<Task> reviews = web.tasks(pi, TASK_EXPERT_REVIEW, experts);
    for (Task review : reviews) {
      web.openTaskAs(review.getAssignee(), review);
      web.type("Field_score", recommend ? "84" : "52");
      if (recommend) {
        web.tick("Field_recommend");
      }
      web.type("Field_comment", recommend ? "服务功能完善，建议认定。" : "孵化服务能力不足，不建议认定。");
      if (grounds != null && review == reviews.get(0)) {
        web.type("Field_falseMaterialsGrounds", grounds);
      }
      web.complete("expert-review-" + review.getAssignee(), review);
    }
  }

  private void bureauDecides(String pi, String decision) {
    Task decide = web.task(pi, TASK_BUREAU_DECISION);
    web.openTaskAs("leader1", decide);
    web.choose(decision);
    web.type("Field_bureauComment", "经局务会研究。");
    web.complete("bureau-decision", decide);
  }

  /**
   * A citizen objects under their real name on the case's public notice page (no login), which
   * works without JavaScript; with {@code mistyped}, first with a wrong ID number, refused at its field.
   */
  private void object(String number, boolean mistyped) {
    browser.clearCookies();
    // the notice starts asynchronously after the bureau's decision: the list as a citizen reloads it
    By notice = By.cssSelector("#notices tr[data-number='" + number + "'] a");
    browser.await().until(d -> {
      browser.open(web.url("/public/notices"));
      return !d.findElements(notice).isEmpty();
    });
    browser.click(notice);
    if (mistyped) {
      fillObjection("140602198506120012");
      browser.click(By.id("objection-submit"));
      browser.withText(By.id("objector-id-error"), "身份证");
      web.checkPage("objection-refused", "document");
    }
    fillObjection(ID_NUMBER);
    web.checkPage("objection", "document");
    browser.click(By.id("objection-submit"));
    browser.withText(By.id("objection-result"), "受理编号");
    web.screenshot("objection-acknowledged");
  }

  private void fillObjection(String idNumber) {
    for (String[] field : List.of(new String[] {"objector-name", "李四"}, new String[] {"objector-id", idNumber},
        new String[] {"objector-phone", "13800001111"}, new String[] {"objection-reasons", "该空间实际使用面积不足，与申报不符"})) {
      WebElement input = browser.visible(By.id(field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
  }

  private void handleObjection(String pi, boolean upheld) {
    handleObjection(pi, upheld, false);
  }

  /** city1 checks the objection; with {@code falseMaterials}, it proves the applicant gave false materials. */
  private void handleObjection(String pi, boolean upheld, boolean falseMaterials) {
    Task handle = web.task(pi, TASK_HANDLE_OBJECTION);
    web.openTaskAs("city1", handle);
    if (upheld) {
      web.tick("Field_objectionUpheld");
    }
    if (falseMaterials) {
      web.tick("Field_objectionFalseMaterials");
    }
    web.type("Field_objectionFinding", upheld ? "经现场核查，实际面积不足。" : "经现场核查，面积与申报一致。");
    web.complete(upheld ? "objection-upheld" : "objection-dismissed", handle);
  }

  /**
   * The hearing (告知、陈述申辩与局领导审定) the case calls: the operator answers the notice on its
   * portal with {@code statement}, leader1 decides {@code choice} in Tasklist.
   */
  private void hearing(String pi, Map<String, Object> statement, String choice, String comment) {
    String hearing = browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi).processDefinitionKey(SanctionHearing.KEY).singleResult()).getId();
    Task submit = web.task(hearing, SanctionHearing.TASK_SUBMIT_STATEMENT);
    web.signInToPortal(operatorOf(pi));
    web.openOnPortal(submit);
    web.fillOnPortal(submit, statement);
    web.submitOnPortal("statement", submit);
    Task leaders = web.task(hearing, SanctionHearing.TASK_LEADER_DECISION);
    web.openTaskAs("leader1", leaders);
    web.choose(choice);
    web.type("Field_leaderComment", comment);
    web.complete("leader-sanction-decision", leaders);
  }

  /** city1 confirms the suspected false materials in Tasklist (the Art. 9 hearing follows). */
  private void confirmFalseMaterials(String pi, String finding) {
    Task confirm = web.task(pi, TASK_FALSE_MATERIALS);
    web.openTaskAs("city1", confirm);
    web.tick("Field_falseMaterialsConfirmed");
    web.type("Field_falseMaterialsFinding", finding);
    web.complete("review-false-materials", confirm);
  }
}
