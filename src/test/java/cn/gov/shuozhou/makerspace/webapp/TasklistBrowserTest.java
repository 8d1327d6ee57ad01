package cn.gov.shuozhou.makerspace.webapp;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_ORGANISE_EXPERTS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.hardening.Fixtures;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist in a real (headless Debian) Chromium, zh-CN, as its users work: the city bureau
 * organises an expert panel in the Camunda Form. Screenshots go to {@link Browser#screenshots()}.
 */
class TasklistBrowserTest extends AbstractHttpTest {

  @Autowired
  private ProcessEngine engine;

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
  void theCityBureauOrganisesAThreeExpertPanelInTasklist() {
    Task organise = new Fixtures(engine).waitingAt(TASK_ORGANISE_EXPERTS, "shuocheng");
    logIn("city1", "#/?task=" + organise.getId());

    browser.click(By.cssSelector("button.claim"));
    WebElement picker = browser.visible(By.cssSelector(".fjs-taglist-input"));
    for (String expert : List.of("expert1", "expert2", "expert3")) {
      browser.scrollIntoView(picker);
      browser.js("arguments[0].focus();", picker);
      picker.sendKeys(expert);
      browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + expert + "')]"));
    }
    browser.await().until(d -> d.findElements(By.cssSelector(".fjs-taglist-tag")).size() == 3);
    browser.screenshot(Browser.screenshots().resolve("tasklist-organise-expert-review.png"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    browser.await().until(d -> engine.getTaskService().createTaskQuery()
        .processInstanceId(organise.getProcessInstanceId()).taskDefinitionKey(TASK_EXPERT_REVIEW).count() == 3);
    List<Task> reviews = engine.getTaskService().createTaskQuery()
        .processInstanceId(organise.getProcessInstanceId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list();
    assertThat(reviews).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
  }

  /** Opens Tasklist at {@code fragment} and logs in through Camunda's login form (password = user id). */
  private void logIn(String user, String fragment) {
    browser.open(tasklist(fragment));
    browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.visible(By.cssSelector("[cam-tasks], .tasks-list, .task-details"));
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
