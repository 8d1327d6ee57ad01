package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the administrator reads in Admin (issue 13): the engine's permission codes (ACCESS, READ,
 * TASK_WORK…) and group types (WORKFLOW, SYSTEM) as the dictionary's Chinese labels
 * (app/admin/scripts/texts/plugin.js), while what Admin stores stays the engine's codes.
 */
class AdminTextsBrowserTest extends AbstractHttpTest {

  private static final String RESOURCE_ID = "维护测试流程";

  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;

  @Test
  void permissionsReadInChineseAndANewAuthorizationStoresTheEngineCodes() {
    try (Browser browser = Browser.start()) {
      browser.open(uri("/camunda/app/admin/default/#/authorization?resource=6").toString());
      browser.signInToWebapp("admin");
      WebElement table = browser.visible(By.cssSelector("table.cam-table"));
      browser.withText(By.cssSelector("table.cam-table td.permissions"), "读取");
      assertThat(table.getText()).contains("读取实例", "读取历史").doesNotContain("READ");
      assertThat(browser.latinWordsIn(table)).as("Latin words in the authorizations").isEmpty();

      browser.click(By.cssSelector("a[ng-click='addNewAuthorization()']"));
      WebElement row = browser.visible(By.cssSelector("tr.editing"));
      assertThat(row.findElement(By.cssSelector("td.permissions .form-control-static")).getText()).isEqualTo("全部权限");
      row.findElement(By.cssSelector(".input-auth-name")).sendKeys("experts");
      WebElement resource = row.findElement(By.id("inputResourceId"));
      resource.clear();
      resource.sendKeys(RESOURCE_ID);
      browser.click(By.cssSelector("tr.editing td.permissions .dropdown-toggle"));
      WebElement menu = browser.visible(By.cssSelector("tr.editing .dropdown-menu"));
      assertThat(menu.getText()).contains("全不选", "读取", "读取历史", "办理任务");
      assertThat(browser.latinWordsIn(menu)).as("Latin words in the permission picker").isEmpty();
      browser.click(By.xpath("//tr[contains(@class,'editing')]//span[normalize-space(.)='全不选']"));
      for (String label : List.of("读取", "读取历史")) {
        browser.click(By.xpath("//tr[contains(@class,'editing')]//li/label[normalize-space(.)='" + label + "']/input"));
      }
      browser.withText(By.cssSelector("tr.editing td.permissions .form-control-static"), "读取、读取历史");
      browser.click(By.cssSelector("tr.editing button[ng-click='confirmUpdateAuthorization(authorization)']"));
      browser.await().until(d -> stored() != null);
      browser.withText(By.xpath("//tr[td[normalize-space(.)='" + RESOURCE_ID + "']]/td[contains(@class,'permissions')]"),
          "读取、读取历史");
      // NONE (0) is in every set of permissions
      assertThat(stored().getPermissions(Permissions.values())).as("what Admin stored: the engine's codes")
          .containsExactlyInAnyOrder(Permissions.NONE, Permissions.READ, Permissions.READ_HISTORY);
    } finally {
      Authorization created = stored();
      if (created != null) {
        authorizations.deleteAuthorization(created.getId());
      }
    }
  }

  @Test
  void groupTypesAndMetricsReadInChinese() {
    try (Browser browser = Browser.start()) {
      browser.open(uri("/camunda/app/admin/default/#/groups").toString());
      browser.signInToWebapp("admin");
      WebElement table = browser.visible(By.cssSelector("table"));
      browser.withText(By.xpath("//tr[td[contains(@class,'group-id') and normalize-space(.)='camunda-admin']]/td[contains(@class,'group-type')]"), "系统组");
      browser.withText(By.xpath("//tr[td[contains(@class,'group-id') and normalize-space(.)='experts']]/td[contains(@class,'group-type')]"), "业务组");
      assertThat(browser.latinWordsIn(table)).as("Latin words in the groups list").isEmpty();

      browser.open(uri("/camunda/app/admin/default/#/groups/experts?tab=group").toString());
      browser.withText(By.cssSelector(".ms-group-type"), "业务组");
      assertThat(browser.visible(By.id("inputType")).getAttribute("value")).as("the code Admin would store").isEqualTo("WORKFLOW");
      assertThat(browser.latinWordsOnPage()).as("Latin words on the group page").isEmpty();

      // 系统 → 执行指标: its columns are named as its explanation names them, without PI, DI, TU; the
      // annual table too, which shows once the year has metrics: a task user counts (an assignment)
      Task counted = tasks.newTask();
      tasks.saveTask(counted);
      tasks.setAssignee(counted.getId(), "admin");
      tasks.deleteTask(counted.getId(), true);
      browser.open(uri("/camunda/app/admin/default/#/system?section=system-settings-metrics").toString());
      WebElement metrics = browser.visible(By.cssSelector("table.metrics-monthly"));
      browser.withText(By.cssSelector("table.metrics-monthly thead"), "任务用户");
      assertThat(browser.latinWordsIn(metrics)).as("Latin words in the execution metrics").isEmpty();
      WebElement annual = browser.visible(By.cssSelector("table.metrics-annual"));
      browser.withText(By.cssSelector("table.metrics-annual thead"), "任务用户");
      assertThat(browser.latinWordsIn(annual)).as("Latin words in the annual metrics").isEmpty();
      assertThat(browser.latinWordsOnPage()).as("Latin words on the execution metrics page").isEmpty();
    }
  }

  private Authorization stored() {
    return authorizations.createAuthorizationQuery().groupIdIn("experts")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(RESOURCE_ID).singleResult();
  }
}
