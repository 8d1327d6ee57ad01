package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Cockpit's changing actions and the webapps' language, in a Chinese Chromium: the administrator suspends and activates the
 * certification process from its page (挂起, 激活; Cockpit PUTs .../suspended/ with a trailing slash,
 * which the canonical path guard refused); the auditor, who changes nothing, is not offered 挂起 or 激活
 * on a definition, an instance or a job definition; every Camunda webapp says {@code lang="zh-CN"}.
 */
class CockpitActionsBrowserTest extends AbstractAuditTest {

  private static final By SUSPEND = By.cssSelector(".ctn-toolbar .glyphicon-pause");
  private static final By ACTIVATE = By.cssSelector(".ctn-toolbar .glyphicon-play");

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
    browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime"));
    browser.visible(By.cssSelector(".audit-history-action"));
    browser.visible(SUSPEND);

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
  void theAuditorIsOfferedNeitherSuspensionNorActivation() {
    signIn("auditor1");
    // the instance's toolbar holds our 历史 button, rendered with Cockpit's own actions
    browser.open(cockpit("#/process-instance/" + data.runningId() + "/runtime"));
    browser.visible(By.cssSelector(".ctn-toolbar .audit-history-action"));
    assertThat(browser.driver().findElements(SUSPEND)).isEmpty();
    assertThat(browser.driver().findElements(ACTIVATE)).isEmpty();

    browser.open(cockpit("#/process-definition/" + data.definitionId() + "/runtime?detailsTab=job-definition-table"));
    browser.visible(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));
    browser.present(By.cssSelector(".ctn-toolbar view"));
    // the job definitions' rows, each with its cell of actions
    browser.visible(By.cssSelector("td.action"));
    assertThat(browser.driver().findElements(SUSPEND)).isEmpty();
    assertThat(browser.driver().findElements(ACTIVATE)).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("td.action .glyphicon-pause, td.action .glyphicon-play")))
        .isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".btn-suspend-action"))).isEmpty();
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

  /** What the Cockpit script asks before it offers 挂起 and 激活: the access policy, for the signed-in user. */
  @Test
  void cockpitAsksTheAccessPolicyWhoMaySuspend() {
    assertThat(api("admin").get("/api/cockpit/access").body())
        .contains("\"changesCaseData\":true").contains("\"controlsProcesses\":true");
    for (String user : List.of("auditor1", "city1")) {
      WebappSession cockpit = webapp();
      assertThat(cockpit.login(user, "cockpit").statusCode()).isEqualTo(200);
      HttpResponse<String> access = cockpit.get("/api/cockpit/access");
      assertThat(access.statusCode()).as(user).isEqualTo(200);
      assertThat(access.body()).as(user).contains("\"changesCaseData\":false").contains("\"controlsProcesses\":false");
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
