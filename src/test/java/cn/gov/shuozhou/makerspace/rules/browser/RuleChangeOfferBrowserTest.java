package cn.gov.shuozhou.makerspace.rules.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the rule page ({@code /rules/}) offers and says, in Chromium: a change only to those who may
 * make it (the auditor reads), not while a proposal of the rule awaits its approval, and a refused
 * check as one Chinese line per problem (a cell that is not FEEL named by rule and column; a table
 * past a limit said once; a cell whose value its column's type refuses, named once for all the
 * regression cases it fails).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (see {@link Browser}).
 */
class RuleChangeOfferBrowserTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "article4-eligibility";
  private static final String NAME = "众创空间认定条件（第四条）";
  private static final String AREA_CELL = "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>&lt; 200, null</text>";

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowserAndWithdrawProposals() throws IOException {
    if (browser != null) {
      browser.close();
    }
    // Test classes of the same configuration share one application: leave no proposal pending.
    for (JsonNode proposal : JSON.readTree(api("ruleadmin1").get("/api/rules/" + KEY).body()).get("proposals")) {
      if (proposal.get("status").asText().equals("PROPOSED")) {
        api("ruleadmin1").post("/api/rules/" + KEY + "/proposals/" + proposal.get("proposalId").asText() + "/reject",
            "{\"reason\": \"浏览器测试结束\"}");
      }
    }
  }

  @Test
  void anAuditorReadsTheRuleAndIsNotOfferedToChangeIt() {
    openRule("auditor1");
    browser.visible(By.cssSelector("#version-history tbody tr"));
    assertThat(browser.driver().findElement(By.id("edit-button")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElement(By.id("upload-label")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElements(By.cssSelector(".rollback-button"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("download-active")).isDisplayed()).isTrue();

    // a rule administrator on the same page, after the auditor signed out, is offered both
    browser.click(By.id("logout-button"));
    openRule("ruleadmin1");
    assertThat(browser.visible(By.id("edit-button")).getText()).isEqualTo("编辑");
    assertThat(browser.visible(By.id("upload-label")).getText()).contains("上传");
  }

  @Test
  void aCellThatIsNotFeelIsNamedOnceByItsRuleAndColumn() {
    openRule("ruleadmin1");
    browser.click(By.id("edit-button"));
    RulePage.replaceCell(browser, By.cssSelector("#dmn-editor td[data-element-id='rule-area-other-in-totalArea']"), ">=");
    browser.click(By.id("check-button"));
    browser.withText(By.id("check-summary"), "检查未通过，不能启用");
    List<WebElement> errors = browser.driver().findElements(By.cssSelector("#check-errors li"));
    assertThat(errors).singleElement().satisfies(error -> assertThat(error.getText())
        .contains("第3条规则「可自主支配场地面积」列的单元格「>=」不是有效的FEEL条件"));
    String result = browser.driver().findElement(By.id("check-result")).getText();
    assertThat(result).doesNotContain("Exception").doesNotContain("Expected").doesNotContain("回归用例");
    assertThat(browser.latinWordsOnPage()).isEmpty();
    assertThat(browser.driver().findElement(By.id("activate-form")).isDisplayed()).isFalse();
  }

  @Test
  void aCaseThatFailsToEvaluateIsSaidOnceInChineseNamingTheCell() {
    openRule("ruleadmin1", "certification-policy", "认定管理政策参数");
    browser.click(By.id("edit-button"));
    // valid FEEL, but text where the column's type is a whole number: both regression cases fail on it
    RulePage.replaceCell(browser, By.cssSelector("#dmn-editor td[data-element-id='rule-current-out-publicityWorkingDays']"), "\"五\"");
    browser.click(By.id("check-button"));
    browser.withText(By.id("check-summary"), "检查未通过，不能启用");
    List<WebElement> errors = browser.driver().findElements(By.cssSelector("#check-errors li"));
    assertThat(errors).singleElement().satisfies(error -> assertThat(error.getText())
        .contains("2 个回归用例在新决策表上求值失败")
        .contains("第1条规则「网上公示期」列的单元格「\"五\"」得出文本，而这一列的类型是整数：请改为整数，或修改这一列的类型"));
    String result = browser.driver().findElement(By.id("check-result")).getText();
    assertThat(result).doesNotContain("Exception").doesNotContain("Invalid").doesNotContain("DMN-01005");
    assertThat(browser.latinWordsOnPage()).isEmpty();
    assertThat(browser.driver().findElement(By.id("activate-form")).isDisplayed()).isFalse();
  }

  @Test
  void aTablePastALimitIsRefusedWithEachProblemSaidOnce() throws IOException {
    String tooLong = "&lt; " + "1+".repeat(520) + "1, null";
    Path file = Files.createTempFile("article4-long-", ".dmn");
    try {
      Files.writeString(file, activeXml().replace(AREA_CELL, AREA_CELL.replace("&lt; 200, null", tooLong)),
          StandardCharsets.UTF_8);
      openRule("ruleadmin1");
      browser.present(By.id("upload-input")).sendKeys(file.toAbsolutePath().toString());
      browser.withText(By.id("upload-block"), file.getFileName().toString());
      browser.click(By.id("check-button"));
      browser.withText(By.id("check-summary"), "检查未通过，不能启用");
      String result = browser.driver().findElement(By.id("check-result")).getText();
      assertThat(result.split("超过上限 1000 个字符", -1)).as(result).hasSize(2);
      assertThat(browser.driver().findElements(By.cssSelector("#check-errors li"))).hasSize(1);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aRuleWithAPendingProposalSaysSoInTheListAndBeforeAnyEditing() throws IOException {
    String xml = activeXml().replace(AREA_CELL, AREA_CELL.replace("200", "300"));
    HttpResponse<String> proposed = api("ruleadmin1").post("/api/rules/" + KEY + "/activate", JSON.writeValueAsString(
        Map.of("xml", xml, "reason", "面积门槛调整为300平方米", "confirmChangedCases", true)));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);

    openRule("ruleadmin2");
    assertThat(browser.driver().findElement(By.cssSelector("#decision-list tr[data-key='" + KEY + "'] [data-field='status']"))
        .getText()).isEqualTo("待审批");
    assertThat(browser.visible(By.id("change-blocked")).getText())
        .contains("待审批的修改").contains("规则管理员一（ruleadmin1）").contains("审批或驳回后，才能提出新的修改");
    assertThat(browser.driver().findElement(By.id("edit-button")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElement(By.id("upload-label")).isDisplayed()).isFalse();
    assertThat(browser.driver().findElements(By.cssSelector(".rollback-button"))).isEmpty();
    // the proposal itself is decided on the page as before
    assertThat(browser.visible(By.id("proposal-approve")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.cssSelector("#decision-list tr[data-key='first-review-routing'] [data-field='status']"))
        .getText()).isEqualTo("正常");
  }

  // ------------------------------------------------------------------ helpers

  /** Signs in on the rule page as {@code user} and opens Art. 4. */
  private void openRule(String user) {
    openRule(user, KEY, NAME);
  }

  /** Signs in on the rule page as {@code user} and opens the rule {@code key} ({@code title} on the page). */
  private void openRule(String user, String key, String title) {
    if (!browser.driver().getCurrentUrl().contains("/rules/")) {
      browser.open(uri("/rules/").toString());
    }
    RulePage.signInAndOpen(browser, user, key, title);
  }

  private String activeXml() {
    HttpResponse<String> xml = api("ruleadmin1").get("/api/rules/" + KEY + "/xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains(AREA_CELL);
    return xml.body();
  }
}
