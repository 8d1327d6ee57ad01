package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 网上公示 in Chromium without an account (Art. 5(3)): a case in its public notice is listed with
 * its figures and dates, a citizen objects under their real name on its page, receives an
 * acknowledgement number, and the city bureau's 异议处理 task is created; a wrong ID number is
 * refused in Chinese at the form.
 */
class PublicNoticeBrowserTest extends AbstractHttpTest {

  /** A resident ID number with a valid GB 11643 check character (a made-up person). */
  private static final String ID_NUMBER = "140602198506120011";

  @Autowired ProcessEngine engine;

  private Browser browser;

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
      assertThat(browser.visible(By.tagName("main")).getText()).contains("场地总面积").contains("平方米").contains("公示期");

      type("objector-name", "李四");
      type("objector-id", "140602198506120012");
      type("objector-phone", "13800001111");
      type("objection-reasons", "该空间实际使用面积不足，与申报不符");
      browser.click(By.id("objection-submit"));
      assertThat(browser.withText(By.id("objection-result"), "身份证").getText()).doesNotContain("受理编号");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).isZero();

      type("objector-id", ID_NUMBER);
      browser.click(By.id("objection-submit"));
      assertThat(browser.withText(By.id("objection-result"), "受理编号").getText()).contains("异议已受理");
      browser.await(Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
          .processInstanceId(pi.getId()).taskDefinitionKey(TASK_HANDLE_OBJECTION).count() == 1);
      browser.screenshot(Browser.screenshots().resolve("public-objection.png"));
    } finally {
      browser.close();
    }

    HttpResponse<String> archive = send(HttpRequest.newBuilder(uri("/public/notices?archive=yes")).GET());
    assertThat(archive.statusCode()).isEqualTo(400);
    assertThat(archive.body()).contains("往期公示（archive）");
    assertThat(send(HttpRequest.newBuilder(uri("/public/notices/SQ-0000-000000")).GET()).statusCode()).isEqualTo(404);
  }

  private void type(String id, String text) {
    var field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
