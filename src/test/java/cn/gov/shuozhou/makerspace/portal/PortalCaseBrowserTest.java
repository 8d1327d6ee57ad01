package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SUPERVISION_INSTANCE_ID;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_SUPPLEMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.ONLINE_SERVICES;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.PREMISES;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TOTAL_AREA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.letters.LetterArchive;
import cn.gov.shuozhou.makerspace.letters.LetterKind;
import cn.gov.shuozhou.makerspace.letters.LetterSummary;
import cn.gov.shuozhou.makerspace.materials.MaterialFile;
import cn.gov.shuozhou.makerspace.materials.MaterialFiles;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.materials.PortalFiling;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The applicant's door in Chromium, without Tasklist: an organisation files with its materials
 * (over HTTP), signs in at /portal/, sees its returned application with the reasons and articles,
 * supplements it on the case page (a field left empty is refused in Chinese at that field, then it
 * is sent with a new version of the business licence uploaded in the form), sees the case advance
 * and its letters as download links, and every submitted version of its materials in a read-only
 * list (date, size, SHA-256, download); once certified (staff steps over the engine), it files its
 * annual report on the same page with its material uploaded in the form.
 */
class PortalCaseBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;
  @Autowired MaterialFiles materialFiles;
  @Autowired LetterArchive letters;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start(Duration.ofSeconds(60)); // the case page loads the case and each task's form
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theApplicantSupplementsAndReportsOnThePortal() throws Exception {
    CertificationDriver fixtures = new CertificationDriver(engine);
    String creditCode = Applications.newCreditCode();
    String applicant = OrganisationAccounts.ownerOf(engine, creditCode);
    Map<String, Object> application = Applications.valid("pinglu", creditCode);
    application.put(ONLINE_SERVICES, false); // Art. 4 not met: the case goes back to the applicant
    PortalFiling filing = new PortalFiling(this::uri);
    // two files for the business licence at filing: one version of that item, two files
    assertThat(filing.upload(applicant, Multipart.of("application", "REGISTRATION")
        .file("营业执照副本.pdf", Multipart.pdf("副本" + creditCode))).statusCode()).isEqualTo(201);
    String number = filing.fileWithMaterials(applicant, application, Multipart.pdf("营业执照" + creditCode));
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    fixtures.runJobsUntil(instanceId, () -> engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(TASK_SUPPLEMENT).count() > 0);
    Task supplement = fixtures.task(instanceId, TASK_SUPPLEMENT);

    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(applicant);
    browser.driver().findElement(By.id("login-password")).sendKeys(applicant);
    browser.click(By.id("login-submit"));
    browser.click(By.cssSelector(".application[data-number='" + number + "'] a.do-task"));

    // the return with its reasons and the article, and the supplement as a form on this page
    assertThat(browser.visible(By.id("returns")).getText()).contains("不符合认定条件的事项").contains("第四条").contains("待补正");
    WebElement form = browser.visible(By.id("task-" + supplement.getId()));
    assertThat(form.getText()).contains("补正申请材料").contains("运营机构名称").doesNotContain("{{");
    // the pledge in the filing form's words, with the years of the case's policy (certification-policy's banYears)
    assertThat(form.getText()).contains("并在《朔州市众创空间认定和管理办法》第九条规定的年限内不再受理其认定申请（本案适用的认定政策参数为2年）")
        .doesNotContainPattern("\\d+年内不再受理");
    assertThat(form.findElement(By.id("field-spaceName")).getDomProperty("value")).isEqualTo("朔城创客之家");
    assertThat(form.findElements(By.cssSelector(".materials-mount"))).as("the materials' mount point").hasSize(1);
    assertLetterLink(number, LetterKind.SUPPLEMENT_NOTICE);

    // a new version of the business licence filed with the application, uploaded with the supplement
    String code = "REGISTRATION";
    assertThat(browser.visible(By.cssSelector("#task-" + supplement.getId() + " tr.material-item[data-code='" + code
        + "']")).getText()).as("the filed version").contains("营业执照.pdf").contains("第1版");
    Path pdf = Files.write(Files.createTempDirectory("supplement").resolve("补正材料.pdf"), Multipart.pdf("补正" + number));
    browser.present(By.cssSelector("#task-" + supplement.getId() + " input.material-input[data-code='" + code + "']"))
        .sendKeys(pdf.toString());
    assertThat(browser.withText(By.cssSelector("#task-" + supplement.getId() + " tr.material-item[data-code='" + code
        + "']"), "补正材料.pdf").getText()).contains("待提交");
    WebElement materials = form.findElement(By.cssSelector(".materials-mount"));
    browser.scrollIntoView(materials);
    browser.screenshot(materials, Browser.screenshots().resolve("portal-case-supplement-materials.png"));
    browser.click(By.id("field-onlineServices"));
    browser.click(By.id("field-declarationConfirmed"));
    form.findElement(By.id("field-totalArea")).clear();
    browser.click(By.cssSelector("#task-" + supplement.getId() + " button[type='submit']"));
    WebElement fieldError = browser.visible(By.cssSelector("[data-key='totalArea'] .field-error"));
    assertThat(fieldError.getText()).contains("必填");
    assertThat(openTask(instanceId)).as("nothing changed").isEqualTo(TASK_SUPPLEMENT);

    WebElement summary = form.findElement(By.cssSelector(":scope > .message.error")); // the form's own, not an upload's
    assertThat(summary.getText()).startsWith("输入有误：");
    browser.driver().findElement(By.id("field-totalArea")).sendKeys("260");
    // the field corrected, its message and the form's summary go before the next submit
    browser.await().until(d -> !summary.isDisplayed());
    assertThat(form.findElements(By.cssSelector("[data-key='totalArea'] .field-error"))).isEmpty();
    assertThat(form.findElement(By.id("field-totalArea")).getDomAttribute("aria-invalid")).isNull();
    browser.click(By.cssSelector("#task-" + supplement.getId() + " button[type='submit']"));
    browser.withText(By.id("global-message"), "已提交");
    assertThat(browser.withText(By.id("case-head"), "初审").getText()).contains("办理中：初审");
    assertThat(browser.visible(By.id("steps")).getText()).contains("补正申请材料").contains("本单位");
    assertThat(openTask(instanceId)).isEqualTo(TASK_FIRST_REVIEW);
    assertThat(materialFiles.ofCase(number)).as("the upload is version 2 of its item, submitted with the supplement")
        .filteredOn(f -> f.materialCode().equals(code))
        .extracting(MaterialFile::version, MaterialFile::fileName, MaterialFile::step, MaterialFile::submitted)
        .containsExactlyInAnyOrder(tuple(2, "补正材料.pdf", "supplement", true), tuple(1, "营业执照.pdf", "application", true),
            tuple(1, "营业执照副本.pdf", "application", true));
    // the materials submitted so far, read-only: each version with its date, size, hash and download
    WebElement submitted = browser.visible(By.id("submitted-materials"));
    // an item's versions as uploaded, the oldest first
    var versions = materialFiles.ofCase(number).stream().filter(f -> f.materialCode().equals(code))
        .sorted(java.util.Comparator.comparing(MaterialFile::uploadedAt)).toList();
    var rows = submitted.findElements(By.cssSelector("tr.submitted-material[data-code='" + code + "']"));
    assertThat(rows).hasSize(3);
    // a version is what one step submitted for the item, and its label says so
    assertThat(rows).extracting(row -> row.findElements(By.tagName("td")).get(1).getText()).containsExactly(
        "第1版（申报时提交，本版共2个文件）", "第1版（申报时提交，本版共2个文件）", "第2版（补正时提交）");
    for (int i = 0; i < 3; i++) {
      MaterialFile stored = versions.get(i);
      assertThat(rows.get(i).getText()).contains("营业执照").contains("第" + stored.version() + "版")
          .contains(stored.fileName()).contains(stored.sha256().substring(0, 12)).containsPattern("\\d{4}年");
      assertThat(rows.get(i).findElement(By.tagName("a")).getDomAttribute("href"))
          .isEqualTo("/api/materials/" + stored.fileId());
    }
    assertThat(submitted.findElements(By.cssSelector("input, button, select, textarea"))).as("read-only").isEmpty();
    // headers in Chinese only; the checksum shortened, the whole value on hover
    assertThat(submitted.findElements(By.tagName("th"))).extracting(WebElement::getText)
        .containsExactly("材料", "版本", "文件", "大小", "提交时间", "校验码");
    assertThat(rows.get(0).findElement(By.tagName("code")).getDomAttribute("title")).isEqualTo(versions.get(0).sha256());
    assertThat(browser.latinWordsIn(submitted)).isEmpty();
    browser.scrollIntoView(submitted);
    browser.screenshot(Browser.screenshots().resolve("portal-case-submitted-materials.png"));
    String shown = browser.visible(By.id("app")).getText();
    for (MaterialFile f : materialFiles.ofCase(number)) {
      // hashes and the applicant's own file names (PortalFiling names them by item code) are no words of ours
      shown = shown.replace(f.sha256().substring(0, 12), "").replace(f.fileName(), "");
    }
    assertThat(shown).doesNotContainPattern("[A-Za-z]{4,}");
    browser.screenshot(Browser.screenshots().resolve("portal-case-supplemented.png"));

    // certified by the staff; the first annual report is asked and filed here
    fixtures.certify(instanceId);
    String supervisionId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableName(SUPERVISION_INSTANCE_ID).singleResult().getValue();
    Task report = new SupervisionFixtures(engine, certificates, fixtures).reportWindowOpened(supervisionId);
    browser.driver().navigate().refresh();
    WebElement reportForm = browser.visible(By.id("task-" + report.getId()));
    assertThat(browser.visible(By.id("case-head")).getText()).contains("已认定").contains("证书编号");
    assertLetterLink(number, LetterKind.CERTIFICATE);
    // what the certified application declared is a hint under each Art. 4 field, not its value
    WebElement area = reportForm.findElement(By.id("field-" + TOTAL_AREA));
    assertThat(area.getDomProperty("value")).isEmpty();
    WebElement areaHint = reportForm.findElement(By.id("previous-" + TOTAL_AREA));
    assertThat(areaHint.getText()).isEqualTo("上次填报（认定申请）：260平方米");
    assertThat(area.getDomAttribute("aria-describedby")).as("read with the field, after its rule")
        .isEqualTo("hint-" + TOTAL_AREA + " " + areaHint.getDomAttribute("id"));
    assertThat(reportForm.findElement(By.id("previous-" + PREMISES)).getText()).isEqualTo("上次填报（认定申请）：租赁");
    assertThat(reportForm.findElement(By.id("previous-seedFundAmount")).getText()).as("an amount, its digits grouped")
        .isEqualTo("上次填报（认定申请）：500,000 元");
    assertThat(reportForm.findElement(By.id("previous-" + ONLINE_SERVICES)).getText()).isEqualTo("上次填报（认定申请）：是");
    assertThat(reportForm.findElements(By.id("previous-" + SupervisionProcess.TRAINING_SESSIONS)))
        .as("no report before: no figures").isEmpty();
    WebElement article4 = area.findElement(By.xpath("ancestor::fieldset[1]"));
    browser.scrollIntoView(article4);
    browser.screenshot(article4, Browser.screenshots().resolve("portal-annual-report-previous.png"));
    for (Map.Entry<String, Object> field : reportFields().entrySet()) {
      WebElement input = reportForm.findElement(By.id("field-" + field.getKey()));
      if (field.getValue() instanceof Boolean) {
        if (!input.isSelected()) {
          browser.scrollIntoView(input);
          input.click();
        }
      } else {
        input.clear();
        input.sendKeys(field.getValue().toString());
      }
    }
    browser.click(By.id("field-premises-leased"));
    browser.visible(By.id("field-leaseYears")).sendKeys("6");
    // the report's own material, uploaded in the form and submitted with it
    Path attachment = Files.write(Files.createTempDirectory("report").resolve("年度工作报告.pdf"), Multipart.pdf("报告" + number));
    browser.present(By.cssSelector("#task-" + report.getId() + " input.material-input[data-code='ANNUAL_REPORT']"))
        .sendKeys(attachment.toString());
    browser.withText(By.cssSelector("#task-" + report.getId() + " tr.material-item[data-code='ANNUAL_REPORT']"), "年度工作报告.pdf");
    browser.click(By.cssSelector("#task-" + report.getId() + " button[type='submit']"));
    browser.withText(By.id("global-message"), "已提交");
    assertThat(browser.withText(By.id("reports"), "已提交").getText()).contains("已提交");
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isZero();
    String certificate = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableName(CERTIFICATE_NUMBER).singleResult().getValue();
    assertThat(java.util.stream.Stream.of(number, certificate).flatMap(n -> materialFiles.ofCase(n).stream())
        .filter(f -> f.fileName().equals("年度工作报告.pdf")).toList())
        .as("the report's material is submitted with the report").singleElement()
        .satisfies(f -> assertThat(f.step()).isEqualTo("annualReport"))
        .satisfies(f -> assertThat(f.submitted()).isTrue());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(supervisionId).singleResult()
        .getTaskDefinitionKey()).isEqualTo(SupervisionProcess.TASK_ASSESSMENT);
    browser.screenshot(Browser.screenshots().resolve("portal-case-annual-report.png"));
  }

  /** The case page links the stored letter of this kind, by its title, as a download. */
  private void assertLetterLink(String number, LetterKind kind) {
    LetterSummary stored = letters.ofApplication(number).stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    WebElement link = browser.visible(By.cssSelector("[data-hook='letters'] li[data-kind='" + kind.name() + "'] a"));
    assertThat(link.getText()).isEqualTo(stored.title());
    assertThat(link.getDomAttribute("download")).isNotNull();
    assertThat(link.getDomAttribute("href")).contains(stored.id());
  }

  /** The annual report as an operator types it (the Art. 4 status of the space still met). */
  private static Map<String, Object> reportFields() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("trainingSessions", 12);
    v.put("trainees", 100);
    v.put("residentMakers", 30);
    v.put("residentTeams", 10);
    v.put("graduatedTeams", 1);
    v.put("eventsHeld", 24);
    v.put("financingAmount", 50000);
    v.put("totalArea", 260);
    v.put("publicServiceArea", 240);
    v.put("seedFundAmount", 500000);
    v.put("mentorCount", 5);
    v.put("activeMakers", 25);
    v.put("activeTeams", 4);
    v.put("independentOperator", true);
    v.put("sharedFacilities", true);
    v.put("onlineServices", true);
    v.put("lowCostOrFree", true);
    v.put("reportSummary", "全年开展培训辅导和创业活动，服务入驻创客和团队。");
    v.put("nextYearPlan", "扩大孵化场地，引进天使投资机构。");
    return v;
  }

  private String openTask(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey();
  }
}
