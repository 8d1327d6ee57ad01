package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 机构账号 in Chromium: the administrator disables an account on /accounts/ (it then cannot log in)
 * and enables it again; a county bureau sees its county's accounts without the buttons.
 */
class OrganisationAccountsPageBrowserTest extends AbstractHttpTest {

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
  void theAdministratorDisablesAndEnablesAnAccountAndACountyOnlyReads() {
    String user = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode()); // 朔城区
    String row = "#account-list tr[data-user='" + user + "']";

    signIn("admin");
    assertThat(browser.visible(By.cssSelector(row)).getText()).contains("朔城区").contains("正常");
    browser.click(By.cssSelector(row + " button.disable"));
    // one click does not lock an organisation out: the row asks once more, naming it
    assertThat(browser.withText(By.cssSelector(row), "不能再登录").getText()).contains("确认停用");
    assertThat(api(user).get("/api/my/applications").statusCode()).as("not yet disabled").isEqualTo(200);
    browser.click(By.cssSelector(row + " button.cancel-disable"));
    browser.click(By.cssSelector(row + " button.disable"));
    // a double click on 确认停用, as a hurried hand does: one request, no refusal beside the answer
    browser.js("""
        const counted = window.fetch;
        window.disables = 0;
        window.fetch = (...args) => {
          if (String(args[0]).endsWith('/disable') && (args[1] || {}).method === 'POST') {
            window.disables += 1;
          }
          return counted(...args);
        };""");
    new Actions(browser.driver()).doubleClick(browser.visible(By.cssSelector(row + " button.confirm-disable"))).perform();
    browser.withText(By.id("global-message"), "已停用");
    assertThat(browser.js("return window.disables;")).as("one request for the two presses").isEqualTo(1L);
    assertThat(browser.withText(By.cssSelector(row), "已停用").getText()).contains("已停用");
    assertThat(api(user).get("/api/my/applications").statusCode()).as("it cannot log in").isEqualTo(401);
    browser.click(By.cssSelector(row + " button.enable"));
    browser.withText(By.cssSelector(row), "正常");
    assertThat(api(user).get("/api/my/applications").statusCode()).isEqualTo(200);
    browser.screenshot(Browser.screenshots().resolve("organisation-accounts.png"));

    browser.click(By.id("logout-button"));
    signIn("shuocheng1");
    assertThat(browser.visible(By.cssSelector(row)).getText()).contains("正常");
    assertThat(browser.visible(By.id("scope")).getText()).contains("只读");
    assertThat(browser.driver().findElements(By.cssSelector("#account-list button"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#account-list tbody tr")))
        .allSatisfy(tr -> assertThat(tr.getText()).contains("朔城区"));
  }

  private void signIn(String demoUser) {
    browser.open(uri("/accounts/").toString());
    browser.visible(By.id("login-username")).sendKeys(demoUser);
    browser.driver().findElement(By.id("login-password")).sendKeys(demoUser);
    browser.click(By.id("login-submit"));
  }
}
