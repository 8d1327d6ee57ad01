package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The welcome page links each user to the pages of ours they may use, and to no page that would refuse
 * them (GET /api/my/pages, app/welcome/scripts/own-pages.js): the administrator finds 机构账号 and the
 * demo's 演示邮箱 there and is not offered 规则管理; the rule administrator the other way round; the
 * auditor what it reads.
 */
class WelcomeLinksBrowserTest extends AbstractHttpTest {

  @Test
  void theAdministratorIsLinkedToTheAccountsAndTheMailboxNotToTheRules() {
    try (Browser browser = Browser.start()) {
      assertThat(linksOf(browser, "admin")).containsExactly("工作日历", "统计报表", "机构账号", "演示邮箱");
      browser.click(By.linkText("机构账号"));
      browser.await().until(d -> d.getCurrentUrl().endsWith("/accounts/"));
    }
  }

  @Test
  void theRuleAdministratorIsLinkedToTheRulesAndTheCalendarOnly() {
    try (Browser browser = Browser.start()) {
      assertThat(linksOf(browser, "ruleadmin1")).containsExactly("规则管理", "工作日历");
    }
  }

  @Test
  void theAuditorIsLinkedToWhatItReadsAndSeesItsGroupWithoutARefusal() {
    try (Browser browser = Browser.start()) {
      assertThat(linksOf(browser, "auditor1")).containsExactly("规则管理", "工作日历", "统计报表");
      // the profile's groups are asked for with a POST query, a read the auditors' read-only guard lets through
      browser.withText(By.cssSelector(".user-profile"), "审计人员");
      assertThat(browser.consoleLog()).as("refused calls of the welcome page")
          .noneMatch(line -> line.contains(" 403") || line.contains("(Forbidden)"));
    }
  }

  /** The links the welcome page shows {@code user} once it knows which pages are theirs. */
  private List<String> linksOf(Browser browser, String user) {
    browser.open(uri("/camunda/app/welcome/default/").toString());
    browser.signInToWebapp(user);
    // hidden until the page knows which are the user's (GET /api/my/pages)
    browser.await().until(d -> !d.findElements(By.cssSelector(".custom-links[aria-busy='false']")).isEmpty());
    assertThat(Browser.latinWords(browser.driver().findElement(By.cssSelector(".custom-links")).getText())).isEmpty();
    return browser.driver().findElements(By.cssSelector(".custom-link-wrapper")).stream()
        .filter(WebElement::isDisplayed).map(wrapper -> wrapper.findElement(By.cssSelector(".h4")).getText()).toList();
  }
}
