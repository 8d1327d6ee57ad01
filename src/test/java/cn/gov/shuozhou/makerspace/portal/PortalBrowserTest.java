package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

    // the organisation named by its name (the Camunda user's first name), not run together with its contact (the last name)
    assertThat(browser.withText(By.id("user-name"), "运营机构（operator1）").getText()).isEqualTo("运营机构（operator1）");
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

  /** An organisation with more cases than a page turns to the next page, which holds its oldest case. */
  @Test
  void anOrganisationWithManyCasesTurnsThePage() {
    CertificationDriver driver = new CertificationDriver(engine);
    String owner = null;
    try {
      for (int i = 1; i <= 21; i++) {
        CertificationDriver.fixClock(CertificationDriver.MONDAY_MORNING.plusMinutes(i));
        Map<String, Object> application = CertificationDriver.namedApplication("翻页第" + i + "号众创空间");
        application.put(CertificationProcess.CREDIT_CODE, CertificationDriver.creditCode(48, 1));
        owner = driver.applicantOf(application);
        driver.apply(application);
      }
    } finally {
      CertificationDriver.resetClock();
    }

    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(owner);
    browser.driver().findElement(By.id("login-password")).sendKeys(owner);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("pager-status"), "共 21 件，第 1 / 2 页");
    assertThat(browser.driver().findElements(By.cssSelector(".application"))).hasSize(20);
    assertThat(browser.driver().findElement(By.id("applications")).getText())
        .contains("翻页第21号众创空间").doesNotContain("翻页第1号众创空间");
    assertThat(browser.driver().findElement(By.id("page-previous")).isEnabled()).isFalse();

    browser.click(By.id("page-next"));
    browser.withText(By.id("pager-status"), "第 2 / 2 页");
    assertThat(browser.driver().findElements(By.cssSelector(".application"))).hasSize(1);
    assertThat(browser.driver().findElement(By.id("applications")).getText()).contains("翻页第1号众创空间");
    assertThat(browser.driver().findElement(By.id("page-next")).isEnabled()).isFalse();
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus moves to the list's heading")
        .isEqualTo("my-title");
  }

  /** A staff account signed in on /portal/ gets a page that says whose page it is and leads to Tasklist, nothing half-working. */
  @Test
  void aStaffAccountIsShownTheWayToTasklist() {
    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys("shuocheng1");
    browser.driver().findElement(By.id("login-password")).sendKeys("shuocheng1");
    browser.click(By.id("login-submit"));

    assertThat(browser.visible(By.id("not-applicant")).getText()).contains("本页面供申报单位使用");
    assertThat(browser.withText(By.id("user-name"), "朔城区审核员一（shuocheng1）").getText()).as("staff named as elsewhere")
        .isEqualTo("朔城区审核员一（shuocheng1）");
    assertThat(browser.visible(By.id("to-tasklist")).getAttribute("href")).endsWith("/camunda/app/tasklist/");
    for (String offered : new String[] {"apply-open", "inbox", "my-title"}) {
      assertThat(browser.driver().findElement(By.id(offered)).isDisplayed()).as(offered).isFalse();
    }
    assertThat(browser.driver().findElement(By.id("global-message")).getText()).isEmpty();

    // a case page followed from a message: the same notice, no refusal
    browser.open(uri("/portal/case.html?number=SZZC-2026-0001").toString());
    assertThat(browser.visible(By.id("not-applicant")).getText()).contains("本页面供申报单位使用");
    assertThat(browser.visible(By.id("to-tasklist")).getAttribute("href")).endsWith("/camunda/app/tasklist/");
    assertThat(browser.driver().findElement(By.id("global-message")).getText()).isEmpty();
    assertThat(browser.driver().findElement(By.id("case-title")).isDisplayed()).isFalse();
  }

  /** Logged out, a case page's login panel is the portal's: the same hint and the links to registration and reset. */
  @Test
  void theCasePageSignsInAsThePortalDoes() {
    browser.open(uri("/portal/").toString());
    String portalLogin = browser.visible(By.id("login-panel")).getText();
    assertThat(portalLogin).contains("注册机构账号").contains("忘记密码");

    browser.open(uri("/portal/case.html?number=SZZC-2026-0001").toString());
    assertThat(browser.visible(By.id("login-panel")).getText()).isEqualTo(portalLogin);
    browser.click(By.id("show-register"));
    assertThat(browser.visible(By.id("register-panel")).getText()).contains("注册机构账号");
    assertThat(browser.driver().findElement(By.id("login-panel")).isDisplayed()).isFalse();

    browser.open(uri("/portal/case.html?number=SZZC-2026-0001").toString());
    browser.click(By.id("show-reset"));
    assertThat(browser.visible(By.id("reset-panel")).getText()).contains("重置密码");
  }

  /**
   * On a phone (390 px) the shared header of our pages holds its whole text, the bureau's name above a
   * title that may wrap; the registration form is as narrow as the login card on a desk.
   */
  @Test
  void theHeaderFitsAPhoneAndTheRegistrationIsAsNarrowAsTheLogin() {
    browser.driver().manage().window().setSize(new Dimension(1440, 900));
    browser.open(uri("/portal/").toString());
    int login = browser.visible(By.id("login-panel")).getRect().getWidth();
    browser.click(By.id("show-register"));
    assertThat(browser.visible(By.id("register-panel")).getRect().getWidth()).isEqualTo(login);
    assertThat(browser.visible(By.id("reg-organisationName")).getRect().getWidth()).isLessThan(login);

    browser.driver().manage().window().setSize(new Dimension(390, 844));
    for (String page : List.of("/portal/", "/portal/case.html?number=SZZC-2026-0001", "/rules/", "/calendar/",
        "/accounts/", "/county/", "/reports/", "/statistics/", "/mailbox/")) {
      browser.open(uri(page).toString());
      browser.visible(By.id("login-panel"));
      assertHeaderHoldsItsText(page);
    }
    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys("operator1");
    browser.driver().findElement(By.id("login-password")).sendKeys("operator1");
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), "（operator1）");
    assertHeaderHoldsItsText("/portal/ signed in");
    browser.screenshot(Browser.screenshots().resolve("portal-phone-header.png"));
  }

  private void assertHeaderHoldsItsText(String page) {
    WebElement header = browser.visible(By.cssSelector("header.site-header"));
    int top = header.getRect().getY();
    int bottom = top + header.getRect().getHeight();
    for (WebElement part : header.findElements(By.cssSelector(".org, h1, .user-box"))) {
      if (part.isDisplayed()) {
        assertThat(part.getRect().getY()).as(page + ": top of " + part.getText()).isGreaterThanOrEqualTo(top);
        assertThat(part.getRect().getY() + part.getRect().getHeight()).as(page + ": bottom of " + part.getText())
            .isLessThanOrEqualTo(bottom);
        assertThat(part.getRect().getX() + part.getRect().getWidth()).as(page + ": right of " + part.getText())
            .isLessThanOrEqualTo(390);
      }
    }
  }
}
