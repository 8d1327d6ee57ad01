package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Values as people read them (issue 13, "readable values from one dictionary"), in a real Chromium
 * as the demo users see them.
 */
class ReadableValuesBrowserTest extends HardeningHttpTest {

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

  /** Before: "0.6667" and none of the experts' comments (issue 13). */
  @Test
  void theBureauDecisionFormShowsTheRatioReadablyAndEveryExpertsOpinion() {
    String pi = fixtures.waitingAt(TASK_EXPERT_REVIEW, "shuocheng").getProcessInstanceId();
    vote(pi, "expert1", 80.0, true, "场地条件良好，服务体系完善");
    vote(pi, "expert2", 55.0, false, "创业导师数量不足");
    vote(pi, "expert3", 90.5, true, "孵化成效明显");
    Task decision = fixtures.task(pi, TASK_BUREAU_DECISION, null);
    engine.getTaskService().claim(decision.getId(), "leader1");

    browser.open(tasklistPage(""));
    browser.signInToWebapp("leader1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + decision.getId()));
    browser.withText(By.cssSelector(".fjs-container"), "各专家评分与评审意见");

    assertThat(shown("建议认定的专家比例", "input")).isEqualTo("2/3（67%）");
    assertThat(shown("各专家评分与评审意见", "textarea")).isEqualTo(String.join("\n",
        "评审专家一：80分，推荐认定。意见：场地条件良好，服务体系完善",
        "评审专家二：55分，不推荐认定。意见：创业导师数量不足",
        "评审专家三：90.5分，推荐认定。意见：孵化成效明显"));
    assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("0.6667");
  }

  /** The value a display field of the open Camunda Form shows, found by its label. */
  private String shown(String label, String tag) {
    return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(., '" + label
        + "')]/following::" + tag + "[1]")).getDomProperty("value");
  }

  private void vote(String pi, String expert, double score, boolean recommend, String comment) {
    engine.getTaskService().complete(fixtures.task(pi, TASK_EXPERT_REVIEW, expert).getId(),
        Map.of(SCORE, score, RECOMMEND, recommend, COMMENT, comment));
  }

  private String tasklistPage(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
