package cn.gov.shuozhou.makerspace.inspection;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inspection form in Tasklist (Chromium): 实测公共办公与服务场地面积 may not exceed 实测场地总面积,
 * and its refusal follows the total as the inspector changes it (form-js 1.8.7 checks a field only
 * when its own value changes; Tasklist's scripts/form-limits.js checks it again); the rule of
 * 考察组成员 (2 to 20 lines of 姓名，部门) is told at the field before 完成.
 */
class InspectionFormBrowserTest extends AbstractHttpTest {

  private static final By TOTAL = By.cssSelector(".task-details .fjs-form input[id$='Field_measuredTotalArea']");
  private static final By PUBLIC = By.cssSelector(".task-details .fjs-form input[id$='Field_measuredPublicServiceArea']");
  private static final By TEAM = By.cssSelector(".task-details .fjs-form textarea[id$='Field_inspectionTeam']");

  @Autowired ProcessEngine engine;

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
  void thePublicAreasRefusalFollowsTheTotalAreaWithoutTouchingThePublicArea() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    engine.getTaskService().claim(inspection.getId(), "inspector1");
    browser.open(tasklistPage(""));
    browser.signInToWebapp("inspector1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + inspection.getId()));

    type(browser.visible(TOTAL), "500");
    type(browser.visible(PUBLIC), "600");
    browser.await().until(d -> errorsOf("measuredPublicServiceArea").equals("不能大于 500。"));

    // the total raised above the public area: the refusal goes, the public area untouched
    type(browser.driver().findElement(TOTAL), "800");
    browser.await().until(d -> errorsOf("measuredPublicServiceArea").isEmpty());
    assertThat(browser.driver().findElement(PUBLIC).getDomProperty("value")).isEqualTo("600");
    assertThat(browser.driver().findElement(PUBLIC).getDomAttribute("aria-invalid")).isEqualTo("false");
    browser.screenshot(Browser.screenshots().resolve("tasklist-inspection-areas.png"));

    // and lowered below it: the refusal with the new limit
    type(browser.driver().findElement(TOTAL), "300");
    browser.await().until(d -> errorsOf("measuredPublicServiceArea").equals("不能大于 300。"));
    assertThat(browser.driver().findElement(PUBLIC).getDomProperty("value")).isEqualTo("600");

    // the fields not yet filled in are not refused meanwhile (no 此项为必填项 before they are touched)
    for (String untouched : new String[] {"measuredActiveMakers", "measuredActiveTeams", "inspectionTeam",
        "inspectionComment"}) {
      assertThat(errorsOf(untouched)).as(untouched).isEmpty();
    }
    assertThat(errorsOf("measuredTotalArea")).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(inspection.getId()).count()).isOne();
  }

  @Test
  void theTeamsRuleIsToldAtTheFieldBeforeCompleting() {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    engine.getTaskService().claim(inspection.getId(), "inspector1");
    browser.open(tasklistPage(""));
    browser.signInToWebapp("inspector1");
    browser.visible(By.cssSelector("[cam-tasks]"));
    browser.open(tasklistPage("#/?task=" + inspection.getId()));

    // one member, then a line without a department: the rule at the field, in Chinese
    String rule = "考察组成员应为2至20人，每行一人：姓名，所在部门（如：王明，市科技局）。";
    type(browser.visible(TEAM), "王明，市科技局");
    browser.await().until(d -> errorsOf("inspectionTeam").equals(rule));
    assertThat(browser.driver().findElement(TEAM).getDomAttribute("aria-invalid")).isEqualTo("true");
    type(browser.driver().findElement(TEAM), "王明\n李华，市发改委");
    browser.await().until(d -> errorsOf("inspectionTeam").equals(rule));
    browser.screenshot(Browser.screenshots().resolve("tasklist-inspection-team.png"));

    // two members with their departments: no refusal (names and lengths remain the server's)
    type(browser.driver().findElement(TEAM), "王明，市科技局\n李华，市发改委");
    browser.await().until(d -> errorsOf("inspectionTeam").isEmpty());
    assertThat(engine.getTaskService().createTaskQuery().taskId(inspection.getId()).count()).isOne();
  }

  /** Replaces the field's text as a user does: select all, type. The focus stays in the field. */
  private void type(WebElement field, String text) {
    browser.scrollIntoView(field);
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    browser.await().until(d -> text.equals(field.getDomProperty("value")));
  }

  /** The refusals shown at the field with this key, as one text ("" for none). */
  private String errorsOf(String key) {
    return (String) browser.js("const f = document.querySelector(\".task-details .fjs-form [id$='Field_\" + arguments[0]"
        + " + \"']\").closest('.fjs-form-field'); const e = f.querySelector('.fjs-form-field-error');"
        + " return e ? e.textContent.trim() : '';", key);
  }

  private String tasklistPage(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
