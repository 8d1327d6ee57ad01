package cn.gov.shuozhou.makerspace.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The public pages' frame in Chromium without an account: a missing or refused address under
 * /public/ is answered in that frame (its header and menu, not the staff's entrances); the first Tab
 * reaches 跳到正文, which leads into the page's content; the menu marks where the reader is; a refused
 * registry query shows no result count, which would read as an empty result.
 */
class PublicFrameBrowserTest extends AbstractHttpTest {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aMissingPublicPageIsAnsweredInThePublicFrame() throws Exception {
    browser.open(uri("/public/nosuchpage").toString());
    assertThat(browser.withText(By.id("error-title"), "页面不存在").isDisplayed()).isTrue();
    String page = browser.visible(By.tagName("body")).getText();
    assertThat(page).contains("朔州市众创空间 · 公开信息").contains("众创空间名录").contains("证书查验")
        .doesNotContain("任务中心").doesNotContain("我的申请").doesNotContain("众创空间认定与管理系统");
    assertThat(browser.driver().getTitle()).isEqualTo("页面不存在 · 朔州市众创空间");
    assertThat(browser.latinWordsOnPage()).isEmpty();
    assertThat(Axe.seriousViolations(browser)).as("axe-core on the public error page").isEmpty();
    browser.click(By.linkText("众创空间名录"));
    browser.visible(By.id("q"));

    // a method the address does not take (405): the same frame
    HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/public/registry")).header("Accept", "text/html").DELETE());
    assertThat(deleted.statusCode()).isEqualTo(405);
    assertThat(deleted.body()).contains("请求无法处理").contains("公开信息导航").doesNotContain("任务中心");
    // the staff's pages keep theirs
    browser.open(uri("/no-such-page").toString());
    assertThat(browser.withText(By.id("error-title"), "页面不存在").isDisplayed()).isTrue();
    assertThat(browser.visible(By.tagName("body")).getText()).contains("任务中心（工作人员）");
  }

  @Test
  void theFirstTabSkipsToTheContentAndTheMenuMarksThePage() {
    browser.open(uri("/public/registry").toString());
    browser.visible(By.id("q"));
    browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement first = browser.driver().switchTo().activeElement();
    assertThat(first.getText()).isEqualTo("跳到正文");
    assertThat(first.getRect().getY()).as("shown once it has the focus").isGreaterThanOrEqualTo(0);
    first.sendKeys(Keys.ENTER);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the next stop is the page's own")
        .isEqualTo("q");

    assertThat(current()).containsExactly("众创空间名录");
    WebElement here = browser.visible(By.cssSelector(".public-nav a[aria-current='page']"));
    WebElement other = browser.visible(By.linkText("公告"));
    assertThat(here.getCssValue("font-weight")).as("marked for the eye too").isNotEqualTo(other.getCssValue("font-weight"));
    assertThat(here.getCssValue("border-bottom-color")).isNotEqualTo(other.getCssValue("border-bottom-color"));

    browser.open(uri("/public/objections/status").toString());
    assertThat(current()).containsExactly("异议办理结果查询");
    browser.open(uri("/public/notices").toString());
    assertThat(current()).containsExactly("网上公示");
    browser.open(uri("/public/").toString());
    assertThat(current()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=abc", "status=7", "q=1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"})
  void aRefusedRegistryQueryShowsNoResultCount(String query) {
    browser.open(uri("/public/registry?" + query).toString());
    String field = query.substring(0, query.indexOf('='));
    assertThat(browser.visible(By.id(field + "-error")).getText()).containsPattern("\\p{IsHan}");
    assertThat(browser.visible(By.tagName("main")).getText()).doesNotContain("共 0 个").doesNotContain("没有符合条件");
    assertThat(browser.driver().findElements(By.id("result-count"))).isEmpty();
  }

  private List<String> current() {
    return browser.driver().findElements(By.cssSelector(".public-nav a[aria-current]")).stream()
        .map(WebElement::getText).toList();
  }
}
