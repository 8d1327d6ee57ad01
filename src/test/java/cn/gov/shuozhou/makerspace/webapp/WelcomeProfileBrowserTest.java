package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The welcome page shows every signed-in user their profile and groups and lets them save their
 * name: its calls to the webapps' engine API pass the per-role allow-list (security/EngineRestAllowList)
 * for each kind of user, none is refused.
 */
class WelcomeProfileBrowserTest extends AbstractHttpTest {

  @Autowired
  private IdentityService identity;

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
  @ValueSource(strings = {"operator1", "expert1", "ruleadmin1"})
  void aUserSeesAndSavesTheirProfileWithoutARefusal(String user) {
    String firstName = identity.createUserQuery().userId(user).singleResult().getFirstName();
    browser.open(uri("/camunda/app/welcome/default/").toString());
    browser.signInToWebapp(user);
    browser.withText(By.cssSelector(".user-profile-name"), firstName);

    browser.click(By.cssSelector("[ng-click=\"showForm('profile')\"]"));
    browser.await().until(d -> firstName.equals(
        d.findElement(By.id("user-profile-firstname")).getDomProperty("value")));
    for (String field : java.util.List.of("user-profile-firstname", "user-profile-lastname", "user-profile-email")) {
      assertThat(Browser.latinWords(browser.driver().findElement(By.id(field)).getDomAttribute("placeholder")))
          .as("the placeholder of " + field).isEmpty();
    }
    // the form saves only once touched: type a character and take it back, the name stays the same
    browser.driver().findElement(By.id("user-profile-firstname")).sendKeys(Keys.END, "x", Keys.BACK_SPACE);
    browser.click(By.cssSelector("form[name='userProfile'] button[type='submit']"));
    browser.await().until(d -> !d.findElement(By.cssSelector("form[name='userProfile']")).isDisplayed());

    assertThat(browser.consoleLog()).as("refused calls of the welcome page")
        .noneMatch(line -> line.contains(" 403") || line.contains("(Forbidden)"));
    assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName())
        .isEqualTo(firstName);
  }
}
