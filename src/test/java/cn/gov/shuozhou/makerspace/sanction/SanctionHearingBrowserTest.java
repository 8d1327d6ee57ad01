package cn.gov.shuozhou.makerspace.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hearing, in Chinese, in a real Chromium: the operator states its case in 陈述申辩 through its
 * portal's door (organisation accounts never use Tasklist; the portal's form is tested in
 * {@code portal/}); a bureau leader sees the proposal and the statement read-only in Tasklist's
 * 局领导审定处理决定, approves, and the title is revoked.
 */
class SanctionHearingBrowserTest extends AbstractHttpTest {

  private static final String OPERATOR = "operator1";
  private static final String STATEMENT = "所涉款项为股东借款，已全部归还，请求从轻处理";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CertificateRegistry certificates;

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
  void theOperatorStatesItsCaseAndALeaderDecidesWithTheStatementInView() throws Exception {
    String number = SupervisedSpaces.start(runtime, certificates, OPERATOR);
    runtime.createMessageCorrelation(SupervisionProcess.MESSAGE_VIOLATION).processInstanceBusinessKey(number)
        .setVariable(SupervisionProcess.VIOLATION_DESCRIPTION, "以众创空间名义向入驻团队非法集资").correlate();
    tasks.complete(SupervisedSpaces.task(tasks, number, SupervisionProcess.TASK_SANCTION).getId(), Map.of(
        SupervisionProcess.SANCTION, SupervisionProcess.SANCTION_REVOKE, SupervisionProcess.SANCTION_NOTE, "情节严重"));

    // organisation accounts never use Tasklist: the operator states its case through 我的申请's door
    Task statement = SupervisedSpaces.task(tasks, number, SanctionHearing.TASK_SUBMIT_STATEMENT);
    HttpResponse<String> stated = api(OPERATOR).post("/api/my/tasks/" + statement.getId(), new ObjectMapper()
        .writeValueAsString(Map.of(SanctionHearing.STATEMENT_WAIVED, false, SanctionHearing.STATEMENT_TEXT, STATEMENT)));
    assertThat(stated.statusCode()).as(stated.body()).isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(statement.getId()).count()).isZero();

    Task decision = SupervisedSpaces.task(tasks, number, SanctionHearing.TASK_LEADER_DECISION);
    tasks.claim(decision.getId(), "leader1");
    browser.open(tasklistPage(""));
    browser.signInToWebapp("leader1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + decision.getId()));
    browser.withText(By.cssSelector(".fjs-container"), "审定结果");
    assertThat(value(field("陈述和申辩意见"))).isEqualTo(STATEMENT);
    assertThat(field("陈述和申辩意见").isEnabled()).as("the statement is read-only").isFalse();
    assertThat(value(field("事实与理由"))).contains("以众创空间名义向入驻团队非法集资");
    browser.click(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(., '同意处理建议')]"));
    field("审定意见").sendKeys("陈述申辩理由不足以改变处理建议，同意取消称号");
    browser.click(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    browser.await().until(d -> tasks.createTaskQuery().taskId(decision.getId()).count() == 0);

    SupervisedSpaces.awaitRevoked(certificates, number);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
  }

  /** The input or text area of the form field labelled {@code label}. */
  private WebElement field(String label) {
    return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(.), '" + label
        + "')]/following::*[self::input or self::textarea][1]"));
  }

  private static String value(WebElement field) {
    return field.getDomProperty("value");
  }

  private String tasklistPage(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
