package cn.gov.shuozhou.makerspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * Issue 13 §5 and §2 on our own pages: each, signed in as its user (the login form first, then the
 * page itself), shows no Latin-alphabet word and has no serious or critical axe-core violation.
 * Tasklist's forms are checked along the journeys ({@link CertificationJourneyBrowserTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnPagesAccessibilityBrowserTest extends AbstractHttpTest {

  private Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = Browser.start(Duration.ofSeconds(60));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "/rules/, ruleadmin1", "/calendar/, admin", "/portal/, operator1", "/mailbox/, admin", "/county/, shuocheng1", "/reports/, city1",
      "/public/, ''", "/public/registry, ''", "/public/notices, ''", "/public/verify, ''",
      "/public/announcements, ''", "/public/objections/status, ''"})
  void thePageSpeaksChineseAndHasNoSeriousAccessibilityViolation(String page, String user) {
    browser.clearCookies();
    browser.open(uri(page).toString());
    if (!user.isEmpty()) {
      browser.visible(By.id("login-username"));
      assertClean(page + " (login)");
      browser.driver().findElement(By.id("login-username")).sendKeys(user);
      browser.driver().findElement(By.id("login-password")).sendKeys(user);
      browser.click(By.id("login-submit"));
      browser.withText(By.id("user-name"), user);
    } else {
      browser.visible(By.tagName("main"));
    }
    assertClean(page);
  }

  /** The lines of the page that hold a Latin word, to find them in the page's sources. */
  private List<String> linesWithLatinWords() {
    return browser.driver().findElement(By.tagName("body")).getText().lines()
        .filter(line -> !Browser.latinWords(line).isEmpty())
        .toList();
  }

  private void assertClean(String page) {
    // the page fills itself from the API a moment after it shows
    browser.await(Duration.ofSeconds(5)).ignoring(AssertionError.class).until(d -> {
      assertThat(browser.latinWordsOnPage()).as("Latin words on %s, in the lines %s", page, linesWithLatinWords())
          .isEmpty();
      return true;
    });
    assertThat(Axe.seriousViolations(browser)).as("axe-core on %s", page).isEmpty();
  }
}
