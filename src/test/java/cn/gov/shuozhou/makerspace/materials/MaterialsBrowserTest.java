package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 在线申报 in Chromium: an organisation fills the application form (built from the process's start
 * form), uploads a file for every required item of the checklist, files, and sees the files it
 * submitted; the county's reviewer then sees them on the 申报材料 tab of the first review in Tasklist.
 * On the way: what it got wrong is said at each field and at the materials, on the first try.
 */
class MaterialsBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;

  private Browser browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anOrganisationFilesWithMaterialsAndTheReviewerSeesThem() throws Exception {
    String creditCode = Applications.newCreditCode();
    String user = OrganisationAccounts.ownerOf(engine, creditCode);
    Map<String, Object> application = Applications.valid("shuocheng", creditCode);
    Path folder = Files.createTempDirectory("materials");
    Path pdf = Files.write(folder.resolve("申报材料.pdf"), Multipart.pdf("申报材料" + creditCode));

    browser = Browser.start();
    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.click(By.id("apply-open"));
    browser.visible(field("operatorName"));
    assertThat(browser.driver().findElement(field("creditCode")).getAttribute("value")).as("the account's own code")
        .isEqualTo(creditCode);
    // filled in from the account: the organisation, its county and its contact
    assertThat(List.of("operatorName", "contactName", "contactPhone")).extracting(name ->
        browser.driver().findElement(field(name)).getDomProperty("value"))
        .containsExactly("测试运营机构" + creditCode, "王明", "13903491234");
    assertThat(new Select(browser.driver().findElement(By.cssSelector("#apply-form select[name='county']")))
        .getFirstSelectedOption().getText()).isEqualTo("朔城区");
    for (String text : List.of("operatorName", "contactName", "contactPhone")) {
      browser.driver().findElement(field(text)).clear();
    }
    assertThat(browser.driver().findElement(By.cssSelector("#apply-form [data-key='publicServiceArea'] .hint")).getText())
        .as("the applicant learns of the share the rules ask for before filing").contains("第四条第（二）项");

    // 提交申请 on the empty form: each error at its field, in Chinese, without the API's field names
    browser.click(By.id("apply-submit"));
    WebElement nameError = browser.visible(By.id("field-operatorName-field-error"));
    assertThat(nameError.getText()).isEqualTo("运营机构名称为必填项");
    assertThat(browser.driver().findElement(field("operatorName")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("name")).as("the focus goes to the first error")
        .isEqualTo("operatorName");
    assertThat(browser.visible(By.id("field-premises-field-error")).getText()).isEqualTo("场地性质为必填项");
    assertThat(browser.visible(By.id("field-declarationConfirmed-field-error")).getText())
        .as("the pledge left unticked (Art. 9)").startsWith("请勾选承诺：本单位承诺以上填报内容真实、准确、完整");
    assertThat(browser.visible(By.id("apply-error")).getText()).doesNotContain("（operatorName）");

    for (String text : List.of("operatorName", "spaceName", "spaceAddress", "contactName", "contactPhone")) {
      browser.driver().findElement(field(text)).sendKeys(String.valueOf(application.get(text)));
    }
    browser.driver().findElement(By.cssSelector("#apply-form select[name='county'] option[value='shuocheng']")).click();
    for (String radio : List.of("hostType", "spaceFocus", "premises")) {
      browser.click(By.cssSelector("input[name='" + radio + "'][value='" + application.get(radio) + "']"));
    }
    for (String number : List.of("totalArea", "publicServiceArea", "leaseYears", "seedFundAmount", "mentorCount",
        "monthlyEvents", "activeMakers", "activeTeams")) {
      browser.driver().findElement(field(number)).sendKeys(String.valueOf(application.get(number)).replace(".0", ""));
    }
    for (String box : List.of("independentOperator", "sharedFacilities", "onlineServices", "lowCostOrFree",
        "declarationConfirmed")) {
      browser.click(field(box));
    }

    browser.visible(By.cssSelector("tr.material-item"));
    // a wrong phone and no materials yet: both said at once, the phone at its field, the materials at theirs
    browser.driver().findElement(field("contactPhone")).sendKeys("0");
    browser.click(By.id("apply-submit"));
    assertThat(browser.withText(By.id("field-contactPhone-field-error"), "联系电话").getText()).doesNotContain("contactPhone");
    assertThat(browser.visible(By.id("apply-materials-field-error")).getText()).startsWith("以下必需材料尚未上传：")
        .contains("营业执照");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().variableValueEquals(CREDIT_CODE, creditCode)
        .count()).as("nothing filed").isZero();
    WebElement phone = browser.driver().findElement(field("contactPhone"));
    phone.clear();
    phone.sendKeys(String.valueOf(application.get("contactPhone")));
    // a file that is no PDF, JPEG or PNG: refused once, in words people read
    Path text = Files.writeString(folder.resolve("说明.txt"), "不是PDF");
    browser.present(By.cssSelector("input.material-input[data-code='REGISTRATION']")).sendKeys(text.toString());
    String refused = browser.visible(By.cssSelector("tr.material-item[data-code='REGISTRATION'] .message.error")).getText();
    assertThat(refused).contains("类型不受支持").doesNotContain("file");
    assertThat(refused.indexOf("类型不受支持")).as("said once").isEqualTo(refused.lastIndexOf("类型不受支持"));
    assertThat(sidewaysAtPhoneWidth()).as("the checklist at 390 px").isLessThanOrEqualTo(0);

    List<String> required = browser.driver().findElements(By.cssSelector("tr.material-item")).stream()
        .filter(row -> row.getText().contains("必需")).map(row -> row.getDomAttribute("data-code")).toList();
    assertThat(required).contains("REGISTRATION", "APPLICATION_FORM");
    // one file chosen right after the other, as a quick hand does: each upload ends while others are
    // under way, and the table drawn at its end loses none of the others and leaves their controls off.
    // The list's first answer after an upload is held back 4 s, as a slow network may: drawn when it
    // comes, that older list would drop the files uploaded meanwhile.
    browser.js("""
        const original = window.fetch;
        let holding = true;
        window.heldAnswered = false;
        window.fetch = async (...args) => {
          const answer = await original(...args);
          if (holding && String(args[0]).startsWith('/api/materials') && (args[1] || {}).method === 'GET') {
            holding = false;
            await new Promise((resolve) => setTimeout(resolve, 4000));
            window.heldAnswered = true;
          }
          return answer;
        };""");
    for (String code : required) {
      browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
        d.findElement(By.cssSelector("input.material-input[data-code='" + code + "']")).sendKeys(pdf.toString());
        return true;
      });
    }
    browser.await().ignoring(StaleElementReferenceException.class).until(d ->
        Boolean.TRUE.equals(browser.js("return window.heldAnswered;"))
            && d.findElements(By.cssSelector("tr.material-item .material-file")).size() == required.size()
            && d.findElements(By.cssSelector("input.material-input:disabled")).isEmpty());
    for (String code : required) {
      assertThat(browser.driver().findElements(By.cssSelector("tr.material-item[data-code='" + code + "'] .material-file")))
          .as(code).hasSize(1);
    }
    // a double click on 提交申请 and Enter, as a hurried hand does: one filing, no refusal beside the answer
    browser.js("""
        const counted = window.fetch;
        window.filings = 0;
        window.fetch = (...args) => {
          if (String(args[0]) === '/api/my/applications' && (args[1] || {}).method === 'POST') {
            window.filings += 1;
          }
          return counted(...args);
        };""");
    WebElement submit = browser.visible(By.id("apply-submit"));
    new Actions(browser.driver()).doubleClick(submit).sendKeys(Keys.ENTER).perform();
    WebElement done = browser.visible(By.id("apply-done"));
    assertThat(done.getText()).contains("申请已提交").contains("营业执照").contains("申报材料.pdf")
        .contains("已随申请提交的材料（" + required.size() + " 份）");
    // the files in the checklist's order (营业执照 first), as on the form
    assertThat(done.findElements(By.cssSelector(".apply-files li"))).extracting(li -> li.getDomAttribute("data-code"))
        .containsExactlyElementsOf(required);
    String number = browser.visible(By.cssSelector(".apply-number")).getText();
    browser.withText(By.id("applications"), number); // 我的申请 lists it without a reload
    assertThat(browser.driver().findElement(By.id("apply-error")).isDisplayed()).as("no refusal beside it").isFalse();
    assertThat(browser.js("return window.filings;")).as("one request for the presses").isEqualTo(1L);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().variableValueEquals(CREDIT_CODE, creditCode)
        .count()).as("filed once").isEqualTo(1);
    browser.screenshot(Browser.screenshots().resolve("portal-filed-with-materials.png"));
    browser.open(uri("/portal/case.html?number=" + number).toString());
    assertThat(browser.visible(By.id("submitted-materials")).findElements(By.cssSelector("tr.submitted-material")))
        .extracting(row -> row.getDomAttribute("data-code")).as("the case's materials in the checklist's order")
        .containsExactlyElementsOf(required);
    // 申报内容: what the organisation filed, in the form's own words, read-only
    browser.click(By.cssSelector("#filed summary"));
    WebElement filed = browser.visible(By.id("filed-form"));
    assertThat(filed.getText()).contains("运营机构名称", "朔州创新创业服务有限公司", "朔城创客之家", "朔城区", "260平方米")
        .doesNotContain("本单位承诺");
    assertThat(filed.findElements(By.cssSelector("input, select, textarea"))).isEmpty();
    assertThat(Browser.latinWords(filed.getText())).isEmpty();
    assertThat(sidewaysAtPhoneWidth()).as("the submitted materials at 390 px").isLessThanOrEqualTo(0);
    browser.close();

    // another organisation opening that case's page learns no more than for a number that does not exist
    String stranger = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    browser = Browser.start();
    browser.open(uri("/portal/case.html?number=" + number).toString());
    browser.visible(By.id("login-username")).sendKeys(stranger);
    browser.driver().findElement(By.id("login-password")).sendKeys(stranger);
    browser.click(By.id("login-submit"));
    assertThat(browser.visible(By.id("global-message")).getText()).contains("本单位没有编号为").contains(number);
    assertThat(browser.driver().findElements(By.cssSelector("#app > section")).stream().noneMatch(WebElement::isDisplayed))
        .as("no empty sections of a case").isTrue();
    browser.open(uri("/portal/case.html").toString());
    assertThat(browser.visible(By.id("global-message")).getText()).isEqualTo("未指定申请编号，请从“我的申请”选择一件申请。");
    browser.close();

    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(TASK_FIRST_REVIEW).singleResult();
    assertThat(review).as("the case waits at its first review").isNotNull();
    browser = Browser.start();
    browser.driver().manage().window().setSize(new Dimension(1440, 900)); // an office screen
    browser.open(uri("/camunda/app/tasklist/default/#/?task=" + review.getId() + "&detailsTab=ms-case-materials").toString());
    browser.signInToWebapp("shuocheng1");
    WebElement table = browser.visible(By.cssSelector(".ms-materials-table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(required.size());
    assertThat(table.getText()).contains("营业执照").contains("第1版").contains("申报材料.pdf").contains("预览");
    // headers in Chinese only, the checksum shortened with the whole value on hover
    assertThat(table.findElements(By.tagName("th"))).extracting(WebElement::getText)
        .containsExactly("材料", "版本", "文件", "大小", "提交时间", "校验码", "操作");
    WebElement checksum = table.findElement(By.cssSelector("tbody tr code"));
    assertThat(checksum.getText()).hasSize(13).endsWith("…");
    assertThat(checksum.getDomAttribute("title")).hasSize(64).startsWith(checksum.getText().substring(0, 12));
    assertThat(browser.latinWordsIn(table)).isEmpty();
    // beside the task list: the headers and short columns in one line each, and the tab does not scroll sideways
    assertThat(table.findElements(By.cssSelector("th, td:not(:first-child):not(:nth-child(3))")))
        .allSatisfy(cell -> assertThat(lines(cell)).as(cell.getText()).isEqualTo(1));
    assertThat(browser.sidewaysAround(table)).as("the 申报材料 tab at 1440 px scrolls sideways by").isLessThanOrEqualTo(0);
    browser.screenshot(Browser.screenshots().resolve("tasklist-first-review-materials.png"));
  }

  /** In how many lines the text of {@code cell} is shown. */
  private long lines(WebElement cell) {
    return ((Number) browser.js("const range = document.createRange(); range.selectNodeContents(arguments[0]);"
        + " return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(arguments[0]).lineHeight));",
        cell)).longValue();
  }

  /** How far the page scrolls sideways at a phone's width (390 px); the window is then set back. */
  private long sidewaysAtPhoneWidth() {
    Dimension size = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(390, size.getHeight()));
    try {
      return (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
    } finally {
      browser.driver().manage().window().setSize(size);
    }
  }

  /** A field of the application form (the register form on the same page has some of the same names). */
  private static By field(String name) {
    return By.cssSelector("#apply-form [name='" + name + "']");
  }
}
