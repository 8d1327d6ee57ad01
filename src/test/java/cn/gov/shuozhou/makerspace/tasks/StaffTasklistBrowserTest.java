package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.publicnotice.Objections;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Objection;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist for staff (issue 13 §3) in a real Chromium, zh-CN, as the demo users work: cards that
 * name the case, the quick search, a claimed task found under 我的待办, 已办 with the decision, and
 * 转办 / 退回 from the task's 转办/退回 tab.
 */
class StaffTasklistBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired Objections objections;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aCountyReviewerFindsACaseByItsSpaceNameSeesItOnItsCardAndFindsItUnderMyTasksAfterClaiming() {
    String spaceName = "晋北创客谷" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    ProcessInstance wanted = apply(spaceName);
    apply("朔城创客之家");
    logIn("shuocheng1");

    browser.visible(filter(TaskFiltersNames.MY_GROUP_TASKS));
    List<String> filters = browser.driver().findElements(By.cssSelector(".task-filters .task-filter")).stream()
        .map(WebElement::getText).map(String::strip).toList();
    assertThat(filters.get(0)).startsWith(TaskFiltersNames.MY_TASKS);
    browser.click(filter(TaskFiltersNames.MY_GROUP_TASKS));
    search(spaceName.substring(0, 7));

    WebElement card = browser.withText(By.cssSelector("[cam-tasks] .tasks-list"), spaceName);
    browser.await().until(d -> d.findElements(By.cssSelector("[cam-tasks] .tasks-list > li")).size() == 1);
    assertThat(card.getText()).contains("申请编号", wanted.getBusinessKey(), "所在县区", "朔城区", "众创空间名称",
        "运营机构名称", "初审");
    assertThat((String) browser.js("return getComputedStyle(document.querySelector('[cam-tasks] .tasks-list .priority'),"
        + " '::before').content;")).as("the card's number is named").contains("优先级");
    browser.screenshot(Browser.screenshots().resolve("tasklist-card-search.png"));
    // the quick search's pill in Tasklist's own search bar speaks Chinese, not "searchText"
    WebElement pill = browser.withText(By.cssSelector(".search-label"), "快速搜索");
    browser.await().until(d -> pill.getText().contains("包含") && pill.getText().contains(spaceName.substring(0, 7)));
    assertThat(Browser.latinWords(pill.getText())).isEmpty();
    assertThat(pill.getText()).as("the like query's wildcards are not shown").doesNotContain("%");
    WebElement ignoreCase = browser.visible(By.cssSelector("[cam-widget-search] .ignore-case"));
    browser.await().until(d -> ignoreCase.getText().strip().endsWith("值"));
    // the match-type toggle is as wide as its words, not clipped to Camunda's width for "ALL"
    WebElement matchType = browser.visible(By.cssSelector("[cam-widget-search] .match-any button"));
    assertThat(matchType.getText()).isEqualTo("满足全部");
    assertThat(((Number) browser.js("return arguments[0].scrollWidth - arguments[0].clientWidth;", matchType))
        .intValue()).isLessThanOrEqualTo(0);

    // % and _ are characters searched for, not wildcards that match every case
    search("%");
    browser.await().until(d -> d.findElement(By.cssSelector("[cam-tasks]")).getText().contains("未找到符合过滤条件的任务")
        && d.findElement(By.cssSelector(".search-label")).getText().contains("%"));
    search(wanted.getBusinessKey().toLowerCase());
    browser.await().until(d -> d.findElements(By.cssSelector("[cam-tasks] .tasks-list > li")).size() == 1
        && d.findElement(By.cssSelector("[cam-tasks] .tasks-list")).getText().contains(spaceName));
    browser.await().until(d -> d.findElement(By.cssSelector(".search-label")).getText()
        .matches("(?s).*包含\\s+" + wanted.getBusinessKey().toUpperCase() + "\\s*"));

