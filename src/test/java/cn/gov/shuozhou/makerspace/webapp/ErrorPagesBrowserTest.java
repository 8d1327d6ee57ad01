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
 * to the entrances, with no English and no technical detail. API callers still get JSON.
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

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/app/cockpit/", "/camunda/app/admin/default/"})
  void anOperatorOpeningAStaffWebappIsToldInChinese(String app) {
    browser.open(uri("/camunda/app/tasklist/default/").toString());
    browser.signInToWebapp("operator1");
    browser.withText(By.tagName("body"), "申报人一"); // signed in
    browser.open(uri(app).toString());
    assertThat(browser.withText(By.id("error-title"), "无权访问").isDisplayed()).isTrue();
    assertChinese(browser.visible(By.tagName("body")).getText());
    assertThat(browser.driver().getTitle()).isEqualTo("无权访问 · 朔州市众创空间认定与管理");
    browser.click(By.partialLinkText("任务中心"));
    browser.await().until(driver -> driver.getCurrentUrl().contains("/camunda/app/tasklist/"));
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
