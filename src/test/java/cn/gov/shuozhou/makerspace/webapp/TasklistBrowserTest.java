package cn.gov.shuozhou.makerspace.webapp;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_ORGANISE_EXPERTS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist in a real (headless Debian) Chromium, zh-CN, as its users work (issue 13): the city
 * bureau organises an expert panel in the Camunda Form; the start form (in Tasklist only for the
 * system administrator: organisation accounts file on 我的申请) shows Chinese validation messages
 * and only the newest refusal of the server; the login page carries
 * the system's name and the logout thanks without Camunda's. Screenshots go to
 * {@link Browser#screenshots()} ({@code -Dscreenshots.dir=docs/images} to refresh the docs' images).
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
    Task organise = new CertificationDriver(engine).waitingAt(TASK_ORGANISE_EXPERTS, "shuocheng");
    logIn("city1", "#/?task=" + organise.getId());

    browser.click(By.cssSelector("button.claim"));
    for (String expert : List.of("expert1", "expert2", "expert3")) {
      WebElement picker = browser.visible(By.cssSelector(".fjs-taglist-input"));
      browser.scrollIntoView(picker);
      browser.js("arguments[0].focus();", picker);
      picker.sendKeys(expert);
      // the list re-renders while it filters: click the option once it holds still
      By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + expert + "')]");
      browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
        d.findElement(option).click();
        return true;
      });
    }
    browser.await().until(d -> d.findElements(By.cssSelector(".fjs-taglist-tag")).size() == 3);
    // what a screen reader or a hover says of the picker's controls is Chinese too
    browser.await().until(d -> browser.latinWordsInFormControlNames().isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector(".fjs-taglist-tag-remove")).getDomAttribute("title"))
        .isEqualTo("移除");
    browser.screenshot(Browser.screenshots().resolve("tasklist-organise-expert-review.png"));
    browser.click(By.cssSelector("button[ng-click='complete()']"));

    browser.await().until(d -> engine.getTaskService().createTaskQuery()
        .processInstanceId(organise.getProcessInstanceId()).taskDefinitionKey(TASK_EXPERT_REVIEW).count() == 3);
    List<Task> reviews = engine.getTaskService().createTaskQuery()
        .processInstanceId(organise.getProcessInstanceId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list();
    assertThat(reviews).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
  }

  @Test
  void anEmptyOrInvalidStartFormShowsChineseHintsAndNoEnglish() {
    browser.open(tasklist("#/"));
    WebElement brand = browser.visible(By.cssSelector(".login-header .ms-login-brand"));
    assertThat(brand.getText()).contains("众创空间认定与管理系统").contains("朔州市科学技术局");
    assertThat(browser.driver().findElement(By.cssSelector(".login-header .login-logo")).isDisplayed()).isFalse();
    browser.screenshot(Browser.screenshots().resolve("tasklist-login.png"));
    logIn("admin", "#/");

    browser.click(By.cssSelector(".start-process-action a"));
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='众创空间认定']"));
    browser.visible(By.cssSelector(".modal-content .fjs-form"));
    // form-js checks a field when it is left: a required field emptied, a number too small, a bad phone
    type("Field_operatorName", "晋", Keys.BACK_SPACE, Keys.TAB);
    type("Field_totalArea", "0", Keys.TAB);
    type("Field_contactPhone", "12345", Keys.TAB);
    // typing drops the point in a whole-number field; pasting keeps it, and form-js says so in English
    WebElement mentors = browser.present(By.cssSelector(".modal-content input[id$='Field_mentorCount']"));
    browser.js("arguments[0].value = '2.5'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", mentors);
    mentors.sendKeys(Keys.TAB);

    assertError("Field_operatorName", "此项为必填项。");
    assertError("Field_totalArea", "不能小于 0.01。");
    assertError("Field_contactPhone", "应为11位手机号码或带区号的固定电话（如 0349-1234567）。");
    assertError("Field_mentorCount", "应为整数。");
    assertThat(browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).isEnabled())
        .isFalse();
    assertThat(browser.driver().findElement(By.cssSelector(".modal-content .fjs-select-display")).getText())
        .isEqualTo("请选择");
    browser.screenshot(Browser.screenshots().resolve("tasklist-start-form-errors.png"));
    assertThat(Browser.latinWords(browser.driver().findElement(By.cssSelector(".modal-content")).getText())).isEmpty();
    browser.await().until(d -> browser.latinWordsInFormControlNames().isEmpty());
    assertThat(browser.present(By.cssSelector(".modal-content .fjs-number-arrow-up")).getDomAttribute("aria-label"))
        .isEqualTo("增加");
  }

  @Test
  void aRefusedStartShowsOnlyTheServersNewestReason() {
    String valid = Applications.newCreditCode();
    String wrongCheckDigit = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
    logIn("admin", "#/");
    browser.click(By.cssSelector(".start-process-action a"));
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='众创空间认定']"));
    browser.visible(By.cssSelector(".modal-content .fjs-form"));
    type("Field_operatorName", "朔州创新创业服务有限公司");
    type("Field_creditCode", wrongCheckDigit);
    type("Field_spaceName", "朔城创客之家");
    type("Field_spaceAddress", "朔州市朔城区民福街1号");
    browser.click(By.cssSelector(".modal-content [id$='Field_county-display']"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='朔城区']"));
    click("Field_hostType-1");
    click("Field_spaceFocus-0");
    type("Field_totalArea", "260");
    type("Field_publicServiceArea", "240");
    click("Field_premises-0");
    type("Field_seedFundAmount", "500000");
    type("Field_mentorCount", "5");
    type("Field_monthlyEvents", "2");
    type("Field_activeMakers", "25");
    type("Field_activeTeams", "4");
    for (String check : List.of("Field_independentOperator", "Field_sharedFacilities", "Field_onlineServices",
        "Field_lowCostOrFree", "Field_declarationConfirmed")) {
      click(check);
    }
    type("Field_contactName", "王明");
    type("Field_contactPhone", "13903491234");
    long before = certifications();

    By alerts = By.cssSelector(".modal-content .notifications .alert");
    WebElement refused = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      WebElement stale = refused;
      browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
      // the second refusal replaces the first: one alert, a new one
      browser.await().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(alerts).size() == 1
          && (stale == null || ExpectedConditions.stalenessOf(stale).apply(d))
          && d.findElement(alerts).getText().contains("统一社会信用代码")
          && !d.findElement(alerts).getText().contains("creditCode"));
      refused = browser.driver().findElement(alerts);
    }
    WebElement newest = refused;
    String refusal = newest.getText();
    // the server's reason as staff read it: the form's label, not the variable's name it adds for integrators
    assertThat(refusal).contains("统一社会信用代码").doesNotContain("creditCode");
    browser.await().until(d -> (Boolean) browser.js(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
        newest));
    browser.screenshot(Browser.screenshots().resolve("tasklist-start-refused.png"));
    assertThat(certifications()).isEqualTo(before);
  }

  @Test
  void loggingOutThanksTheUserWithoutCamundasName() {
    logIn("inspector1", "#/");
    browser.signOutOfWebapp();
    WebElement notice = browser.withText(By.cssSelector(".notifications"), "感谢您使用众创空间认定与管理系统");
    assertThat(notice.getText()).doesNotContain("Camunda");
    assertThat(browser.visible(By.cssSelector(".login-header .ms-login-brand")).getText()).contains("众创空间认定与管理系统");
  }

  @Test
  void theFooterSaysBeijingTimeInEitherLanguage() {
    browser.open(tasklist(""));
    assertThat(browser.withText(By.id("footer-timezone"), "北京时间").getText()).isEqualTo("日期和时间均为北京时间");
    // a browser whose first language is English gets Camunda's English: its footer names Beijing time too,
    // not the browser's "local timezone" (the dates are written in Beijing time whatever the zone)
    browser.onEveryDocument("Object.defineProperty(navigator, 'languages', { get: () => ['en-US', 'en'] });");
    browser.open(tasklist(""));
    browser.visible(By.cssSelector("button[type='submit']"));
    assertThat(browser.withText(By.id("footer-timezone"), "Beijing").getText())
        .isEqualTo("Dates and times are Beijing time (UTC+8)");
  }

  private long certifications() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
  }

  /** Types into the start form's field {@code fieldId}. */
  private void type(String fieldId, CharSequence... keys) {
    WebElement field = browser.visible(By.cssSelector(".modal-content input[id$='" + fieldId + "']"));
    browser.scrollIntoView(field);
    field.sendKeys(keys);
  }

  /** Clicks the start form's input {@code inputId} (a check box or a radio button). */
  private void click(String inputId) {
    WebElement input = browser.present(By.cssSelector(".modal-content input[id$='" + inputId + "']"));
    browser.scrollIntoView(input);
    input.click();
  }

  /** Waits for form-js's validation message under the field {@code fieldId} and checks it is exactly {@code text}. */
  private void assertError(String fieldId, String text) {
    By message = By.cssSelector(".modal-content [id$='" + fieldId + "-error-message'] li");
    browser.await().until(d -> !d.findElements(message).isEmpty() && !d.findElement(message).getText().startsWith("Field"));
    assertThat(browser.driver().findElement(message).getText()).isEqualTo(text);
  }

  /** Opens Tasklist at {@code fragment} and logs in through Camunda's login form (password = user id). */
  private void logIn(String user, String fragment) {
    browser.open(tasklist(fragment));
    browser.signInToWebapp(user);
    browser.visible(By.cssSelector("[cam-tasks], .tasks-list, .task-details"));
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