    browser.click(By.xpath("//*[@cam-tasks]//li//a[contains(., '初审')]"));
    By comment = By.cssSelector(".task-details .fjs-container textarea[id$='Field_firstReviewComment']");
    WebElement form = browser.visible(By.cssSelector(".task-details .fjs-form"));
    // the task's header says which case, not only 初审 / 众创空间认定
    assertThat(browser.withText(By.cssSelector(".task-details header .ms-case-line"), spaceName).getText())
        .contains("申请编号：" + wanted.getBusinessKey(), "众创空间名称：" + spaceName, "所在县区：朔城区");
    browser.screenshot(Browser.screenshots().resolve("tasklist-task-header.png"));
    browser.click(By.cssSelector("button.claim"));
    // what the reviewer types at once after 认领 stays: the form becomes editable, it is not drawn anew
    browser.await().until(d -> d.findElements(By.cssSelector(".task-details .disabled-form")).isEmpty());
    browser.driver().findElement(comment).sendKeys("材料齐全，同意上报。");
    browser.await().until(d -> "shuocheng1".equals(engine.getTaskService().createTaskQuery()
        .processInstanceId(wanted.getId()).singleResult().getAssignee()));
    // a moment for a late redraw, had there been one (before: typing was lost)
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(form.isDisplayed()).as("the same form, not a new one").isTrue();
    assertThat(browser.driver().findElement(comment).getDomProperty("value")).isEqualTo("材料齐全，同意上报。");
    // a first review cannot be sent back (tasks/TaskCommands): its tab offers 委派 and 转办 only
    openCommandsTab();
    browser.withText(By.cssSelector(".ms-task-commands"), "转办");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-send-back-reason"))).isEmpty();
    browser.click(filter(TaskFiltersNames.MY_TASKS));
    browser.withText(By.cssSelector("[cam-tasks] .tasks-list"), spaceName);
  }

  @Test
  void theInspectorHandsTheInspectionToAColleagueAndTheCityBureauFindsItsDecisionUnderDone() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    engine.getTaskService().claim(inspection.getId(), "inspector1");
    logIn("inspector1", "#/?task=" + inspection.getId());
    // the form says where to go and whom to meet
    Map<String, Object> space = engine.getRuntimeService().getVariables(inspection.getProcessInstanceId(),
        List.of(SPACE_ADDRESS, CONTACT_NAME, CONTACT_PHONE));
    for (String shown : List.of(SPACE_ADDRESS, CONTACT_NAME, CONTACT_PHONE)) {
      By field = By.cssSelector(".task-details .fjs-form input[id$='Field_" + shown + "']");
      browser.await().until(d -> space.get(shown).equals(d.findElement(field).getDomProperty("value")));
    }
    // a number, then at once the team, a character at a time as people type: the number's late
    // update (form-js holds it 300 ms) must not take back what is typed meanwhile
    browser.driver().findElement(By.cssSelector(".task-details .fjs-form input[id$='Field_measuredTotalArea']"))
        .sendKeys("800");
    WebElement team = browser.driver().findElement(By.cssSelector(".task-details .fjs-form textarea[id$='Field_inspectionTeam']"));
    team.click();
    for (char c : "王明，市科技局".toCharArray()) {
      team.sendKeys(String.valueOf(c));
      pause(100);
    }
    pause(1000);
    assertThat(team.getDomProperty("value")).isEqualTo("王明，市科技局");

    openCommandsTab();
    assertThat(browser.visible(By.cssSelector(".ms-task-commands")).getText()).as("where 退回 goes").contains("退回初审");
    // colleagues are chosen by name among the inspection team, the inspector not among them
    Select colleague = new Select(browser.visible(By.cssSelector("select.ms-transfer-assignee")));
    List<String> offered = colleague.getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
    assertThat(offered).contains("inspector2").doesNotContain("inspector1", "expert1");
    colleague.selectByValue("inspector2");
    assertThat(colleague.getFirstSelectedOption().getText()).contains("（inspector2）")
        .isNotEqualTo("inspector2");
    browser.driver().findElement(By.cssSelector(".ms-transfer-reason")).sendKeys("本人出差，请代为考察");
    browser.screenshot(Browser.screenshots().resolve("tasklist-transfer.png"));
    browser.click(By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='转办']"));
    browser.await().until(d -> "inspector2".equals(assignee(inspection)));
    assertThat(engine.getTaskService().getTaskComments(inspection.getId())).extracting(Comment::getFullMessage)
        .containsExactly("转办给 inspector2：本人出差，请代为考察");
    // the task left the inspector's list; the reloaded page says where it went
    assertThat(browser.withText(By.cssSelector(".ms-command-done"), "已转办给").getText()).contains("（inspector2）");
    // the notice gives way at the next click: 退出登录 in the header's menu, which opens under it, can be clicked
    browser.signOutOfWebapp();
    assertThat(browser.driver().findElements(By.cssSelector(".ms-command-done"))).isEmpty();
  }

  @Test
  void theCommandsTabAsksForTheClaimAndOffersTheColleaguesOnceClaimed() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    logIn("inspector1", "#/?task=" + inspection.getId());
    openCommandsTab();
    browser.withText(By.cssSelector(".ms-task-commands"), "认领此任务后，可在此转办、委派或退回。");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-transfer-assignee"))).isEmpty();

    browser.click(By.cssSelector("button.claim"));
    // the same tab, drawn again for its new assignee: colleagues by name, no reload
    Select colleague = new Select(browser.visible(By.cssSelector("select.ms-transfer-assignee")));
    assertThat(colleague.getOptions()).extracting(o -> o.getDomAttribute("value")).contains("inspector2")
        .doesNotContain("inspector1");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-claim-first"))).isEmpty();

    // 转办 with nothing filled in: what is missing, in Chinese at each field, not the browser's English
    By transfer = By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='转办']");
    browser.click(transfer);
    WebElement form = browser.driver().findElement(transfer).findElement(By.xpath("./ancestor::form"));
    browser.await().until(d -> form.findElements(By.cssSelector(".field-error")).size() == 2);
    assertThat(form.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText)
        .containsExactly("请选择同事", "请填写转办理由");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-task-commands form")))
        .allMatch(f -> f.getDomAttribute("novalidate") != null);
    assertThat(assignee(inspection)).isEqualTo("inspector1");
    // a field filled in loses its message
    colleague.selectByValue("inspector2");
    browser.await().until(d -> form.findElements(By.cssSelector(".field-error")).size() == 1);
    assertThat(form.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("请填写转办理由");
  }

  @Test
  void theExpertsHeaderOffersNoChangeOfGroupsDatesOrAssigneeThatTheServerRefuses() {
    Task review = new CertificationDriver(engine).waitingAt(TASK_EXPERT_REVIEW, "shuocheng");
    // what the header hid is refused anyway: unclaiming needs TASK_ASSIGN, which staff hold nowhere
    engine.getIdentityService().setAuthentication("expert1", List.of(Groups.EXPERTS));
    try {
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(review.getId(), null))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    logIn("expert1", "#/?task=" + review.getId());
    browser.visible(By.cssSelector(".task-details li.assignee"));
    browser.await().until(d -> d.findElement(By.cssSelector(".task-details h2.task")).getText().contains("专家评审"));
    pause(1000); // the header's offers are settled by then (they are asked for once, at login)
    By offers = By.cssSelector(".task-details .unclaim, .task-details li.groups, .task-details .reset-assignee,"
        + " .task-details a[translate='SET_FOLLOW_UP_DATE'], .task-details a[translate='SET_DUE_DATE'],"
        + " .task-details .reset-follow-up-date, .task-details .reset-due-date");
    assertThat(browser.driver().findElements(offers)).noneMatch(WebElement::isDisplayed);
    assertThat(browser.driver().findElement(By.cssSelector(".task-details")).getText())
        .doesNotContain("添加组").doesNotContain("设置跟进日期").doesNotContain("设置到期日");
    // the assignee (and a date, where one is shown) is text: neither a click nor the keyboard opens an editor
    By assignee = By.cssSelector(".task-details li.assignee [cam-widget-inline-field]");
    assertThat(browser.driver().findElements(By.cssSelector(".task-details [cam-widget-inline-field]")))
        .isNotEmpty().allMatch(field -> "-1".equals(field.getDomAttribute("tabindex")));
    int inputs = inputCount();
    browser.driver().findElement(assignee).click();
    browser.js("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));",
        browser.driver().findElement(assignee));
    pause(500);
    assertThat(inputCount()).as("no editor opened").isEqualTo(inputs);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("expert1");

    // the administrator keeps them
    browser.clearCookies();
    logIn("admin", "#/?task=" + review.getId());
    browser.await().until(d -> d.findElements(By.cssSelector(".task-details li.groups")).stream()
        .anyMatch(group -> group.isDisplayed() && group.getText().contains("添加组")));
    browser.await().until(d -> d.findElements(By.cssSelector(".task-details .reset-assignee")).stream()
        .anyMatch(WebElement::isDisplayed));
    assertThat(browser.driver().findElements(By.cssSelector(".task-details a[translate='SET_FOLLOW_UP_DATE']")))
        .anyMatch(WebElement::isDisplayed);
    int before = inputCount();
    browser.driver().findElement(assignee).click();
    browser.await().until(d -> inputCount() > before);
  }

  private int inputCount() {
    return ((Number) browser.js("return document.querySelectorAll('input').length;")).intValue();
  }

  @Test
  void theCommandsTabOffersNoTransferWhereNobodyCanTakeTheTask() {
    // an expert's review is assigned by the process: no candidate group, no colleague (docs/processes.md)
    Task review = new CertificationDriver(engine).waitingAt(TASK_EXPERT_REVIEW, "shuocheng");
    logIn("expert1", "#/?task=" + review.getId());
    openCommandsTab();
    browser.withText(By.cssSelector(".ms-task-commands"), "此任务由流程指定给您本人办理，不能转办或委派。");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-task-commands form"))).isEmpty();

    // the development zone's bureau has one reviewer: nobody else in the group
    Task firstReview = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "devzone");
    engine.getTaskService().claim(firstReview.getId(), "devzone1");
    browser.clearCookies();
    logIn("devzone1", "#/?task=" + firstReview.getId());
    openCommandsTab();
    browser.withText(By.cssSelector(".ms-task-commands"), "本组暂无其他同事，不能转办或委派。");
    assertThat(browser.driver().findElements(By.cssSelector(".ms-transfer-assignee, .ms-delegate-assignee"))).isEmpty();
  }

  @Test
  void aClaimTooLateSaysInTasklistWhoHoldsTheTaskByName() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    logIn("inspector2", "#/?task=" + inspection.getId());
    browser.visible(By.cssSelector("button.claim"));
    engine.getTaskService().claim(inspection.getId(), "inspector1"); // a colleague was quicker

    browser.click(By.cssSelector("button.claim"));
    // by the name staff know (Tasklist's alerts leave out the ids in brackets, as they do field names)
    browser.withText(By.cssSelector(".page-notifications .alert"), "该任务已由 考察小组组员一 认领");
    assertThat(engine.getTaskService().createTaskQuery().taskId(inspection.getId()).singleResult().getAssignee())
        .isEqualTo("inspector1");
  }

  @Test
  void theInspectorDelegatesTheInspectionAndTheColleagueHandsItBack() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    engine.getTaskService().claim(inspection.getId(), "inspector1");
    logIn("inspector1", "#/?task=" + inspection.getId() + "&detailsTab=ms-task-commands");

    openCommandsTab();
    new Select(browser.visible(By.cssSelector("select.ms-delegate-assignee"))).selectByValue("inspector2");
    browser.driver().findElement(By.cssSelector(".ms-delegate-reason")).sendKeys("请先核实场地面积");
    browser.click(By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='委派']"));
    browser.await().until(d -> "inspector2".equals(assignee(inspection)));

    browser.clearCookies();
    logIn("inspector2", "#/?task=" + inspection.getId() + "&detailsTab=ms-task-commands");
    openCommandsTab();
    assertThat(browser.withText(By.cssSelector(".ms-task-commands"), "由 考察小组组员一（inspector1） 委派给您").getText())
        .doesNotContain("委派给（用户名）");
    browser.visible(By.cssSelector(".ms-resolve-reason")).sendKeys("面积已核实，与申报一致");
    browser.screenshot(Browser.screenshots().resolve("tasklist-delegated-hand-back.png"));
    browser.click(By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='交回']"));

    browser.await().until(d -> "inspector1".equals(assignee(inspection)));
    assertThat(engine.getTaskService().getTaskComments(inspection.getId())).extracting(Comment::getFullMessage)
        .containsExactlyInAnyOrder("委派给 inspector2：请先核实场地面积", "交回 inspector1：面积已核实，与申报一致");

    // Tasklist's own 历史 tab names who did what, not their user ids
    browser.clearCookies();
    logIn("inspector1", "#/?task=" + inspection.getId() + "&detailsTab=history");
    By people = By.cssSelector(".history-pane .operation-user");
    browser.await().until(d -> d.findElements(people).size() >= 3 && d.findElements(people).stream()
        .map(WebElement::getText).allMatch(text -> text.startsWith("考察小组组员")));
    browser.await().until(d -> d.findElements(By.cssSelector(".history-pane .new-value, .history-pane .original-value"))
        .stream().map(WebElement::getText).anyMatch("考察小组组员二"::equals));
    assertThat(browser.driver().findElements(By.cssSelector(".history-pane .new-value, .history-pane .original-value")))
        .extracting(WebElement::getText).doesNotContain("inspector1", "inspector2");
  }

  @Test
  void theCityBureauAddsAnExpertToThePanelItOrganisedFromDone() {
    Task organise = new CertificationDriver(engine).waitingAt(TASK_ORGANISE_EXPERTS, "shuocheng");
    engine.getIdentityService().setAuthentication("city1", List.of(Groups.CITY_BUREAU));
    try {
      engine.getTaskService().claim(organise.getId(), "city1");
      engine.getTaskService().complete(organise.getId(), Variables.createVariables()
          .putValueTyped(EXPERTS, Variables.objectValue(List.of("expert1", "expert2", "expert3"))
              .serializationDataFormat("application/json").create()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(organise.getProcessInstanceId()).singleResult().getBusinessKey();
    logIn("city1");

    browser.click(By.cssSelector("a.ms-done-link"));
    WebElement table = browser.withText(By.cssSelector(".ms-done-panel table"), number);
    WebElement row = table.findElement(By.xpath(".//tr[td[normalize-space(.)='" + number + "']]"));
    browser.scrollIntoView(row);
    row.findElement(By.cssSelector(".ms-add-expert-open")).click();
    new Select(browser.visible(By.cssSelector("select.ms-add-expert"))).selectByValue("expert4");
    browser.driver().findElement(By.cssSelector(".ms-add-expert-reason")).sendKeys("需补充财务专家意见");
    browser.screenshot(Browser.screenshots().resolve("tasklist-add-expert.png"));
    browser.click(By.cssSelector(".ms-add-expert-form button[type='submit']"));

    browser.withText(By.cssSelector(".ms-add-expert-form .ms-result"), "已增补评审专家 评审专家四（expert4）");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(organise.getProcessInstanceId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).taskAssignee("expert4").count()).isOne();
    // on the panel now, so no longer offered; the form is ready for another
    Select experts = new Select(browser.present(By.cssSelector("select.ms-add-expert")));
    assertThat(experts.getOptions()).extracting(o -> o.getDomAttribute("value")).doesNotContain("expert4");
    assertThat(experts.getFirstSelectedOption().getText()).isEqualTo("请选择专家");
  }

  @Test
  void theLeaderSendsTheCaseBackToTheExpertsWithAReason() {
    Task decision = new CertificationDriver(engine).waitingAt(TASK_BUREAU_DECISION, "shuocheng");
    engine.getTaskService().claim(decision.getId(), "leader1");
    logIn("leader1", "#/?task=" + decision.getId() + "&detailsTab=ms-task-commands");

    openCommandsTab();
    browser.visible(By.cssSelector(".ms-send-back-reason")).sendKeys("专家意见分歧较大，请补充评审");
    browser.screenshot(Browser.screenshots().resolve("tasklist-send-back.png"));
    browser.click(By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='退回']"));

    browser.await().until(d -> engine.getTaskService().createTaskQuery().processInstanceId(decision.getProcessInstanceId())
        .taskDefinitionKey(TASK_ORGANISE_EXPERTS).count() == 1);
    Task organise = engine.getTaskService().createTaskQuery().processInstanceId(decision.getProcessInstanceId())
        .singleResult();
    assertThat(engine.getTaskService().getTaskComments(organise.getId())).extracting(Comment::getFullMessage)
        .containsExactly("由“局务会研究决定”退回（leader1）：专家意见分歧较大，请补充评审");
    browser.withText(By.cssSelector(".ms-command-done"), "已退回专家评审。");
    // the leader finds the case under 已办, with where it went and why
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(decision.getProcessInstanceId()).singleResult().getBusinessKey();
    browser.click(By.cssSelector("a.ms-done-link"));
    WebElement row = browser.withText(By.cssSelector(".ms-done-panel table"), number)
        .findElement(By.xpath(".//tr[td[normalize-space(.)='" + number + "']]"));
    assertThat(row.getText()).contains("局务会研究决定", "退回专家评审：专家意见分歧较大，请补充评审");
    // the city bureau reads why on the form of the step that came back
    engine.getTaskService().claim(organise.getId(), "city1");
    browser.clearCookies();
    logIn("city1", "#/?task=" + organise.getId());
    By reason = By.cssSelector(".task-details .fjs-form textarea[id$='Field_sentBackReason']");
    browser.await().until(d -> !d.findElements(reason).isEmpty()
        && "专家意见分歧较大，请补充评审".equals(d.findElement(reason).getDomProperty("value")));
  }

  @Test
  void aReviewerSeesTheirCompletedFirstReviewWithItsDecisionUnderDone() {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    engine.getIdentityService().setAuthentication("shuocheng1", List.of(Groups.COUNTY_SHUOCHENG));
    try {
      engine.getTaskService().complete(review.getId(), Map.of(FIRST_REVIEW_DECISION, "approve"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).singleResult().getBusinessKey();
    logIn("shuocheng1");

    browser.click(By.cssSelector("a.ms-done-link"));
    WebElement table = browser.withText(By.cssSelector(".ms-done-panel table"), number);
    WebElement row = table.findElement(By.xpath(".//tr[td[normalize-space(.)='" + number + "']]"));
    assertThat(row.getText()).contains("初审", "朔城创客之家", "同意上报");
    browser.screenshot(Browser.screenshots().resolve("tasklist-done.png"));

    // signing out with the panel open closes it: the next user of the computer sees the login, not this list
    browser.signOutOfWebapp();
    assertThat(browser.driver().findElements(By.cssSelector(".ms-done-panel"))).isEmpty();
    browser.signInToWebapp("city1");
    browser.visible(By.cssSelector("a.ms-done-link"));
    assertThat(browser.driver().findElements(By.cssSelector(".ms-done-panel"))).isEmpty();
  }

  @Test
  void aReviewerIsToldWhereTheCaseWentAfterCompletingAndOpensTheirDecisionFromDone() {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).singleResult().getBusinessKey();
    logIn("shuocheng1", "#/?task=" + review.getId());
    By approve = By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='同意上报']");
    browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
      browser.click(approve);
      return true;
    });
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    // the notice names the case, the next step and the office that handles it
    WebElement notice = browser.withText(By.cssSelector(".ms-next-step[role='status']"), "实地考察");
    assertThat(notice.getText()).contains("已办结", number, "朔城创客之家", "已转入「实地考察」，由 考察小组 办理");
    assertThat(Browser.latinWords(notice.getText().replace(number, ""))).isEmpty();
    browser.screenshot(Browser.screenshots().resolve("tasklist-completed-next-step.png"));

    // 已办: the row opens, from the keyboard, what the reviewer decided and where the case is now
    browser.click(By.cssSelector("a.ms-done-link"));
    WebElement table = browser.withText(By.cssSelector(".ms-done-panel table"), number);
    WebElement open = table.findElement(By.xpath(".//tr[td[normalize-space(.)='" + number + "']]//button[contains(@class,'ms-done-open')]"));
    open.sendKeys(Keys.ENTER);
    WebElement detail = browser.withText(By.cssSelector(".ms-done-panel .ms-done-detail"), "初审结论");
    assertThat(detail.getText()).contains("初审", number, "同意上报", "案件当前环节", "「实地考察」，由 考察小组 办理");
    assertThat(Browser.latinWords(detail.getText().replace(number, ""))).isEmpty();
    browser.screenshot(Browser.screenshots().resolve("tasklist-done-detail.png"));
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER); // 返回已办列表 has the focus
    browser.withText(By.cssSelector(".ms-done-panel table"), number);
  }

  @Test
  void aRefusedTaskFormSaysWhyInTheFormsWordsWithoutCoveringItsButtons() {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    logIn("shuocheng1", "#/?task=" + review.getId());
    By returned = By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='退回补正']");
    browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
      browser.click(returned);
      return true;
    });
    // 退回补正 needs 初审意见, which the server asks for: in the form's words, above the buttons
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    WebElement alert = browser.withText(By.cssSelector(".page-notifications .alert"), "初审意见为必填项");
    browser.await().until(d -> !alert.getText().contains("firstReviewComment"));
    WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
    assertThat((Boolean) browser.js("const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
        + " return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;", alert, complete))
        .as("the alert leaves 完成 free").isTrue();
    browser.screenshot(Browser.screenshots().resolve("tasklist-task-form-refused.png"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // once the corrected form is completed, the refusal is gone too
    By comment = By.cssSelector(".task-details .fjs-container textarea[id$='Field_firstReviewComment']");
    browser.await().until(d -> {
      WebElement box = d.findElement(comment);
      box.clear();
      box.sendKeys("请补充场地租赁合同。");
      return "请补充场地租赁合同。".equals(box.getDomProperty("value"));
    });
    browser.screenshot(Browser.screenshots().resolve("tasklist-task-form-corrected.png"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    browser.await().until(d -> engine.getTaskService().createTaskQuery().taskId(review.getId()).count() == 0);
    browser.await().until(d -> d.findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty());
  }

  private String assignee(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void openCommandsTab() {
    By tab = By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[contains(., '转办/退回')]");
    browser.click(tab);
    browser.visible(By.cssSelector(".ms-task-commands"));
  }

  private void search(String text) {
    WebElement box = browser.visible(By.cssSelector(".ms-quick-search-input"));
    box.clear();
    box.sendKeys(text);
    browser.click(By.cssSelector(".ms-quick-search button[type='submit']"));
  }

  private static By filter(String name) {
    return By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]//a[contains(., '" + name + "')]");
  }

  private ProcessInstance apply(String spaceName) {
    Map<String, Object> application = Applications.valid("shuocheng");
    application.put(SPACE_NAME, spaceName);
    String owner = OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
    return new CertificationDriver(engine).applyAs(owner, application);
  }

  @Test
  void twoObjectionsToOneNoticeAreTwoCardsToldApartByTheirAcknowledgementNumbers() {
    ProcessInstance notice = new CertificationDriver(engine).inPublicNotice("youyu");
    String number = notice.getBusinessKey();
    String first = objections.file(new Objection(number, "赵六", "140602198506120011", "13800003331", "场地已转租", "127.0.0.1"),
        List.of()).acknowledgementNumber();
    String second = objections.file(new Objection(number, "钱七", "140602198506120011", "13800003332", "孵化团队数量不实",
        "127.0.0.1"), List.of()).acknowledgementNumber();
    logIn("city1");

    browser.click(filter(TaskFiltersNames.MY_GROUP_TASKS));
    search(number);
    browser.await().until(d -> d.findElements(By.cssSelector("[cam-tasks] .tasks-list > li")).size() == 2
        && d.findElement(By.cssSelector("[cam-tasks] .tasks-list")).getText().contains(second));
    List<String> cards = browser.driver().findElements(By.cssSelector("[cam-tasks] .tasks-list > li")).stream()
        .map(WebElement::getText).toList();
    assertThat(cards).allSatisfy(card -> assertThat(card).contains("公示异议核查", number, "异议受理编号"));
    assertThat(cards).anySatisfy(card -> assertThat(card).contains(first).doesNotContain(second));
    assertThat(cards).anySatisfy(card -> assertThat(card).contains(second).doesNotContain(first));

    // the task's 流程图: the zoom buttons are named by their titles only, which Camunda wrote in English
    browser.click(By.xpath("//*[@cam-tasks]//li//a[contains(., '公示异议核查')]"));
    browser.click(By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[contains(., '流程图')]"));
    browser.visible(By.cssSelector(".task-details .navigation.zoom button"));
    assertThat(browser.driver().findElements(By.cssSelector(".task-details .navigation button")))
        .extracting(button -> button.getAttribute("title")).containsExactlyInAnyOrder("放大", "缩小", "恢复原始大小");
  }

  private void logIn(String user) {
    logIn(user, "#/");
  }

  private void logIn(String user, String fragment) {
    // a new document: only a fragment changed, Tasklist would keep the page of the previous user;
    // on a busy machine RequireJS may give up loading a module after 7 s, and a reload then works
    By login = By.cssSelector("input[ng-model='username']");
    for (int attempt = 1; ; attempt++) {
      browser.open("about:blank");
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment);
      try {
        browser.await(Duration.ofSeconds(40)).until(d -> !d.findElements(login).isEmpty() && d.findElement(login).isDisplayed());
        break;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    browser.signInToWebapp(user);
    browser.visible(By.cssSelector("[cam-tasks], .tasks-list, .task-details"));
  }

  /** The filter names users see (identity/TaskFilters). */
  private static final class TaskFiltersNames {
    static final String MY_TASKS = cn.gov.shuozhou.makerspace.identity.TaskFilters.MY_TASKS;
    static final String MY_GROUP_TASKS = cn.gov.shuozhou.makerspace.identity.TaskFilters.MY_GROUP_TASKS;
  }
}
