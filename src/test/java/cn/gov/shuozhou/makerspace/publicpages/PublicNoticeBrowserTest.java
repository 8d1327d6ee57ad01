package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_FINDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_UPHELD;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 网上公示 in Chromium without an account (Art. 5(3)): a case in its public notice is listed with
 * its figures and dates, a citizen objects under their real name on its page, receives an
 * acknowledgement number, and the city bureau's 异议处理 task is created; a wrong ID number is
 * refused in Chinese at its field. The objector then looks up the bureau's answer with the number and
 * the phone; the same objection twice is filed once, and after the notice ends none is taken. The
 * form works without JavaScript (the page has none).
 */
class PublicNoticeBrowserTest extends AbstractHttpTest {

  /** A resident ID number with a valid GB 11643 check character (a made-up person). */
  private static final String ID_NUMBER = "140602198506120011";

  @Autowired ProcessEngine engine;

  private Browser browser;
  private String receipt;

  @Test
  void aCitizenFindsTheNoticeAndObjectsUnderTheirRealName() {
    ProcessInstance pi = new CertificationDriver(engine).inPublicNotice("youyu");
    String number = pi.getBusinessKey();

    browser = Browser.start();
    try {
      browser.open(uri("/public/").toString());
      browser.click(By.linkText("网上公示"));
      String row = browser.visible(By.cssSelector("#notices tr[data-number='" + number + "']")).getText();
      assertThat(row).contains("右玉县").contains("公示中").contains(" 至 ");
      browser.click(By.cssSelector("#notices tr[data-number='" + number + "'] a"));
      assertThat(browser.visible(By.id("number")).getText()).isEqualTo(number);
      Object area = engine.getRuntimeService().getVariable(pi.getId(), CertificationProcess.TOTAL_AREA);
      assertThat(browser.visible(By.tagName("main")).getText()).contains("场地总面积").contains("公示期")
          .as("the area as people write it (%s)", area)
          .contains(new BigDecimal(area.toString()).stripTrailingZeros().toPlainString() + " 平方米").doesNotContain(".0 平方米");

      type("objector-name", "李四");
      type("objector-id", "140602198506120012");
      type("objector-phone", "13800001111");
      type("objection-reasons", "该空间实际使用面积不足，与申报不符");
      browser.click(By.id("objection-submit"));
      // refused at its field, the other fields kept, nothing filed
      assertThat(browser.visible(By.id("objector-id-error")).getText()).contains("身份证");
      assertThat(browser.latinWordsOnPage()).as("a citizen reads no field key such as idNumber").isEmpty();
      assertThat(browser.visible(By.id("objector-id")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.visible(By.id("objector-name")).getAttribute("value")).isEqualTo("李四");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).isZero();

      type("objector-id", ID_NUMBER);
      browser.click(By.id("objection-submit"));
      String acknowledged = browser.withText(By.id("objection-result"), "受理编号").getText();
      assertThat(acknowledged).contains("异议已受理");
      String acknowledgement = acknowledged.replaceAll("(?s).*受理编号 (YY-\\d{4}-\\d{6}).*", "$1");
      assertThat(acknowledgement).matches("YY-\\d{4}-\\d{6}");
      browser.await(Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
          .processInstanceId(pi.getId()).taskDefinitionKey(TASK_HANDLE_OBJECTION).count() == 1);
      browser.screenshot(Browser.screenshots().resolve("public-objection.png"));
      // Post/Redirect/Get: the receipt is a page of its own, which a reload or a bookmark shows again
      // and files nothing again; its address holds neither the objector's data nor the number
      receipt = browser.driver().getCurrentUrl();
      assertThat(receipt).contains("/public/objections/receipts/").doesNotContain(ID_NUMBER)
          .doesNotContain("13800001111").doesNotContain(acknowledgement);
      assertThat(browser.visible(By.tagName("main")).getText()).contains(acknowledgement)
          .contains(browser.visible(By.tagName("h1")).getText()).doesNotContain("李四").doesNotContain(ID_NUMBER)
          .doesNotContain("13800001111");
      assertThat(browser.latinWordsOnPage()).isEmpty();
      assertThat(Axe.seriousViolations(browser)).as("axe-core on the receipt").isEmpty();
      browser.driver().navigate().refresh();
      assertThat(browser.withText(By.id("objection-result"), "受理编号").getText()).contains(acknowledgement);
      assertThat(browser.visible(By.tagName("header")).getText()).doesNotContain("任务中心");
      browser.open(receipt);
      assertThat(browser.visible(By.id("acknowledgement")).getText()).isEqualTo(acknowledgement);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).as("a reload files nothing").isEqualTo(1);
      // the form's own address read (a bookmark of the old answer): the notice, not a refusal
      browser.open(uri("/public/notices/" + number + "/objection").toString());
      assertThat(browser.driver().getCurrentUrl()).endsWith("/public/notices/" + number);
      assertThat(browser.visible(By.id("number")).getText()).isEqualTo(number);
      // the objector's identity is never published
      browser.open(uri("/public/notices/" + number).toString());
      assertThat(browser.visible(By.tagName("body")).getText()).doesNotContain("李四").doesNotContain(ID_NUMBER)
          .doesNotContain("13800001111");

      // the city bureau answers; the objector looks the answer up with the number and the phone
      Task handling = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).singleResult();
      engine.getTaskService().complete(handling.getId(), Map.of(OBJECTION_UPHELD, false,
          OBJECTION_FINDING, "经实地复核，公共服务面积符合第四条要求，异议不成立"));
      browser.open(uri("/public/registry").toString());
      browser.click(By.cssSelector(".public-nav a[href='/public/objections/status']")); // the header's menu
      type("acknowledgement-number", acknowledgement);
      type("status-phone", "13800002222");
      browser.click(By.cssSelector("#status-form button"));
      assertThat(browser.withText(By.id("status-result"), "未找到").getText()).doesNotContain("异议不成立");
      type("acknowledgement-number", acknowledgement);
      type("status-phone", "13800001111");
      browser.click(By.cssSelector("#status-form button"));
      assertThat(browser.withText(By.id("handling"), "已办结").getText()).isEqualTo("已办结：异议不成立");
      assertThat(browser.visible(By.id("space-name")).getText()).as("the space the objector knows, as its notice names it")
          .isEqualTo(engine.getRuntimeService().getVariable(pi.getId(), CertificationProcess.SPACE_NAME));
      assertThat(browser.visible(By.id("finding")).getText()).contains("符合第四条要求");
      type("acknowledgement-number", "第一号");
      browser.click(By.cssSelector("#status-form button"));
      assertThat(browser.visible(By.id("acknowledgement-number-error")).getText()).contains("受理编号格式不正确");
      assertThat(browser.visible(By.id("status-phone")).getAttribute("value")).as("the phone stays filled in")
          .isEqualTo("13800001111");
      browser.visible(By.id("acknowledgement-number")).clear();
      browser.visible(By.id("status-phone")).clear();
      browser.click(By.cssSelector("#status-form button"));
      assertThat(browser.visible(By.id("acknowledgement-number-error")).getText()).isEqualTo("请输入受理编号");
      assertThat(browser.visible(By.id("status-phone-error")).getText()).isEqualTo("请输入手机号码");
      browser.screenshot(Browser.screenshots().resolve("public-objection-status.png"));
    } finally {
      browser.close();
    }

    HttpResponse<String> archive = send(HttpRequest.newBuilder(uri("/public/notices?archive=yes")).GET());
    assertThat(archive.statusCode()).isEqualTo(400);
    assertThat(archive.body()).contains("往期公示的地址不正确").doesNotContain("（archive）");
    HttpResponse<String> noNotice = send(HttpRequest.newBuilder(uri("/public/notices/SQ-0000-000000")).GET());
    assertThat(noNotice.statusCode()).isEqualTo(404);
    assertThat(noNotice.body()).contains("未查到公示").contains("网上公示中没有申请编号“SQ-0000-000000”")
        .contains("href=\"/public/notices\"").doesNotContain("未查到证书");

    // the same objection again is one objection; after the notice ends, no objection is taken
    String form = "name=" + enc("李四") + "&idNumber=" + ID_NUMBER + "&phone=13800001111&reasons="
        + enc("该空间实际使用面积不足，与申报不符");
    HttpResponse<String> replay = postForm("/public/notices/" + number + "/objection", form);
    assertThat(replay.statusCode()).isEqualTo(303);
    assertThat(replay.headers().firstValue("Location")).as("the first objection's receipt")
        .hasValueSatisfying(location -> assertThat(receipt).endsWith(location));
    HttpResponse<String> receiptPage = send(HttpRequest.newBuilder(uri(URI.create(receipt).getPath())).GET());
    assertThat(receiptPage.statusCode()).isEqualTo(200);
    assertThat(receiptPage.headers().firstValue("Cache-Control")).as("kept by no proxy").hasValue("no-store");
    String path = URI.create(receipt).getPath();
    String guessed = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
    HttpResponse<String> wrongReceipt = send(HttpRequest.newBuilder(uri(guessed)).GET());
    assertThat(wrongReceipt.statusCode()).isEqualTo(404);
    assertThat(wrongReceipt.body()).contains("未查到异议回执").doesNotContain("YY-");
    HttpResponse<String> formAddress = send(HttpRequest.newBuilder(uri("/public/notices/" + number + "/objection")).GET());
    assertThat(formAddress.statusCode()).isEqualTo(302);
    assertThat(formAddress.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/public/notices/" + number));
    HttpResponse<String> undeclared = postForm("/public/notices/" + number + "/objection", form + "&upheld=true");
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(undeclared.body()).contains("未知参数：upheld");
    String timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(PublicNotices.NOTICE_TIMER).singleResult().getId();
    engine.getManagementService().executeJob(timer);
    HttpResponse<String> late = postForm("/public/notices/" + number + "/objection",
        form.replace("reasons=", "reasons=" + enc("补充：")));
    assertThat(late.statusCode()).isEqualTo(404);
    assertThat(late.body()).contains("当前没有正在进行的网上公示").doesNotContain("objection-form");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).isZero();
    // the certification that follows the notice runs to its end now, not behind the next test's back
    new CertificationDriver(engine).runJobsUntil(pi.getId(), () -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
  }

  /**
   * Issue 18: the objection form carries evidence. A citizen attaches a PDF through the form's
   * labelled file input; the city bureau finds it, with its SHA-256, on the 申报材料 tab of its
   * 公示异议核查 task in Tasklist, and the public page never shows it.
   */
  @Test
  void aCitizensEvidenceReachesTheCityBureauOnTheObjectionTask() throws Exception {
    ProcessInstance pi = new CertificationDriver(engine).inPublicNotice("pinglu");
    String number = pi.getBusinessKey();
    byte[] content = Multipart.pdf("现场核查记录 " + number);
    Path pdf = Files.write(Files.createTempDirectory("evidence").resolve("现场核查记录.pdf"), content);

    browser = Browser.start();
    try {
      browser.open(uri("/public/notices/" + number).toString());
      assertThat(browser.visible(By.cssSelector("label[for='objection-evidence']")).getText()).isEqualTo("证据材料（可选）");
      assertThat(browser.latinWordsOnPage()).isEmpty();
      assertThat(Axe.seriousViolations(browser)).as("axe-core on the notice with its objection form").isEmpty();
      type("objector-name", "赵六");
      type("objector-id", ID_NUMBER);
      type("objector-phone", "13800003333");
      type("objection-reasons", "运营机构已将场地转租，附现场核查记录");
      browser.driver().findElement(By.id("objection-evidence")).sendKeys(pdf.toString());
      browser.click(By.id("objection-submit"));
      assertThat(browser.withText(By.id("objection-result"), "受理编号").getText()).contains("异议已受理");
      browser.screenshot(Browser.screenshots().resolve("public-objection-evidence.png"));
      browser.open(uri("/public/notices/" + number).toString());
      assertThat(browser.visible(By.tagName("body")).getText()).doesNotContain("现场核查记录");
    } finally {
      browser.close();
    }

    Task handling = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_HANDLE_OBJECTION).singleResult();
    browser = Browser.start();
    try {
      browser.open(uri("/camunda/app/tasklist/default/#/?task=" + handling.getId()
          + "&detailsTab=ms-case-materials").toString());
      browser.signInToWebapp("city1");
      WebElement table = browser.visible(By.cssSelector(".ms-evidence-table"));
      assertThat(table.getText()).contains("现场核查记录.pdf").contains(HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12));
      assertThat(table.findElements(By.tagName("th"))).extracting(WebElement::getText)
          .containsExactly("文件", "大小", "收到时间", "校验码");
      assertThat(browser.latinWordsIn(table)).isEmpty();
      browser.screenshot(Browser.screenshots().resolve("tasklist-objection-evidence.png"));
    } finally {
      browser.close();
    }

    engine.getTaskService().complete(handling.getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，场地未转租，异议不成立"));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .timers().activityId(PublicNotices.NOTICE_TIMER).singleResult().getId());
    new CertificationDriver(engine).runJobsUntil(pi.getId(), () -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
  }

  private HttpResponse<String> postForm(String path, String form) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void type(String id, String text) {
    var field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
