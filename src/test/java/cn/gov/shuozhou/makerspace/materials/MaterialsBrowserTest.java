package cn.gov.shuozhou.makerspace.materials;

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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 在线申报 in Chromium: an organisation fills the application form (built from the process's start
 * form), uploads a file for every required item of the checklist, files, and sees the files it
 * submitted; the county's reviewer then sees them on the 申报材料 tab of the first review in Tasklist.
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
    for (String text : List.of("operatorName", "creditCode", "spaceName", "spaceAddress", "contactName", "contactPhone")) {
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
    List<String> required = browser.driver().findElements(By.cssSelector("tr.material-item")).stream()
        .filter(row -> row.getText().contains("必需")).map(row -> row.getDomAttribute("data-code")).toList();
    assertThat(required).contains("REGISTRATION", "APPLICATION_FORM");
    for (String code : required) {
      browser.present(By.cssSelector("input.material-input[data-code='" + code + "']")).sendKeys(pdf.toString());
      browser.visible(By.cssSelector("tr.material-item[data-code='" + code + "'] .material-file"));
    }
    browser.click(By.id("apply-submit"));
    WebElement done = browser.visible(By.id("apply-done"));
    assertThat(done.getText()).contains("申请已提交").contains("营业执照").contains("申报材料.pdf")
        .contains("已随申请提交的材料（" + required.size() + " 份）");
    String number = browser.visible(By.cssSelector(".apply-number")).getText();
    browser.screenshot(Browser.screenshots().resolve("portal-filed-with-materials.png"));
    browser.close();

    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(TASK_FIRST_REVIEW).singleResult();
    assertThat(review).as("the case waits at its first review").isNotNull();
    browser = Browser.start();
    browser.open(uri("/camunda/app/tasklist/default/#/?task=" + review.getId() + "&detailsTab=ms-case-materials").toString());
    browser.signInToWebapp("shuocheng1");
    WebElement table = browser.visible(By.cssSelector(".ms-materials-table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(required.size());
    assertThat(table.getText()).contains("营业执照").contains("第1版").contains("申报材料.pdf").contains("预览");
    browser.screenshot(Browser.screenshots().resolve("tasklist-first-review-materials.png"));
  }

  /** A field of the application form (the register form on the same page has some of the same names). */
  private static By field(String name) {
    return By.cssSelector("#apply-form [name='" + name + "']");
  }
}
