package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The login module of our own pages (static/common/) in a real Chromium: logging out and in again
 * works at the first try, also after a reload (issue 13: the first login after a logout was refused
 * with 403, because the page forgot the CSRF token of the session that Camunda's logout keeps).
 */
class OwnPagesLoginBrowserTest extends AbstractHttpTest {

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

  @ParameterizedTest
  @CsvSource({"/rules/, ruleadmin1", "/calendar/, city1"})
  void aUserLogsOutAndInAgainAtTheFirstTry(String page, String user) {
    browser.open(uri(page).toString());
    logIn(user);
    logOut();
    logIn(user);

    // logged out, then the page is reloaded: it no longer knows the session's token
    logOut();
    browser.driver().navigate().refresh();
    logIn(user);

    browser.driver().navigate().refresh();
    browser.withText(By.id("user-name"), user); // still logged in after a reload
    // named as Camunda's header names them, with the id
    assertThat(browser.withText(By.id("user-name"), "（" + user + "）").getText()).matches("\\p{IsHan}+（" + user + "）");
  }

  /** Our words at the fields, not the browser's own bubble (in the browser's language), which would stop the form first. */
  @Test
  void anEmptyLoginIsSaidInChineseAtItsFields() {
    browser.open(uri("/calendar/").toString());
    browser.visible(By.id("login-username"));
    browser.click(By.id("login-submit"));
    assertThat(browser.visible(By.id("login-error")).getText()).isEqualTo("请输入用户名和密码。");
    assertThat(browser.visible(By.id("login-username-field-error")).getText()).isEqualTo("请输入用户名");
    assertThat(browser.driver().findElement(By.id("login-username")).getDomAttribute("aria-invalid")).isEqualTo("true");
  }

  @Test
  void theNextUserInTheSameTabSeesNothingOfThePreviousUsersRules() {
    browser.open(uri("/rules/").toString());
    logIn("auditor1"); // reads the rules
    browser.visible(By.cssSelector("#decision-list tbody tr[data-key='article4-eligibility']"));
    logOut();
    logIn("city1"); // may not read them: told so, and shown none of the list before
    assertThat(browser.withText(By.id("global-message"), "无权查看决策规则").getText()).contains("city1");
    assertThat(browser.driver().findElements(By.cssSelector("#decision-list tbody tr[data-key]"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("decision-list-card")).isDisplayed()).isFalse();
  }

  private void logOut() {
    browser.click(By.id("logout-button"));
    browser.visible(By.id("login-panel"));
    assertThat(browser.driver().findElement(By.id("user-box")).isDisplayed()).isFalse();
  }

  private void logIn(String user) {
    browser.visible(By.id("login-username")).clear();
    browser.driver().findElement(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.await().until(d -> d.findElement(By.id("user-box")).isDisplayed()
        || d.findElement(By.id("login-error")).isDisplayed());
    assertThat(browser.driver().findElement(By.id("login-error")).isDisplayed())
        .as("login error: %s", browser.driver().findElement(By.id("login-error")).getText())
        .isFalse();
    browser.withText(By.id("user-name"), user);
  }
}
