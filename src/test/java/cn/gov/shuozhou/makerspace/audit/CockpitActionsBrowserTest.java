package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Cockpit's changing actions and its pages' language, in a Chinese Chromium: the administrator suspends
 * and activates the certification process from its page (挂起, 激活; Cockpit PUTs .../suspended/ with a
 * trailing slash, which the canonical path guard refused) and is offered 删除, 添加变量, the variables' editing,
 * 覆盖作业优先级 and a deployment's 删除; the auditor, who changes nothing, and the city bureau, which has no
 * right over running cases, are offered none of them (nor 挂起, 激活, 作业重试) on a definition, an
 * instance, a job definition or a deployment; the decision pages speak Chinese; every Camunda webapp says
 * {@code lang="zh-CN"}; the historic instance page counts its 申报材料 and the 历史 tab's filter fields
 * have their labels.
 */
class CockpitActionsBrowserTest extends AbstractAuditTest {

  private static final By SUSPEND = By.cssSelector(".ctn-toolbar .glyphicon-pause");
  private static final By ACTIVATE = By.cssSelector(".ctn-toolbar .glyphicon-play");
  private static final By CANCEL = By.cssSelector(".ctn-toolbar .glyphicon-remove");
  private static final By ADD_VARIABLE = By.cssSelector(".ctn-toolbar .glyphicon-plus");
  private static final By JOB_RETRY = By.cssSelector(".ctn-toolbar .glyphicon-repeat");
  private static final By OVERRIDE_PRIORITY = By.cssSelector(".ctn-toolbar .glyphicon-cog");
  private static final By VARIABLE_ACTIONS = By.cssSelector("[cam-widget-variables-table] td.actions");
  private static final By DELETE_DEPLOYMENT = By.cssSelector(".delete-deployment");
  private static final By MORE = By.cssSelector("[cam-if-logged-in] li.dropdown > a.dropdown-toggle");
  private static final By MENU_DEPLOYMENTS = By.cssSelector("[cam-if-logged-in] .dropdown-menu a[href='#/repository']");
  private static final By MENU_BATCHES = By.cssSelector("[cam-if-logged-in] a[href='#/batch']");
  private static final By BATCHES_REFUSED = By.cssSelector(".ms-batch-refused");

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowserAndActivate() {
    if (browser != null) {
      browser.close();
    }
    if (engine.getRepositoryService().getProcessDefinition(data.definitionId()).isSuspended()) {
      engine.getRepositoryService().activateProcessDefinitionById(data.definitionId(), true, null);
    }
  }

