package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor in a real (headless Debian) Chromium: logs in to Cockpit, finds a finished
 * certification instance (it went through first review, inspection, expert review and the bureau's
 * rejection, so several decisions were evaluated) in the process definition's 历史 tab, opens its
 * historic page and reads the timeline, the variables, the decisions with their versions and the
 * operation log; finds a certificate from the dashboard and follows the link from the
 * certification to its supervision. Screenshots go to {@link Browser#screenshots()}
 * ({@code -Dscreenshots.dir=docs/images} refreshes those of docs/audit.md).
 */
class AuditHistoryBrowserTest extends AbstractAuditTest {

  private static final Path IMAGES = Browser.screenshots();
  private static final String READABLE_DATE = "\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d";

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
    // a browser far from Beijing: every page still writes Beijing time, Camunda's own cells too
    ((ChromiumDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", "America/New_York"));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theAuditorReadsTheHistoryOfAFinishedCertification() {
    logIn();

    // 历史 tab of the certification process: filter by outcome, find the instance
    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime?detailsTab=audit-history-tab"));
    browser.visible(By.cssSelector(".audit-instances"));
    new Select(browser.visible(By.cssSelector(".audit-outcome-select"))).selectByVisibleText("不予认定");
    new Select(browser.visible(By.cssSelector(".audit-county-select"))).selectByVisibleText("朔城区");
    browser.click(By.cssSelector(".audit-search-button"));
    By finishedRow = By.cssSelector(".audit-instances tr[data-instance-id='" + data.finishedId() + "']");
    WebElement row = browser.visible(finishedRow);
    assertThat(row.getText()).contains(data.finishedKey()).contains("不予认定").contains("朔城区")
        .contains("朔城青年创客空间").contains("已结束");
    assertThat(Browser.latinWords(browser.driver().findElement(By.cssSelector(".audit-instances tbody")).getText()))
        .as("states in Chinese, not the engine's COMPLETED").isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".audit-instances tbody tr")))
        .allSatisfy(r -> assertThat(r.getText()).contains("不予认定"));
    assertThat(browser.visible(By.cssSelector(".audit-result-summary")).getText()).startsWith("共 ");
    browser.screenshot(IMAGES.resolve("audit-history-tab.png"));

    // the historic instance page
    browser.click(By.cssSelector(".audit-instances tr[data-instance-id='" + data.finishedId() + "'] a"));
    browser.visible(By.cssSelector(".audit-timeline"));
    browser.await().until(d -> !d.findElements(By.cssSelector(".audit-diagram .audit-count-badge")).isEmpty());
    String summary = browser.visible(By.cssSelector(".audit-summary")).getText();
    String applicant = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(data.finishedId()).variableName("applicant").singleResult().getValue();
    assertThat(summary).contains(data.finishedKey()).contains("不予认定").contains(applicant);
    // numbers and codes are not broken across lines at any column width (issue 13: 结果说明 wrapped in
    // the middle of a number): each short run of letters and digits stays on one line
    assertThat((String) browser.js("const broken = new Set();"
        + " for (const value of document.querySelectorAll('.audit-summary .audit-fact-value')) {"
        + "   for (let width = 100; width <= 320; width += 3) {"
        + "     value.style.maxWidth = width + 'px';"
        + "     const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);"
        + "     for (let node = walker.nextNode(); node; node = walker.nextNode()) {"
        + "       for (const m of node.data.matchAll(/(?<![\\w.:-])\\w[\\w.:-]{3,7}(?![\\w.:-])/g)) {"
        + "         const range = document.createRange();"
        + "         range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);"
        + "         if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) broken.add(m[0]);"
        + "       }"
        + "     }"
        + "   }"
        + "   value.style.maxWidth = '';"
        + " }"
        + " return [...broken].join(' ');")).as("broken across lines").isEmpty();
    String timeline = browser.visible(By.cssSelector(".audit-timeline")).getText();
    assertThat(timeline).contains("初审", "实地考察", "组织专家评审", "专家评审", "局务会研究决定")
        .contains("shuocheng1", "inspector1", "city1", "expert1", "expert2", "expert3", "leader1")
        .as("people by name, though auditors read no user profiles").contains("朔城区审核员一（shuocheng1）", "局领导一（leader1）");
    WebElement bureauRow = browser.driver().findElement(
        By.cssSelector(".audit-timeline tr[data-activity-id='bureauDecision']"));
    assertThat(bureauRow.findElements(By.tagName("td")).get(7).getText()).contains("leader1");
    // dates as 2026年12月6日 14:30 (issue 13; before: 2026-12-06 14:30:05)
    assertThat(bureauRow.findElements(By.tagName("td")).get(8).getText()).matches(READABLE_DATE);
    assertThat(browser.driver().findElements(By.cssSelector(".audit-diagram .djs-element.audit-visited")))
        .hasSizeGreaterThan(10);
    browser.screenshot(IMAGES.resolve("audit-instance.png"));
    screenshotOfTab("audit-timeline.png");

    // clicking an activity in the diagram filters the timeline
    browser.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));",
        browser.present(By.cssSelector(".audit-diagram [data-element-id='firstReview'] .djs-hit")));
    browser.withText(By.cssSelector(".audit-selection"), "仅显示：初审");
    assertThat(browser.driver().findElements(By.cssSelector(".audit-timeline tbody tr"))).hasSize(1);
    browser.click(By.cssSelector(".audit-clear-selection"));

    // decisions with their versions
    openTab("decisions");
    List<WebElement> decisions = browser.driver().findElements(By.cssSelector(".audit-decision"));
    assertThat(decisions).hasSizeGreaterThanOrEqualTo(5);
    assertThat(decisions).extracting(d -> d.getAttribute("data-decision-key"))
        .contains("certification-policy", "article4-eligibility", "first-review-routing", "expert-conclusion");
    assertThat(decisions).allSatisfy(d -> assertThat(d.findElement(By.cssSelector(".audit-decision-version"))
        .getText()).matches("版本 \\d+"));
    // the decision's input and output values read as their labels (its codes: other, shuocheng, county-shuocheng)
    assertThat(browser.driver().findElements(By.cssSelector(
        ".audit-decision[data-decision-key='first-review-routing'] .panel-body td:last-child")))
        .extracting(WebElement::getText).contains("其他", "朔城区", "朔城区科技局")
        .doesNotContain("county-shuocheng", "shuocheng", "other");
    assertThat(browser.driver().findElements(By.cssSelector(".audit-decision-overview tbody tr")))
        .hasSameSizeAs(decisions);
    screenshotOfTab("audit-decisions.png");

    // variables and their changes
    openTab("variables");
    // codes as their labels from the shared dictionary (issue 13; before: REJECTED, shuocheng, leased, reject)
    assertThat(shownValue("outcome")).isEqualTo("不予认定");
    assertThat(shownValue("county")).isEqualTo("朔城区");
    assertThat(shownValue("premises")).isIn("租赁", "自有");
    assertThat(shownValue("bureauDecision")).isEqualTo("不予认定");
    assertThat(shownValue("intakeResult")).isEqualTo("予以受理");
    assertThat(browser.visible(By.cssSelector(".audit-variables")).getText()).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
    WebElement outcome = browser.visible(By.cssSelector(".audit-variables tr[data-variable='outcome']"));
    assertThat(outcome.getText()).contains("办理结果");
    // every variable with its meaning from the dictionary's table "variable" (before: spaceAddress,
    // declarationConfirmed, searchText, intakeResult and the task cards' card* had their names only)
    assertThat(meaning("spaceAddress")).isEqualTo("众创空间地址");
    assertThat(meaning("intakeResult")).isEqualTo("受理审查结果");
    assertThat(meaning("searchText")).contains("检索");
    List<WebElement> variableRows = browser.driver().findElements(By.cssSelector(".audit-variables tr[data-variable]"));
    assertThat(variableRows).extracting(r -> r.getAttribute("data-variable")).anyMatch(name -> name.startsWith("card"));
    assertThat((String) browser.js("return [...document.querySelectorAll('.audit-variables tr[data-variable]')]"
        + ".filter(r => !/\\p{Script=Han}/u.test(r.querySelector('td:first-child .audit-muted')?.textContent || ''))"
        + ".map(r => r.dataset.variable).join(' ');")).as("variables without a Chinese label").isEmpty();
    browser.visible(By.cssSelector(".audit-variable-filter")).sendKeys("局务会");
    browser.await().until(d -> d.findElements(By.cssSelector(".audit-variables tr[data-variable]")).size() == 2);
    WebElement decision = browser.visible(By.cssSelector(".audit-variables tr[data-variable='bureauDecision']"));
    decision.findElement(By.cssSelector(".audit-toggle")).click();
    browser.await().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".audit-variables tr[data-variable='bureauDecision'] + tr.audit-variable-history"), "leader1"));
    screenshotOfTab("audit-variables.png");

    // the user operation log
    openTab("operations");
    String log = browser.visible(By.cssSelector(".audit-operations")).getText();
    assertThat(log).contains("认领", "完成", "朔城区审核员一（shuocheng1）", "局领导一（leader1）");
    // hover texts too: a property reads as its label only (no title "assignee" over 处理人)
    assertThat(browser.driver().findElements(By.cssSelector(".audit-operations td:nth-child(6) [title]"))).isEmpty();
    screenshotOfTab("audit-operation-log.png");

    // comments
    openTab("comments");
    assertThat(browser.visible(By.cssSelector(".audit-comments")).getText())
        .contains("申请材料齐全，同意进入实地考察。").contains("经局务会研究，暂不予认定。");

    // Camunda's own link to a finished instance now lands on this page (CE would redirect away)
    browser.open(cockpit("#/process-instance/" + data.finishedId()));
    browser.await().until(d -> d.getCurrentUrl().contains("/process-instance/" + data.finishedId() + "/history"));
    browser.visible(By.cssSelector(".audit-timeline"));

    assertThat(pluginErrors()).isEmpty();
  }

  @Test
  void theAuditorFindsACertificateFromTheDashboardAndFollowsItToItsSupervision() {
    String certificate = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(data.certifiedId()).variableName("certificateNumber").singleResult().getValue();
    logIn();

    browser.open(cockpit("#/dashboard"));
    WebElement input = browser.visible(By.cssSelector(".audit-dashboard .audit-search-input"));
    input.sendKeys(certificate);
    browser.click(By.cssSelector(".audit-dashboard .audit-search-submit"));
    WebElement certification = browser.visible(
        By.cssSelector(".audit-search-table tr[data-instance-id='" + data.certifiedId() + "']"));
    assertThat(certification.getText()).contains("众创空间认定").contains("已认定").contains("证书编号");
    if (data.supervisionId() != null) {
      assertThat(browser.visible(By.cssSelector(".audit-search-table tr[data-instance-id='" + data.supervisionId()
          + "']")).getText()).contains("众创空间年度管理").contains(certificate);
    }
    browser.scrollIntoView(browser.visible(By.cssSelector(".audit-dashboard")));
    browser.screenshot(IMAGES.resolve("audit-dashboard-search.png"));

    certification.findElement(By.cssSelector(".audit-open-history")).click();
    browser.visible(By.cssSelector(".audit-timeline"));
    assertThat(browser.visible(By.cssSelector(".audit-summary")).getText()).contains(certificate).contains("已认定");
    if (data.supervisionId() != null) {
      browser.click(By.cssSelector(".audit-summary a.audit-instance-link"));
      browser.await().until(d -> d.getCurrentUrl().contains(data.supervisionId()));
      WebElement back = browser.withText(By.cssSelector(".audit-summary"), "认定流程");
      assertThat(back.getText()).contains(certificate);
      browser.screenshot(IMAGES.resolve("audit-supervision.png"));
    }
    assertThat(pluginErrors()).isEmpty();
  }

  @Test
  void cockpitsOwnPagesStillWorkForTheAuditorAndLeadToTheHistory() {
    logIn();
    browser.open(cockpit("#/processes"));
    browser.visible(By.cssSelector("a[href*='#/process-definition/']"));
    // Camunda's column 历史视图 (there because of our 'history' view) leads to the definition's 历史 tab
    // (before: #/process-definition/{id}/history, which this Cockpit does not know: back to the dashboard)
    WebElement historyView = browser.visible(
        By.cssSelector("td.history-link a[href^='#/process-definition/maker-space-certification:']"));
    assertThat(historyView.getText()).isEqualTo("历史视图");
    historyView.click();
    browser.await().until(d -> d.getCurrentUrl().contains("/runtime?detailsTab=audit-history-tab"));
    assertThat(browser.driver().getCurrentUrl()).contains("#/process-definition/maker-space-certification:");
    browser.visible(By.cssSelector(".audit-history-tab .audit-instances"));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("dashboard");
    browser.open(cockpit("#/decisions"));
    browser.visible(By.cssSelector("a[href*='#/decision-definition/']"));
    // Camunda's decision instance page speaks Chinese too: dmn-js's captions, the inputs as labels, the types
    String routing = engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(data.finishedId())
        .decisionDefinitionKey("first-review-routing").list().get(0).getId();
    browser.open(cockpit("#/decision-instance/" + routing));
    assertThat(browser.withText(By.cssSelector(".hit-policy"), "命中策略").getText()).contains("唯一命中");
    assertThat(browser.withText(By.cssSelector("th[data-col-id='in-county']"), "朔城区").getText())
        .startsWith("且").contains("= 朔城区").doesNotContain("shuocheng");
    assertThat(browser.withText(By.cssSelector("th.annotation"), "备注").getText()).isEqualTo("备注");
    browser.withText(By.cssSelector(".view-drd-button"), "查看决策需求图");
    By countyRow = By.xpath("//table[contains(@class,'cam-table')]//tr[td[contains(@class,'col-name')]"
        + "[normalize-space(.)='所在县（区）']]");
    browser.withText(countyRow, "朔城区");
    assertThat(browser.driver().findElement(countyRow).getText()).contains("文本").doesNotContain("String", "shuocheng");
    browser.await(Duration.ofSeconds(3)).until(d -> browser.latinWordsOnPage().isEmpty());
    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime"));
    browser.visible(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));
    // no version tag: "无", not "版本标签：null" (issue 13)
    assertThat(browser.visible(By.cssSelector("dd.version-tag")).getText()).isEqualTo("无");
    // Camunda's own 流程实例 tab dates its instances the way the rest does (before: 2026-12-07T05:34:26),
    // in Beijing time like ReadableValues, though the browser is in New York (before: its local time)
    By runningStart = By.xpath("//tr[.//a[@title='" + data.runningId() + "']]/td[contains(@class, 'start-time')]");
    Date runningStarted = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(data.runningId()).singleResult().getStartTime();
    assertThat(browser.visible(runningStart).getText()).isEqualTo(ReadableValues.dateTime(runningStarted));
    assertThat(browser.driver().findElements(By.cssSelector("td.start-time")))
        .allSatisfy(cell -> assertThat(cell.getText()).matches(READABLE_DATE));
    assertThat(browser.visible(By.id("footer-timezone")).getText()).isEqualTo("日期和时间均为北京时间");

    // an administrator moved the due date of the running case's task: the log holds epoch milliseconds
    Task open = engine.getTaskService().createTaskQuery().processInstanceId(data.runningId()).list().get(0);
    engine.getIdentityService().setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    try {
      open.setDueDate(new Date(open.getDueDate() == null ? System.currentTimeMillis() : open.getDueDate().getTime() + 86_400_000L));
      engine.getTaskService().saveTask(open);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // a running instance: Camunda's runtime view with our 历史 button next to its actions, not clipped
    browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime"));
    WebElement action = browser.visible(By.cssSelector(".audit-history-action"));
    assertThat(action.getText()).contains("历史");
    assertThat((Boolean) browser.js("const b = arguments[0], r = b.getBoundingClientRect();"
        + " return b.scrollWidth <= b.clientWidth && r.right <= b.parentElement.getBoundingClientRect().right"
        + " && r.right <= document.documentElement.clientWidth;", action))
        .as("the 历史 button shows its whole label inside the page (before: 7 pixels past its edge)").isTrue();
    browser.click(By.cssSelector(".audit-history-action"));
    browser.await().until(d -> d.getCurrentUrl().contains("/process-instance/" + data.runningId() + "/history"));
    String timeline = browser.visible(By.cssSelector(".audit-timeline")).getText();
    assertThat(timeline).contains("初审").contains("进行中");
    openTab("operations");
    String log = browser.visible(By.cssSelector(".audit-operations")).getText();
    assertThat(log).as("due dates as dates (before: 1797004799000)").contains("到期时间").containsPattern(READABLE_DATE)
        .doesNotContainPattern("\\d{11,}");

    // the 历史查询 page in the header
    browser.click(By.cssSelector("a[href='#/audit-search']"));
    browser.visible(By.cssSelector(".audit-search-page .audit-search-input")).sendKeys(data.runningKey());
    browser.click(By.cssSelector(".audit-search-page .audit-search-submit"));
    browser.visible(By.cssSelector(".audit-search-table tr[data-instance-id='" + data.runningId() + "']"));
    // or by the organisation's credit code (or a name: the same searchText), lower-cased as people type
    String creditCode = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(data.runningId()).variableName("creditCode").singleResult().getValue();
    WebElement query = browser.visible(By.cssSelector(".audit-search-page .audit-search-input"));
    query.clear();
    query.sendKeys(creditCode.toLowerCase());
    browser.click(By.cssSelector(".audit-search-page .audit-search-submit"));
    assertThat(browser.visible(By.cssSelector(".audit-search-table tr[data-instance-id='" + data.runningId() + "']"))
        .getText()).contains("名称或信用代码包含");

    assertThat(browser.consoleLog()).noneMatch(line -> line.contains("status of 403"));
  }

  private void logIn() {
    browser.open(cockpit(""));
    browser.signInToWebapp("auditor1");
    browser.visible(By.cssSelector(".audit-dashboard"));
  }

  private String cockpit(String fragment) {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/" + fragment;
  }

  /** The value the variables tab shows for a variable. */
  private String shownValue(String variable) {
    return browser.visible(By.cssSelector(".audit-variables tr[data-variable='" + variable + "']"))
        .findElements(By.tagName("td")).get(2).getText();
  }

  /** The meaning the variables tab shows under a variable's name. */
  private String meaning(String variable) {
    return browser.visible(By.cssSelector(".audit-variables tr[data-variable='" + variable + "'] td:first-child .audit-muted"))
        .getText();
  }

  private void openTab(String tab) {
    browser.click(By.cssSelector(".audit-tabs a[data-tab='" + tab + "']"));
    browser.await().until(d -> d.findElement(By.cssSelector(".audit-tabs li.active a")).getAttribute("data-tab")
        .equals(tab));
  }

  /** Scrolls the page so that the tabs are at the top and saves what the window shows. */
  private void screenshotOfTab(String file) {
    browser.js("arguments[0].scrollIntoView({block: 'start'});", browser.visible(By.cssSelector(".audit-tabs")));
    browser.screenshot(IMAGES.resolve(file));
  }

  /** Console errors that come from our plugin's modules. */
  private List<String> pluginErrors() {
    return browser.consoleLog().stream()
        .filter(line -> line.contains("SEVERE"))
        .filter(line -> line.contains("scripts/history/"))
        .toList();
  }
}
