package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** 我的申请 in Chromium: the applicant signs in at /portal/ and sees its returned case, what to do and why. */
class PortalBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theApplicantSeesItsApplicationAndWhatItMustDo() {
    Task supplement = new CertificationDriver(engine).waitingAt(CertificationProcess.TASK_SUPPLEMENT, "pinglu");
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(supplement.getProcessInstanceId()).singleResult().getBusinessKey();

    browser.open(uri("/portal/").toString());
    assertThat(browser.driver().getTitle()).isEqualTo("我的申请 · 朔州市众创空间认定与管理");
    browser.visible(By.id("login-username")).sendKeys("operator1");
    browser.driver().findElement(By.id("login-password")).sendKeys("operator1");
    browser.click(By.id("login-submit"));

    WebElement card = browser.visible(By.cssSelector(".application[data-number='" + number + "']"));
    assertThat(card.getText())
        .contains("申请编号").contains(number).contains("平鲁区")
        .contains("办理中").contains("需要本单位办理：").contains(supplement.getName()).contains("退回原因：");
    // the case's checklist of materials, from decision required-materials (a leased space: the lease, not a deed)
    card.findElement(By.cssSelector("details.materials summary")).click();
    String materials = browser.visible(By.cssSelector(".application[data-number='" + number + "'] details.materials table")).getText();
    assertThat(materials).contains("营业执照或法人登记证书").contains("第四条第（一）项").contains("场地租赁合同")
        .doesNotContain("场地产权证明").contains("必需");
    // the page speaks Chinese (other cases of operator1 from other tests may carry Latin test data)
    assertThat(card.getText() + browser.visible(By.cssSelector("#app .hint")).getText())
        .doesNotContainPattern("[A-Za-z]{4,}");
    browser.screenshot(Browser.screenshots().resolve("portal-my-applications.png"));
  }
}
