package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FALSE_MATERIALS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 15 §6: a form states the numbers of the policy its case runs under, not numbers written
 * into the form. The Art. 9 ban period in 虚假材料核定 comes from {@code policy.banYears}: the
 * same task shows another period once the case holds another policy.
 */
class PolicyTextsBrowserTest extends HardeningHttpTest {

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
  @SuppressWarnings("unchecked")
  void theFalseMaterialsFormStatesTheBanPeriodOfTheCasesPolicy() {
    Task review = fixtures.waitingAt(TASK_FALSE_MATERIALS, "shuocheng");
    String pi = review.getProcessInstanceId();
    engine.getTaskService().claim(review.getId(), "city1");
    Map<String, Object> policy = new HashMap<>((Map<String, Object>) engine.getRuntimeService().getVariable(pi, "policy"));

    browser.open(tasklistPage(""));
    browser.signInToWebapp("city1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + review.getId()));
    String text = browser.withText(By.cssSelector(".fjs-container"), "年内不再受理").getText();
    assertThat(text).contains(policy.get("banYears") + "年内不再受理其认定申请").doesNotContain("{{");

    // the case now runs under a policy with another ban period: the form follows it
    policy.put("banYears", 4);
    engine.getRuntimeService().setVariable(pi, "policy", policy);
    browser.open(tasklistPage(""));
    browser.open(tasklistPage("#/?task=" + review.getId()));
    assertThat(browser.withText(By.cssSelector(".fjs-container"), "4年内不再受理其认定申请").isDisplayed()).isTrue();
  }

  private String tasklistPage(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
