package cn.gov.shuozhou.makerspace.rules.browser;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.MaterialDrafts;
import cn.gov.shuozhou.makerspace.common.CreditCode;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The rule page ({@code /rules/}) in a real Chromium: a rule administrator raises the
 * non-university minimum area of Art. 4 from 200 to 300 m² in the browser's DMN table editor,
 * sees the regression cases that change, confirms them with a reason and proposes the table; an
 * Art. 4 threshold is statutory, so it cannot approve its own proposal, and a second rule
 * administrator approves it on the same page. An application of 250 m² filed afterwards is flagged
 * by the new version. Finally the second administrator proposes the rollback and the first approves it. Screenshots of each step go to {@link Browser#screenshots()}; with
 * {@code -Dscreenshots.dir=docs/images} they refresh the administrator's guide in {@code docs/rules.md}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (see {@link Browser}).
 */
class RuleAdministrationBrowserTest extends AbstractHttpTest {

  @Autowired
  ProcessEngine engine;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "article4-eligibility";
  private static final String NAME = "众创空间认定条件（第四条）";
  private static final String RULE = "rule-area-other";
  private static final Path IMAGES = Browser.screenshots();

  private Browser browser;
  private int versionBefore;

  @BeforeEach
  void openBrowser() throws IOException {
    versionBefore = latestDecision().get("version").asInt();
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowserAndRestoreTheRule() throws IOException {
    if (browser != null) {
      browser.close();
    }
    // Test classes of the same configuration share one application: leave Art. 4 as it was.
    JsonNode pending = JSON.readTree(rulesApi("ruleadmin1", "GET", "/" + KEY, null).body()).get("proposals");
    for (JsonNode proposal : pending) {
      if (proposal.get("status").asText().equals("PROPOSED")) {
        rulesApi("ruleadmin1", "POST", "/" + KEY + "/proposals/" + proposal.get("proposalId").asText() + "/reject",
            "{\"reason\": \"浏览器测试结束\"}");
      }
    }
    JsonNode latest = latestDecision();
    if (latest.get("version").asInt() != versionBefore && latestXml().contains("&lt; 300")) {
      HttpResponse<String> rollback = rulesApi("ruleadmin1", "POST", "/" + KEY + "/rollback",
          "{\"version\": " + versionBefore + ", \"reason\": \"浏览器测试结束，恢复原规则\"}");
      assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(202);
      HttpResponse<String> approved = rulesApi("ruleadmin2", "POST", "/" + KEY + "/proposals/"
          + JSON.readTree(rollback.body()).get("proposalId").asText() + "/approve", "{\"reason\": \"恢复原规则\"}");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    }
  }

  @Test
  void ruleAdministratorRaisesTheMinimumAreaAndA250SquareMetreApplicationIsFlagged() throws IOException {
    new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng"); // a case the change reaches
    // ------------------------------------------------------------ the page asks for a login
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/rules/")).GET());
    assertThat(page.statusCode())
        .as("GET /rules/ must serve the rule page (README link): map /rules/ to forward:/rules/index.html")
        .isEqualTo(200);
    browser.open(uri("/rules/").toString());
    assertThat(browser.driver().getTitle()).isEqualTo("规则管理 · 朔州市众创空间认定与管理");
    browser.visible(By.id("login-username")).sendKeys("ruleadmin1");
    browser.driver().findElement(By.id("login-password")).sendKeys("ruleadmin1");
    browser.screenshot(IMAGES.resolve("rules-login.png"));
    browser.click(By.id("login-submit"));

    // ------------------------------------------------------------ list of every decision
    WebElement row = browser.visible(By.cssSelector("#decision-list tr[data-key='" + KEY + "']"));
    assertThat(row.getText()).contains(NAME).contains("第 " + versionBefore + " 版");
    assertThat(browser.driver().findElements(By.cssSelector("#decision-list tbody tr[data-key]")))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(browser.withText(By.id("user-name"), "（ruleadmin1）").getText()).isEqualTo("规则管理员一（ruleadmin1）");
    browser.click(By.cssSelector("#decision-list tr[data-key='" + KEY + "']"));
    browser.withText(By.id("detail-name"), NAME);
    // the cases in progress a change reaches, by the step where they wait: the inspection measures again
    String ahead = runningSummary("running-cases-body");
    assertThat(ahead).startsWith("共有 " + JSON.readTree(rulesApi("ruleadmin1", "GET", "/" + KEY + "/running-cases", null)
        .body()).get("cases").asLong() + " 件在办案件");
    assertThat(browser.visible(By.xpath("//div[@id='running-cases-body']//tr[td[1]='众创空间认定' and td[2]='实地考察']"))
        .findElement(By.xpath("td[3]")).getText()).matches("[1-9][0-9]*");
    WebElement readable = browser.visible(readableRow());
    assertThat(readable.getText()).contains("< 200, null").contains("AREA_BELOW_MINIMUM");
    List<String> typesBefore = typeRefs(latestXml());
    assertThat(typesBefore).contains("double", "string", "boolean", "integer");
    // column types by their Chinese names (before: dmn-js's double, string, boolean); bpmn.io's logo over no cell
    assertColumnTypesInChinese("#readable-table");
    assertLogoCoversNoCell("#readable-table");
    assertThat(browser.visible(By.cssSelector("#version-history tr[data-version='" + versionBefore + "']")).getText())
        .contains("当前生效");
    browser.fullPageScreenshot(IMAGES.resolve("rules-list.png"));

    // ------------------------------------------------------------ edit in the DMN table editor
    browser.click(By.id("edit-button"));
    // the editor speaks Chinese: its headings, hit policy and the column menus (dmn-js writes English)
    WebElement editor = browser.visible(By.cssSelector("#dmn-editor .tjs-table"));
    String header = browser.visible(By.cssSelector("#dmn-editor .decision-table-properties")).getText();
    assertThat(header).contains("命中策略：");
    String labels = editor.getText() + "\n" + header;
    assertThat(labels).contains("当").contains("则").contains("备注")
        .doesNotContain("Hit Policy").doesNotContain("When").doesNotContain("Then").doesNotContain("Annotations");
    RulePage.replaceCell(browser, By.cssSelector("#dmn-editor td[data-element-id='" + RULE + "-in-totalArea']"), "< 300, null");
    // the threshold alone: 检查 points out the rule's words that still say 200 (applicants read 说明)
    browser.click(By.id("check-button"));
    assertThat(browser.withText(By.id("check-warnings"), "仍写着").getText())
        .contains("第3条规则「说明」列仍写着「200」，而该规则条件中的 200 已改为 300：请核对这段文字是否也要一并修改")
        .contains("第3条规则的备注仍写着「200」");
    RulePage.replaceCell(browser, By.cssSelector("#dmn-editor td[data-element-id='" + RULE + "-out-message']"),
        "\"可自主支配场地面积不足：非大专院校众创空间不低于300平方米\"");
    RulePage.replaceCell(browser, By.cssSelector("#dmn-editor td.annotation[data-row-id='" + RULE + "']"), "其他众创空间面积不足300平方米");
    browser.withText(By.id("editor-status"), "已修改");
    assertColumnTypesInChinese("#dmn-editor");
    assertLogoCoversNoCell("#dmn-editor");
    browser.js("const c = document.querySelector('#dmn-editor .tjs-table-container');"
        + " c.scrollLeft = 0; c.scrollTop = 0;");
    editable(By.cssSelector("#dmn-editor td[data-element-id='" + RULE + "-in-totalArea']")).click();
    // the cell being edited shows the focus (dmn-js draws none)
    assertThat((String) browser.js("return getComputedStyle(document.querySelector("
        + "'#dmn-editor td[data-element-id=\"" + RULE + "-in-totalArea\"]')).outlineStyle;")).isEqualTo("solid");
    // rules and columns are added and removed without the context menu too (keyboard: buttons), and undone
    By rows = By.cssSelector("#dmn-editor .tjs-table tbody tr");
    By inputColumns = By.cssSelector("#dmn-editor .tjs-table th.input-cell");
    int ruleCount = browser.driver().findElements(rows).size();
    int inputCount = browser.driver().findElements(inputColumns).size();
    browser.click(By.id("add-rule-button"));
    browser.await().until(d -> d.findElements(rows).size() == ruleCount + 1);
    assertThat((Boolean) browser.js("const r = document.querySelector('#dmn-editor td.annotation[data-row-id=\"" + RULE
        + "\"]').closest('tr'); return r.nextElementSibling !== null && r.nextElementSibling.querySelector('td.annotation')"
        + ".textContent.trim() === '';")).as("the new rule comes below the focused one").isTrue();
    browser.click(By.id("undo-button"));
    browser.await().until(d -> d.findElements(rows).size() == ruleCount);
    browser.click(By.id("remove-rule-button"));
    browser.await().until(d -> d.findElements(rows).size() == ruleCount - 1
        && d.findElements(By.cssSelector("#dmn-editor td.annotation[data-row-id='" + RULE + "']")).isEmpty());
    browser.click(By.id("undo-button"));
    browser.withText(By.cssSelector("#dmn-editor td.annotation[data-row-id='" + RULE + "']"), "其他众创空间面积不足300平方米");
    browser.click(By.id("add-input-button"));
    browser.await().until(d -> d.findElements(inputColumns).size() == inputCount + 1);
    browser.click(By.id("undo-button"));
    browser.await().until(d -> d.findElements(inputColumns).size() == inputCount && d.findElements(rows).size() == ruleCount);
    browser.js("document.getElementById('change-panel').scrollIntoView({block: 'start'});");
    browser.screenshot(IMAGES.resolve("rules-editor.png"));

    // ------------------------------------------------------------ check: affected cases side by side
    browser.click(By.id("check-button"));
    WebElement summary = browser.withText(By.id("check-summary"), "检查通过");
    assertThat(summary.getText()).contains("个回归用例的结果将发生变化");
    assertThat(browser.driver().findElements(By.id("check-warnings"))).as("the words changed with it").isEmpty();
    List<WebElement> changed = browser.driver().findElements(By.cssSelector("#changed-cases tr.changed-case"));
    assertThat(changed).isNotEmpty();
    String changedText = browser.driver().findElement(By.id("changed-cases")).getText();
    assertThat(changedText)
        .contains("非校内面积恰好200平方米：满足") // 200 m² was enough, now it is not
        .contains("不低于200平方米")
        .contains("不低于300平方米");
    assertThat(browser.driver().findElement(By.id("unchanged-count")).getText()).matches("结果不变的用例：\\d+ 个。");
    // a case's inputs show codes as their labels from the shared dictionary (issue 13; before: leased, other)
    String inputs = browser.driver().findElement(By.cssSelector("#changed-cases .case-inputs")).getDomProperty("textContent");
    assertThat(inputs).containsAnyOf("租赁", "自有").contains("其他").doesNotContain("leased", "owned");
    // every input is named in Chinese, also those the table reads only in an expression
    assertThat(browser.driver().findElements(By.cssSelector("#changed-cases .case-inputs th")))
        .extracting(th -> th.getDomProperty("textContent")).noneMatch(label -> label.matches("[A-Za-z]+"));
    assertThat(browser.driver().findElement(By.id("editor-status")).getText()).isEqualTo("检查通过，尚未启用");
    browser.js("document.getElementById('check-button').scrollIntoView({block: 'start'});");
    browser.screenshot(IMAGES.resolve("rules-check.png"));

    // ------------------------------------------------------------ confirm with a reason, activate
    WebElement confirm = browser.visible(By.id("confirm-changes"));
    assertThat(browser.driver().findElement(By.id("confirm-label")).getText()).contains("我已核对上述用例变化");
    browser.click(By.id("activate-button"));
    assertThat(browser.visible(By.id("activate-error")).getText()).contains("请填写启用原因");
    assertThat(runningSummary("activate-running")).as("said again where the change is confirmed").isEqualTo(ahead);
    browser.click(By.id("activate-reason")).sendKeys("根据市科技局通知，非校内众创空间可自主支配面积门槛由200平方米调整为300平方米");
    browser.click(By.id("activate-button"));
    assertThat(browser.withText(By.id("activate-error"), "我已核对上述用例变化").isDisplayed()).isTrue();
    browser.scrollIntoView(confirm);
    confirm.click();
    browser.click(By.id("activate-button"));

    // ------------------------------------------------------------ a statutory number: proposed, not active
    browser.withText(By.id("activated-message"), "已提交审批");
    browser.withText(By.cssSelector("#active-facts [data-fact='version']"), "第 " + versionBefore + " 版");
    assertThat(browser.visible(By.cssSelector("#proposal-facts [data-fact='proposedBy']")).getText())
        .contains("规则管理员一（ruleadmin1）");
    // the proposer is not offered 批准并启用 (the server refuses it too: RuleAdministrationHttpTest)
    assertThat(browser.visible(By.id("proposal-own")).getText()).contains("须由另一名规则管理员审批");
    assertThat(browser.driver().findElement(By.id("proposal-approve")).isDisplayed()).isFalse();
    // what the proposer may do is a withdrawal, and says so
    assertThat(browser.driver().findElement(By.id("proposal-reject")).getText()).isEqualTo("撤回");
    assertThat(browser.driver().findElement(By.id("proposal-reason-label")).getText()).contains("撤回原因");
    assertThat(latestDecision().get("version").asInt()).isEqualTo(versionBefore);
    browser.js("document.getElementById('proposal-panel').scrollIntoView({block: 'start'});");
    browser.screenshot(IMAGES.resolve("rules-proposal.png"));

    // ------------------------------------------------------------ the second rule administrator approves
    switchUser("ruleadmin2");
    // the approver sees what changes: the cases side by side, as the proposer saw them
    // (the panel is drawn again once the page knows its user: found anew until it shows the cases)
    browser.withText(By.id("proposal-changed-cases"), "不低于300平方米");
    assertThat(browser.driver().findElement(By.id("proposal-own")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElement(By.id("proposal-reject")).getText()).isEqualTo("驳回");
    browser.click(By.id("proposal-reason")).sendKeys("已核对市科技局通知原文，同意");
    browser.click(By.id("proposal-approve"));
    int newVersion = versionBefore + 1;
    browser.withText(By.id("activated-message"), "已启用新版本：第 " + newVersion + " 版");
    browser.withText(By.cssSelector("#active-facts [data-fact='version']"), "第 " + newVersion + " 版");
    assertThat(browser.driver().findElement(By.cssSelector("#active-facts [data-fact='activatedBy']")).getText())
        .contains("规则管理员二（ruleadmin2）");
    WebElement record = browser.visible(By.cssSelector("#proposal-history tr[data-status='APPROVED']"));
    assertThat(record.getText()).contains("已批准并生效").contains("规则管理员一（ruleadmin1）").contains("规则管理员二（ruleadmin2）")
        .contains("已核对市科技局通知原文，同意").contains("第 " + newVersion + " 版");
    assertThat(browser.driver().findElement(By.id("proposal-panel")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElement(By.cssSelector("#active-facts [data-fact='activatedAt']")).getText())
        .as("dates as 2026年12月6日 14:30 (issue 13)").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d");
    assertThat(browser.driver().findElement(readableRow()).getText())
        .contains("< 300, null").contains("不低于300平方米");
    assertThat(browser.driver().findElement(By.cssSelector("#decision-list tr[data-key='" + KEY + "']")).getText())
        .contains("第 " + newVersion + " 版").contains("规则管理员二（ruleadmin2）").contains("规则管理员修改");
    browser.js("window.scrollTo(0, document.getElementById('detail').offsetTop - 10);");
    browser.screenshot(IMAGES.resolve("rules-activated.png"));

    JsonNode latest = latestDecision();
    assertThat(latest.get("version").asInt()).isEqualTo(newVersion);
    // the Chinese type names were the page's words only: the edited file keeps every typeRef
    assertThat(typeRefs(latestXml())).isEqualTo(typesBefore);
    String newDefinitionId = latest.get("id").asText();

    // ------------------------------------------------------------ an earlier version, read-only
    browser.click(By.cssSelector("#version-history tr[data-version='" + versionBefore + "'] .view-button"));
    browser.withText(By.id("view-caption"), "正在查看第 " + versionBefore + " 版");
    browser.withText(readableRow(), "< 200, null");
    browser.click(By.id("view-active"));
    browser.withText(readableRow(), "< 300, null");
    assertThat(browser.driver().findElement(By.id("view-caption")).isDisplayed()).isFalse();

    // ------------------------------------------------------------ a 250 m² application is flagged
    String processInstanceId = applyWithArea(250.0);
    JsonNode decisions = awaitArticle4Decision(processInstanceId);
    JsonNode first = decisions.get(0);
    assertThat(first.get("decisionDefinitionId").asText()).isEqualTo(newDefinitionId);
    assertThat(first.get("activityId").asText()).isEqualTo("checkEligibility");
    assertThat(codes(first)).contains("AREA_BELOW_MINIMUM");

    // ------------------------------------------------------------ roll back from the page
    browser.click(By.cssSelector("#version-history tr[data-version='" + versionBefore + "'] .rollback-button"));
    browser.visible(By.id("rollback-reason")).sendKeys("浏览器测试：恢复原面积门槛");
    // before it is confirmed, the dialog says what the rollback changes: the flag of 300 m² goes
    assertThat(browser.visible(By.id("rollback-changed-cases")).getText()).contains("不低于300平方米");
    assertThat(runningSummary("rollback-running")).isEqualTo(ahead);
    browser.screenshot(IMAGES.resolve("rules-rollback.png"));
    browser.click(By.id("rollback-confirm"));
    browser.withText(By.id("activated-message"), "已提交审批");
    switchUser("ruleadmin1");
    browser.click(By.id("proposal-reason")).sendKeys("同意恢复");
    browser.click(By.id("proposal-approve"));
    browser.withText(By.id("activated-message"), "已启用新版本");
    browser.withText(By.cssSelector("#active-facts [data-fact='version']"), "第 " + (newVersion + 1) + " 版");
    assertThat(browser.driver().findElement(readableRow()).getText())
        .contains("< 200, null");
    assertThat(latestXml()).contains("&lt; 200, null").doesNotContain("&lt; 300");
    assertThat(browser.consoleLog()).noneMatch(line -> line.contains("Uncaught"));
  }

  @Test
  void anUploadedTableWithAnotherExpressionLanguageIsRefusedInChinese() throws IOException {
    Path file = Files.createTempFile("article4-groovy-", ".dmn");
    try {
      String packaged = latestXml();
      Files.writeString(file, packaged.replaceFirst("expressionLanguage=\"[^\"]*\"", "expressionLanguage=\"groovy\""),
          StandardCharsets.UTF_8);

      browser.open(uri("/rules/").toString());
      browser.visible(By.id("login-username")).sendKeys("ruleadmin1");
      browser.driver().findElement(By.id("login-password")).sendKeys("ruleadmin1");
      browser.click(By.id("login-submit"));
      browser.click(By.cssSelector("#decision-list tr[data-key='" + KEY + "']"));
      browser.withText(By.id("detail-name"), NAME);

      browser.present(By.id("upload-input")).sendKeys(file.toAbsolutePath().toString());
      assertThat(browser.withText(By.id("upload-block"), file.getFileName().toString()).getText())
          .contains("文件中的决策：" + KEY);
      browser.click(By.id("check-button"));
      browser.withText(By.id("check-summary"), "检查未通过，不能启用");
      assertThat(browser.driver().findElement(By.id("check-errors")).getText()).contains("groovy").contains("FEEL");
      assertThat(browser.driver().findElement(By.id("activate-form")).isDisplayed()).isFalse();
      browser.js("document.getElementById('change-panel').scrollIntoView({block: 'start'});");
      browser.screenshot(IMAGES.resolve("rules-upload-refused.png"));
      assertThat(latestDecision().get("version").asInt()).isEqualTo(versionBefore);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  // ------------------------------------------------------------------ browser helpers

  /** The rule's row in the read-only table (dmn-js's viewer marks each cell of a rule with its id). */
  private static By readableRow() {
    return By.cssSelector("#readable-table tr:has(td[data-row-id='" + RULE + "'])");
  }

  /** The types under the column names, as dmn-js draws them: Chinese names only. */
  private void assertColumnTypesInChinese(String container) {
    List<String> types = browser.driver()
        .findElements(By.cssSelector(container + " .input-variable, " + container + " .output-variable")).stream()
        .map(type -> type.getDomProperty("textContent").strip())
        .toList();
    assertThat(types).isNotEmpty().contains("数值", "文本", "是/否", "整数")
        .doesNotContain("double", "string", "boolean", "integer");
  }

  /**
   * dmn-js's bpmn.io logo must stay visible (the library's licence) but lie over no cell of the
   * table (before: pinned to the bottom right corner, over the last rows' 备注). A cell counts with
   * its visible part only: in the editor the table scrolls inside dmn-js's own container.
   */
  private void assertLogoCoversNoCell(String container) {
    Object covered = browser.js("const root = document.querySelector(arguments[0]);"
        + " const logo = root.querySelector('.powered-by');"
        + " const a = logo && logo.getBoundingClientRect();"
        + " if (!a || a.width === 0 || a.height === 0) return 'no logo';"
        + " const visible = (cell) => { const b = cell.getBoundingClientRect();"
        + "   const s = (cell.closest('.tjs-table-container') || root).getBoundingClientRect();"
        + "   return {left: Math.max(b.left, s.left), right: Math.min(b.right, s.right),"
        + "     top: Math.max(b.top, s.top), bottom: Math.min(b.bottom, s.bottom)}; };"
        + " return [...root.querySelectorAll('td, th')].map(visible)"
        + "   .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).length;",
        container);
    assertThat(covered).as("cells under the bpmn.io logo in %s", container).isEqualTo(0L);
  }

  /** The typeRef of every column of a DMN file, in file order. */
  private static List<String> typeRefs(String xml) {
    return Pattern.compile("typeRef=\"([^\"]*)\"").matcher(xml).results()
        .map(match -> match.group(1))
        .toList();
  }

  private WebElement editable(By cell) {
    return browser.present(cell).findElement(By.cssSelector("[contenteditable='true']"));
  }

  /** What the box {@code id} says of the running cases a change reaches. */
  private String runningSummary(String id) {
    return browser.visible(By.cssSelector("#" + id + " .running-summary")).getText();
  }


  // ------------------------------------------------------------------ REST helpers

  /** The newest article4-eligibility decision definition, as the engine sees it (admin). */
  private JsonNode latestDecision() throws IOException {
    HttpResponse<String> r = rest("admin").get("/decision-definition?key=" + KEY + "&latestVersion=true");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(r.body());
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private String latestXml() throws IOException {
    HttpResponse<String> r = rest("admin").get("/decision-definition/" + latestDecision().get("id").asText() + "/xml");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("dmnXml").asText();
  }

  /** Logs out on the page and in again as {@code user}, then opens the rule under test. */
  private void switchUser(String user) {
    browser.click(By.id("logout-button"));
    RulePage.signInAndOpen(browser, user, KEY, NAME);
  }

  private HttpResponse<String> rulesApi(String user, String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/rules" + path))
        .header("Accept", "application/json")
        .header("Authorization", basic(user));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return send(request);
  }

  /** Files an application as its organisation over {@code POST /api/applications}; returns the process instance id. */
  private String applyWithArea(double totalArea) throws IOException {
    String first17 = String.format("91140600MR%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    String creditCode = first17 + CreditCode.checkCharacter(first17);
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("operatorName", "朔州市青创空间运营管理有限公司");
    application.put("creditCode", creditCode);
    application.put("spaceName", "朔城区青年创客空间");
    application.put("spaceAddress", "朔州市朔城区民福街1号");
    application.put("county", "shuocheng");
    application.put("hostType", "other");
    application.put("spaceFocus", "maker");
    application.put("totalArea", totalArea);
    application.put("publicServiceArea", totalArea - 20.0);
    application.put("premises", "leased");
    application.put("leaseYears", 6.0);
    application.put("seedFundAmount", 500000.0);
    application.put("mentorCount", 5);
    application.put("monthlyEvents", 2.0);
    application.put("activeMakers", 25);
    application.put("activeTeams", 4);
    application.put("independentOperator", true);
    application.put("sharedFacilities", true);
    application.put("onlineServices", true);
    application.put("lowCostOrFree", true);
    application.put("convertedOldBuilding", false);
    application.put("contactName", "李强");
    application.put("contactPhone", "13903497788");
    MaterialDrafts.of(engine).uploadRequired(OrganisationAccounts.ownerOf(engine, creditCode), application);
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(OrganisationAccounts.ownerOf(engine, creditCode)))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(application), StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("processInstanceId").asText();
  }

  /** The Art. 4 pre-check of the instance in the history (admin), waiting briefly for it. */
  private JsonNode awaitArticle4Decision(String processInstanceId) throws IOException {
    String path = "/history/decision-instance?processInstanceId=" + processInstanceId
        + "&decisionDefinitionKey=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8)
        + "&includeOutputs=true&sortBy=evaluationTime&sortOrder=asc";
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> r = rest("admin").get(path);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode list = JSON.readTree(r.body());
      if (!list.isEmpty()) {
        return list;
      }
      assertThat(System.nanoTime()).as("no Art. 4 decision in the history of " + processInstanceId).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> codes(JsonNode decisionInstance) {
    return decisionInstance.get("outputs").findParents("variableName").stream()
        .filter(output -> "code".equals(output.get("variableName").asText()))
        .map(output -> output.get("value").asText())
        .toList();
  }

  private static String basic(String demoUser) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
  }
}
