package cn.gov.shuozhou.makerspace.e2e;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SUPERVISION_INSTANCE_ID;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county's view (Art. 6) in Chromium: shuocheng1 opens 县域空间 from Tasklist's header, finds a
 * certified space of 朔城区 (and none of 平鲁区), is told at the field what is missing, records a
 * service with an attachment; city1 then sees the entry in the space's 年度考核 form in Tasklist.
 * Each reader's list has its heading (the city bureau's is the city's), a report's row shows its year
 * and the entry form starts on today. The space's supervision is reached through the engine (its report window and the report: the
 * operator's steps are another suite's); everything the two users do is done on the pages.
 */
class CountyViewBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;

  private Browser browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theCountyRecordsAServiceAndTheCityBureauSeesItInTheAssessment() throws Exception {
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, new CertificationDriver(engine));
    ProcessInstance ours = supervision.supervised("shuocheng", "朔城区浏览器台账空间");
    String theirs = supervision.supervised("pinglu", "平鲁区浏览器台账空间").getBusinessKey();
    Path pdf = Files.write(Files.createTempDirectory("county").resolve("服务照片2026.pdf"), Multipart.pdf("服务照片"));

    browser = Browser.start(Duration.ofSeconds(60));
    WebSteps web = new WebSteps(browser, engine, port, "county");
    web.signIn("shuocheng1");
    browser.click(By.cssSelector("a.ms-county-link"));
    browser.withText(By.id("user-name"), "shuocheng1"); // the page shares Tasklist's session
    browser.visible(By.id("search-q")).sendKeys("浏览器台账空间");
    browser.click(By.cssSelector("#search-form button[type='submit']"));
    browser.withText(By.id("space-count"), "共 1 个众创空间");
    WebElement list = browser.visible(By.id("space-list"));
    assertThat(list.getText()).contains(ours.getBusinessKey(), "朔城区浏览器台账空间", "朔城区", "有效")
        .doesNotContain(theirs, "平鲁区");
    web.checkPage("list", "main");

    browser.click(By.cssSelector("tr[data-number='" + ours.getBusinessKey() + "'] a.space-link"));
    browser.withText(By.id("space-title"), "朔城区浏览器台账空间");
    browser.visible(By.id("service-form"));
    browser.js("arguments[0].value = arguments[1];", browser.visible(By.id("service-date")),
        EngineClock.today().toString());
    browser.driver().findElement(By.cssSelector("#service-kind option[value='training']")).click();
    browser.click(By.id("service-submit"));
    WebElement missing = browser.visible(By.id("service-description-field-error"));
    assertThat(missing.getText()).contains("服务内容");
    assertThat(browser.driver().findElement(By.id("service-description")).getDomAttribute("aria-invalid")).isEqualTo("true");

    browser.driver().findElement(By.id("service-description")).sendKeys("组织入驻团队参加创业培训");
    browser.present(By.id("service-file")).sendKeys(pdf.toString());
    browser.withText(By.id("service-attachments"), "服务照片2026.pdf");
    browser.click(By.id("service-submit"));
    browser.withText(By.id("global-message"), "服务记录已保存");
    WebElement services = browser.withText(By.id("space-services"), "组织入驻团队参加创业培训");
    assertThat(services.getText()).contains("培训辅导", "附件1", "shuocheng1");
    web.checkPage("space", "main");

    Task assessment = supervision.assessmentAfterReport(ours.getId());
    web.openTaskAs("city1", assessment);
    WebElement record = browser.visible(By.cssSelector(".fjs-container textarea[id$='Field_countyServiceRecord']"));
    assertThat(record.getDomProperty("value")).contains("培训辅导：组织入驻团队参加创业培训（附件1件）（shuocheng1记录）");
    web.checkPage("assessment", ".task-details .fjs-container");
  }

  @Test
  void theListIsTitledForItsReaderTheReportRowsShowTheYearAndTheServiceDateIsToday() {
    // a space certified in this system (its file shows its case's requests), which has reported its year
    CertificationDriver driver = new CertificationDriver(engine);
    String certification = driver.waitingAt(TASK_FIRST_REVIEW, "shuocheng").getProcessInstanceId();
    driver.certify(certification);
    String supervised = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(certification).variableName(SUPERVISION_INSTANCE_ID).singleResult().getValue();
    new SupervisionFixtures(engine, certificates, driver).assessmentAfterReport(supervised);
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(supervised)
        .singleResult().getBusinessKey();

    browser = Browser.start(Duration.ofSeconds(60));
    WebSteps web = new WebSteps(browser, engine, port, "county-reader");
    web.signIn("shuocheng1");
    browser.open(web.url("/county/"));
    browser.withText(By.id("space-count"), "个众创空间");
    assertThat(browser.visible(By.id("list-title")).getText()).isEqualTo("本县（区）已认定的众创空间");

    browser.open(web.url("/county/#" + number));
    browser.visible(By.id("service-form"));
    // the year under its header 报告年度 without the label again
    WebElement year = browser.visible(By.cssSelector("#space-reports tbody tr td:first-child"));
    assertThat(year.getText()).matches("\\d{4}年");
    // a service is recorded on the day it is given: today in Beijing, whatever the browser's zone
    assertThat(browser.visible(By.id("service-date")).getDomProperty("value"))
        .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

    // the city bureau reads every area: its list is the city's
    web.signIn("city1");
    browser.open(web.url("/county/"));
    browser.withText(By.id("list-title"), "全市已认定的众创空间");
    assertThat(browser.visible(By.id("scope")).getText()).contains("市科技局查看全市");
  }

  @Test
  void tasklistOffersTheCountyViewOnlyToItsReadersAndAsksNothingItIsRefused() {
    browser = Browser.start(Duration.ofSeconds(60));
    WebSteps web = new WebSteps(browser, engine, port, "county-none");
    web.signIn("inspector1");
    browser.visible(By.cssSelector("a.ms-inbox-link"));
    browser.await().until(driver -> driver.findElements(By.cssSelector("a.ms-county-link")).isEmpty());
    // nor 发起流程 or 创建任务, which lead nowhere for staff (the administrator has both)
    By startProcess = By.cssSelector(".start-process-action");
    By createTask = By.cssSelector(".create-task-action");
    browser.present(startProcess);
    assertThat(browser.driver().findElement(startProcess).isDisplayed()).isFalse();
    assertThat(browser.driver().findElement(createTask).isDisplayed()).isFalse();
    assertThat(browser.consoleLog()).as("no refused request in the console")
        .noneMatch(line -> line.contains("/api/county") || line.contains("403") || line.contains("camunda-welcome"));
    web.signIn("admin");
    assertThat(browser.visible(startProcess).getText()).contains("发起流程");
    assertThat(browser.visible(createTask).getText()).contains("创建任务");
  }
}
