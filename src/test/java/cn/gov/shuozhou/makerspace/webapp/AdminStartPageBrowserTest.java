package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Admin webapp's start page as the administrator opens it: its 用户, 组 and 租户 cards offer
 * their lists and creation. They ask what they may offer with a trailing slash (OPTIONS
 * .../user/), which the canonical path guard refused, leaving the cards empty.
 */
class AdminStartPageBrowserTest extends AbstractHttpTest {

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
}
