package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * What a user sees when a page is refused or missing (issue 13: an operator opening Cockpit got
 * Spring's English "Whitelabel Error Page"): a Chinese page that says what happened and leads back
 * to the entrances, with no English and no technical detail; organisation accounts are sent from
 * Tasklist and Cockpit to their portal. API callers still get JSON.
 */
class ErrorPagesBrowserTest extends AbstractHttpTest {

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

  /**
   * Organisation accounts work on 我的申请 only (issue 16): operator1, signed in on the portal,
   * who opens Tasklist or Cockpit lands on the portal, in Chinese. Until then operators worked in
   * Tasklist, and Cockpit showed them the refusal page.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/camunda/app/tasklist/", "/camunda/app/cockpit/"})
  void anOperatorOpeningTasklistOrCockpitLandsOnThePortal(String app) {
    signInOnThePortal("operator1");
    browser.open(uri(app).toString());
    browser.await().until(driver -> driver.getCurrentUrl().endsWith("/portal/"));
    assertThat(browser.driver().getTitle()).isEqualTo("我的申请 · 朔州市众创空间认定与管理");
    String page = browser.visible(By.id("app")).getText();
    assertThat(page).containsPattern("\\p{IsHan}");
    assertThat(Browser.latinWords(browser.visible(By.tagName("body")).getText())).isEmpty();
  }

  @Test
  void anOperatorOpeningAdminIsToldInChineseAndLedToThePortal() {
    signInOnThePortal("operator1");
    browser.open(uri("/camunda/app/admin/default/").toString());
    assertThat(browser.withText(By.id("error-title"), "无权访问").isDisplayed()).isTrue();
    assertChinese(browser.visible(By.tagName("body")).getText());
    assertThat(browser.driver().getTitle()).isEqualTo("无权访问 · 朔州市众创空间认定与管理");
    browser.click(By.partialLinkText("我的申请"));
    browser.await().until(driver -> driver.getCurrentUrl().endsWith("/portal/"));
  }

  private void signInOnThePortal(String user) {
    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.visible(By.cssSelector("#app .hint"));
  }

  @Test
  void aMissingPageIsNamedInChineseAndAnApiCallerStillGetsJson() throws Exception {
    browser.open(uri("/no-such-page").toString());
    browser.withText(By.id("error-title"), "页面不存在");
    assertChinese(browser.visible(By.tagName("body")).getText());

    HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "application/json").GET());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("<html").contains("\"status\"");
  }

  private static void assertChinese(String page) {
    assertThat(page).doesNotContainPattern("[A-Za-z]{3,}").contains("朔州市科学技术局");
  }
}