  @Test
  void theAdministratorSuspendsAndActivatesTheCertificationProcessInCockpit() {
    signIn("admin");
    // a running instance's page offers 挂起 to the administrator
    browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime?detailsTab=variables-tab"));
    browser.visible(By.cssSelector(".audit-history-action"));
    browser.visible(SUSPEND);
    // and 删除 (cancel), 添加变量, the variables' editing
    browser.visible(CANCEL);
    browser.visible(ADD_VARIABLE);
    browser.visible(VARIABLE_ACTIONS);
    // a definition: 覆盖作业优先级 for all its job definitions; a deployment: its 删除
    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime"));
    browser.visible(OVERRIDE_PRIORITY);
    browser.open(cockpit("#/repository"));
    browser.present(DELETE_DEPLOYMENT);

    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime"));
    browser.click(By.xpath("//div[contains(@class,'ctn-toolbar')]//a[span[contains(@class,'glyphicon-pause')]]"));
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space(.)='挂起']"));
    browser.withText(By.cssSelector(".modal-dialog"), "流程定义的挂起状态已成功更新为“已挂起”");
    assertThat(engine.getRepositoryService().getProcessDefinition(data.definitionId()).isSuspended()).isTrue();
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space(.)='确定']"));

    browser.click(By.xpath("//div[contains(@class,'ctn-toolbar')]//a[span[contains(@class,'glyphicon-play')]]"));
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space(.)='激活']"));
    browser.withText(By.cssSelector(".modal-dialog"), "流程定义的挂起状态已成功更新为“已激活”");
    assertThat(engine.getRepositoryService().getProcessDefinition(data.definitionId()).isSuspended()).isFalse();
    assertThat(browser.consoleLog()).as("refused requests").noneMatch(line -> line.contains("status of 400"));
  }

  @Test
  void theAuditorAndTheCityBureauAreOfferedNoChangingAction() {
    for (String user : List.of("auditor1", "city1")) {
      signIn(user);
      // the instance's toolbar holds our 历史 button, rendered with Cockpit's own actions
      browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime?detailsTab=variables-tab"));
      browser.visible(By.cssSelector(".ctn-toolbar .audit-history-action"));
      // the variables, read-only (before: 编辑 and 删除 on each row)
      browser.visible(By.cssSelector("[cam-widget-variables-table] tbody tr"));
      assertThat(browser.driver().findElements(SUSPEND)).as(user).isEmpty();
      assertThat(browser.driver().findElements(ACTIVATE)).as(user).isEmpty();
      assertThat(browser.driver().findElements(CANCEL)).as(user + ": 删除").isEmpty();
      assertThat(browser.driver().findElements(ADD_VARIABLE)).as(user + ": 添加变量").isEmpty();
      assertThat(browser.driver().findElements(JOB_RETRY)).as(user + ": 作业重试").isEmpty();
      assertThat(browser.driver().findElements(VARIABLE_ACTIONS)).as(user + ": editing variables").isEmpty();

      browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime?detailsTab=job-definition-table"));
      browser.visible(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));
      browser.present(By.cssSelector(".ctn-toolbar view"));
      // the job definitions' rows, each with its cell of actions
      browser.visible(By.cssSelector("td.action"));
      assertThat(browser.driver().findElements(SUSPEND)).as(user).isEmpty();
      assertThat(browser.driver().findElements(ACTIVATE)).as(user).isEmpty();
      assertThat(browser.driver().findElements(OVERRIDE_PRIORITY)).as(user + ": 覆盖作业优先级").isEmpty();
      assertThat(browser.driver().findElements(By.cssSelector("td.action .glyphicon"))).as(user).isEmpty();
      assertThat(browser.driver().findElements(By.cssSelector(".btn-suspend-action"))).as(user).isEmpty();

      if (user.equals("auditor1")) {
        // the deployments, which the auditor reads (the city bureau is shown none)
        browser.open(cockpit("#/repository"));
        browser.visible(By.cssSelector("ul.deployments > li"));
        assertThat(browser.driver().findElements(DELETE_DEPLOYMENT)).as(user + ": 删除部署").isEmpty();
      }
      browser.signOutOfWebapp();
    }
  }

  /**
   * The header menu's 批处理 (under 更多) and its page: the administrator is offered both; the auditor and
   * the city bureau, whose batch changes the engine API refuses, see no entry, and the page opened by its
   * address says in Chinese that batch operations are the administrator's (before: the entry for everyone,
   * and the page's 挂起, 删除 and 重试 controls).
   */
  @Test
  void onlyTheAdministratorIsOfferedTheBatches() {
    signIn("admin");
    browser.click(MORE);
    browser.visible(MENU_BATCHES);
    browser.open(cockpit("#/batch"));
    browser.visible(By.cssSelector(".batch-wrapper"));
    assertThat(browser.driver().findElements(BATCHES_REFUSED)).isEmpty();
    browser.signOutOfWebapp();

    for (String user : List.of("auditor1", "city1")) {
      signIn(user);
      browser.open(cockpit("#/batch"));
      assertThat(browser.visible(BATCHES_REFUSED).getText()).as(user).contains("只有系统管理员可以执行批量操作");
      assertThat(browser.driver().findElements(By.cssSelector(".batch-wrapper"))).as(user).isEmpty();
      browser.click(MORE);
      browser.visible(MENU_DEPLOYMENTS);
      assertThat(browser.driver().findElements(MENU_BATCHES)).as(user + ": 批处理 in the menu").isEmpty();
      browser.signOutOfWebapp();
    }
  }

  /**
   * What the administrator reads in Cockpit where Camunda wrote English into its templates or our deployments
   * carried English names: the variables table's column of actions (before: "Actions"), the processes
   * dashboard's toggle (before: the tooltip "Toggle this section"), the deployment of our models (before:
   * "SpringAutoDeployment") and our rules' source on 部署 (before: "release").
   */
  @Test
  void theAdministratorReadsCockpitsTemplatesAndDeploymentsInChinese() {
    signIn("admin");
    browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime?detailsTab=variables-tab"));
    browser.visible(VARIABLE_ACTIONS);
    WebElement actions = browser.visible(By.cssSelector("[cam-widget-variables-table] thead td.actions"));
    assertThat(actions.getText()).isEqualTo("操作");
    // the diagram's zoom buttons are named by their titles only, which Camunda wrote in English
    browser.visible(By.cssSelector(".navigation.zoom button"));
    assertThat(browser.driver().findElements(By.cssSelector(".navigation button")))
        .extracting(button -> button.getAttribute("title")).containsExactlyInAnyOrder("放大", "缩小", "恢复原始大小");

    browser.open(cockpit("#/processes"));
    browser.visible(By.cssSelector("a[href*='#/process-definition/']"));
    WebElement toggle = browser.present(By.cssSelector(".processes-dashboard .section-toggle"));
    assertThat(toggle.getAttribute("uib-tooltip")).containsPattern("\\p{IsHan}");
    assertThat(Browser.latinWords(toggle.getAttribute("uib-tooltip"))).isEmpty();

    browser.open(cockpit("#/repository"));
    browser.visible(By.cssSelector("ul.deployments > li"));
    assertThat(browser.driver().findElements(By.cssSelector("ul.deployments > li .name")))
        .extracting(WebElement::getText).contains("众创空间流程与表单").doesNotContain("SpringAutoDeployment");
    assertThat(browser.driver().findElements(By.cssSelector("ul.deployments > li dd.source")))
        .extracting(WebElement::getText).contains("随版本发布").doesNotContain("release");
  }

  @Test
  void everyCamundaWebappSaysItsPagesAreChinese() {
    for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
      browser.open(uri("/camunda/app/" + app + "/default/").toString());
      browser.visible(By.cssSelector("input[ng-model='username']"));
      browser.await().until(d -> "zh-CN".equals(browser.js("return document.documentElement.lang;")));
    }
    signIn("auditor1");
    browser.open(cockpit("#/processes"));
    browser.visible(By.cssSelector("a[href*='#/process-definition/']"));
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("zh-CN");
  }

  @Test
  void theHistoricInstanceCountsItsMaterialsAndTheHistoryFiltersHaveLabels() {
    signIn("auditor1");
    browser.open(cockpit("#/process-instance/" + data.finishedId() + "/history"));
    browser.visible(By.cssSelector(".audit-timeline"));
    By badge = By.cssSelector(".audit-tabs a[data-tab='materials'] .badge");
    browser.await().until(d -> d.findElement(badge).getText().matches("\\d+"));
    int count = Integer.parseInt(browser.driver().findElement(badge).getText());
    browser.click(By.cssSelector(".audit-tabs a[data-tab='materials']"));
    browser.await().until(d -> d.findElements(By.cssSelector(".audit-materials .audit-loading, .audit-evidence .audit-loading"))
        .isEmpty());
    int rows = browser.driver().findElements(By.cssSelector(".audit-materials-table tbody tr, .audit-evidence-table tbody tr"))
        .size();
    assertThat(count).as("the count of 申报材料").isEqualTo(rows);
    if (rows == 0) {
      assertThat(browser.visible(By.cssSelector(".audit-materials")).getText()).isEqualTo("没有已提交的申报材料。");
    }
    assertThat(browser.driver().findElement(badge).getText()).isEqualTo(String.valueOf(count));

    // the 历史 tab's filter: every field has a label bound to it, in Chinese
    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime?detailsTab=audit-history-tab"));
    WebElement filter = browser.visible(By.cssSelector(".audit-filter"));
    List<WebElement> fields = filter.findElements(By.cssSelector("input, select"));
    assertThat(fields).hasSizeGreaterThanOrEqualTo(8);
    for (WebElement field : fields) {
      String labels = (String) browser.js("return [...arguments[0].labels].map(l => l.textContent.trim()).join(' ');", field);
      assertThat(labels).as("labels of %s", field.getAttribute("outerHTML")).containsPattern("\\p{IsHan}");
    }
  }

  /**
   * Camunda's decision definition page and an Art. 4 decision instance page in Chinese: dmn-js's captions
   * (命中策略, the hit policy, 当/且/则, 备注, the columns' types and the tooltips) as on the rule page, and
   * 租户标识 无 for a decision without tenant (before: Hit policy: Collect, When, And, Then, Annotations,
   * string, null, Input type, checkEligibility).
   */
  @Test
  void theDecisionPagesSpeakChinese() {
    signIn("auditor1");
    String article4 = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("article4-eligibility").latestVersion().singleResult().getId();
    browser.open(cockpit("#/decision-definition/" + article4));
    assertThat(browser.withText(By.cssSelector(".hit-policy"), "命中策略").getText()).contains("收集");
    assertThat(browser.withText(By.cssSelector("th.annotation"), "备注").getText()).isEqualTo("备注");
    browser.withText(By.cssSelector("th.input-cell"), "当");
    browser.withText(By.cssSelector("th.output-cell"), "则");
    assertThat(browser.visible(By.cssSelector("dd.tenant-id")).getText()).isEqualTo("无");
    // its instances name the activity that evaluated them (before: checkEligibility)
    browser.present(By.cssSelector("td.activity-id"));
    browser.await().until(d -> d.findElements(By.cssSelector("td.activity-id")).stream()
        .allMatch(cell -> cell.getText().matches("(申报条件预审|核验实测条件)（第四条）")));
    browser.await(Duration.ofSeconds(3)).until(d -> browser.latinWordsOnPage().isEmpty());
    // and the tooltips: the hit policy's explanation, 输入类型, 输入名称：…
    assertThat(browser.driver().findElement(By.cssSelector(".hit-policy")).getAttribute("title"))
        .isEqualTo("收集全部命中规则的取值");
    assertThat(browser.driver().findElements(By.cssSelector(".input-variable")))
        .allSatisfy(type -> assertThat(type.getAttribute("title")).isEqualTo("输入类型"));
    assertThat(browser.driver().findElements(By.cssSelector(".input-label")))
        .allSatisfy(name -> assertThat(name.getAttribute("title")).startsWith("输入名称："));

    String evaluated = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("article4-eligibility").list().get(0).getId();
    browser.open(cockpit("#/decision-instance/" + evaluated));
    assertThat(browser.withText(By.cssSelector(".hit-policy"), "命中策略").getText()).contains("收集");
    browser.withText(By.cssSelector("th.annotation"), "备注");
    assertThat(browser.visible(By.cssSelector("dd.tenant-id")).getText()).isEqualTo("无");
    browser.await(Duration.ofSeconds(3)).until(d -> browser.latinWordsOnPage().isEmpty());
  }

  /** What the Cockpit script asks before it offers a changing action: the access policy, for the signed-in user. */
  @Test
  void cockpitAsksTheAccessPolicyWhoMayChangeWhat() {
    assertThat(api("admin").get("/api/cockpit/access").body()).contains("\"changesCaseData\":true")
        .contains("\"controlsProcesses\":true").contains("\"administersEngine\":true");
    for (String user : List.of("auditor1", "city1")) {
      WebappSession cockpit = webapp();
      assertThat(cockpit.login(user, "cockpit").statusCode()).isEqualTo(200);
      HttpResponse<String> access = cockpit.get("/api/cockpit/access");
      assertThat(access.statusCode()).as(user).isEqualTo(200);
      assertThat(access.body()).as(user).contains("\"changesCaseData\":false").contains("\"controlsProcesses\":false")
          .contains("\"administersEngine\":false");
      assertThat(cockpit.get("/api/cockpit/access?x=1").statusCode()).as(user).isEqualTo(400);
    }
    assertThat(webapp().get("/api/cockpit/access").statusCode()).isEqualTo(401);
  }

  private void signIn(String user) {
    browser.open(cockpit(""));
    browser.signInToWebapp(user);
    browser.visible(By.cssSelector(".audit-dashboard"));
  }

  private String cockpit(String fragment) {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/" + fragment;
  }
}
