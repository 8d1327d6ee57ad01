package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Tasklist's own Camunda Form submission passes DeclaredFieldsGuard: form-js leaves the disabled
 * (display-only) fields out of what it submits, so the county reviewer completes 初审 in a real
 * Chromium and the case moves on, while the application's values shown in the form stay as filed.
 */
class TasklistFormBrowserTest extends HardeningHttpTest {

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
  void theCountyReviewerCompletesTheFirstReviewInTasklist() {
    Task review = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    String pi = review.getProcessInstanceId();
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    List<String> declared = List.of(OPERATOR_NAME, CREDIT_CODE, TOTAL_AREA, APPLICANT, COUNTY);
    Map<String, Object> filed = engine.getRuntimeService().getVariables(pi, declared);

    browser.open(tasklistPage(""));
    browser.signInToWebapp("shuocheng1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + review.getId()));
    browser.withText(By.cssSelector(".fjs-container"), "初审结论");
    browser.click(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(., '同意上报')]"));
    browser.click(By.cssSelector("button.btn-primary[ng-click='complete()']"));

    browser.await().until(d -> engine.getTaskService().createTaskQuery().taskId(review.getId()).count() == 0);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName(FIRST_REVIEW_DECISION).singleResult().getValue()).isEqualTo("approve");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_INSPECTION)
        .count()).as("the case went on to the on-site inspection").isOne();
    assertThat(engine.getRuntimeService().getVariables(pi, declared)).isEqualTo(filed);
  }

  private String tasklistPage(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
