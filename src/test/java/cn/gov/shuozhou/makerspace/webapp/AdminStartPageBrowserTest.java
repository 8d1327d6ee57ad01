package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Admin webapp's start page as the administrator opens it: its 用户, 组 and 租户 cards offer
 * their lists and creation. They ask what they may offer with a trailing slash (OPTIONS
 * .../user/), which the canonical path guard refused, leaving the cards empty.
 */
class AdminStartPageBrowserTest extends AbstractHttpTest {

  @Autowired IdentityService identity;

  @Test
  void theAdministratorIsOfferedTheListsAndCreationOfUsersGroupsAndTenants() {
    try (Browser browser = Browser.start()) {
      browser.open(uri("/camunda/app/admin/default/").toString());
      browser.signInToWebapp("admin");
      for (String link : new String[] {"用户列表", "新建用户", "组列表", "新建组", "租户列表"}) {
        browser.visible(By.xpath("//a[normalize-space(.)='" + link + "']"));
      }
      assertThat(browser.consoleLog()).as("refused requests of the start page")
          .noneMatch(line -> line.contains(" 400") || line.contains("camunda-welcome"));
    }
  }

  /**
   * A Chinese name in Chinese order: Camunda shows a user's first name, then the last; Admin asks for
   * 姓 in the first and 名 in the second (it asked for 名字 and 姓氏, so 张三 was entered as 三 and 张
   * and shown 三 张 in Camunda's headers, 三张 in our texts).
   */
  @Test
  void theAdministratorCreatesAUserWhoseNameReadsInChineseOrder() {
    String id = "staff" + System.nanoTime() % 1_000_000;
    try (Browser browser = Browser.start()) {
      browser.open(uri("/camunda/app/admin/default/#/user-create").toString());
      browser.signInToWebapp("admin");
      WebElement surname = browser.visible(By.id("inputFirstname"));
      assertThat(browser.visible(By.cssSelector("label[for='inputFirstname']")).getText()).isEqualTo("姓*");
      assertThat(browser.visible(By.cssSelector("label[for='inputLastname']")).getText()).isEqualTo("名*");
      browser.visible(By.id("inputUserId")).sendKeys(id);
      browser.visible(By.id("inputPassword")).sendKeys("Shuozhou2026!");
      browser.visible(By.id("inputPasswordRepeat")).sendKeys("Shuozhou2026!");
      surname.sendKeys("欧阳");
      browser.visible(By.id("inputLastname")).sendKeys("晓明");
      browser.visible(By.id("inputEmail")).sendKeys(id + "@example.cn");
      browser.click(By.cssSelector("button[ng-click='createUser()']"));
      browser.await().until(d -> identity.createUserQuery().userId(id).count() == 1);
    }
    User user = identity.createUserQuery().userId(id).singleResult();
    assertThat(UserNames.of(user)).isEqualTo("欧阳晓明");
    identity.deleteUser(id);
  }
}
