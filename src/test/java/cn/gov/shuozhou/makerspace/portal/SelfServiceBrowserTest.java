package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractMailHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.TestMail;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organisation's own door in Chromium, with a real SMTP server: it registers at /portal/,
 * reads the code from its mailbox, sets a password (a weak one is refused in Chinese at the
 * field's form), signs in, forgets the password and resets it by a second code.
 */
class SelfServiceBrowserTest extends AbstractMailHttpTest {

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
  void anOrganisationRegistersSignsInAndResetsItsPassword() {
    String userId = "web" + System.nanoTime() % 1_000_000_000L;
    String email = userId + "@example.cn";
    browser.open(uri("/portal/").toString());
    browser.click(By.id("show-register"));
    type("reg-userId", userId);
    // typed in lower case, the code is shown (and sent) in capitals, as it is written
    String creditCode = Applications.newCreditCode();
    type("reg-creditCode", creditCode.toLowerCase(Locale.ROOT));
    assertThat(browser.driver().findElement(By.id("reg-creditCode")).getDomProperty("value")).isEqualTo(creditCode);
    type("reg-organisationName", "朔州市启航众创空间管理有限公司");
    type("reg-contactName", "陈静");
    type("reg-phone", "13903491234");
    type("reg-email", email);
    new Select(browser.visible(By.id("reg-county"))).selectByVisibleText("怀仁市");
    // a wrong check character: said at the field in words an applicant reads, nothing registered
    String wrong = creditCode.substring(0, 17) + (creditCode.endsWith("0") ? "1" : "0");
    type("reg-creditCode", wrong);
    browser.click(By.id("register-submit"));
    String refusal = browser.visible(By.id("reg-creditCode-field-error")).getText();
    assertThat(refusal).contains("最后一位校验码须正确");
    assertThat(Browser.latinWords(refusal)).isEmpty();
    type("reg-creditCode", creditCode);
    // a double click on 获取验证码: one code is sent, and it is the one that works
    new Actions(browser.driver()).doubleClick(browser.visible(By.id("register-submit"))).perform();
    browser.withText(By.id("confirm-sent"), "验证码已发送到");
    assertThat(browser.visible(By.id("confirm-sent")).getText()).doesNotContain(email);
    // a reload while the code is on its way keeps the registration at its second step
    browser.driver().navigate().refresh();
    browser.withText(By.id("confirm-sent"), "验证码已发送到");
    assertThat(browser.driver().findElement(By.id("login-panel")).isDisplayed()).isFalse();

    // a wrong code says how many tries are left, and what then
    String code = TestMail.lastCode(email);
    type("confirm-code", code.equals("000000") ? "111111" : "000000");
    type("confirm-password", "Qi-Hang-2026");
    browser.click(By.id("confirm-submit"));
    assertThat(browser.visible(By.id("confirm-code-field-error")).getText())
        .isEqualTo("验证码不正确，还可再试4次；输错5次后验证码失效，需返回重新填写注册信息获取新的验证码");
    type("confirm-code", code);
    type("confirm-password", "password2026");
    browser.click(By.id("confirm-submit"));
    // named by its label: the API's field name for integrators, 密码（password）, is not shown to people
    assertThat(browser.withText(By.id("confirm-error"), "过于常见").getText()).contains("密码过于常见")
        .doesNotContain("（password）");
    // the refusal is also written at its field, for screen readers too (static/common/fields.js)
    WebElement password = browser.driver().findElement(By.id("confirm-password"));
    assertThat(password.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(password.getAttribute("aria-describedby")).isEqualTo("confirm-password-field-error");
    assertThat(browser.visible(By.id("confirm-password-field-error")).getText()).contains("过于常见");
    type("confirm-password", "Qi-Hang-2026");
    browser.click(By.id("confirm-submit"));
    browser.withText(By.id("login-error"), "注册成功");
    assertThat(browser.visible(By.id("login-username")).getAttribute("value")).isEqualTo(userId);
    assertThat(TestMail.to(email)).as("one code for one press").hasSize(1);

    signIn(userId, "Qi-Hang-2026");
    browser.visible(By.id("empty"));
    assertThat(browser.visible(By.id("my-title")).getText()).isEqualTo("我的申请");
    browser.screenshot(Browser.screenshots().resolve("portal-registered.png"));

    // 修改密码: the current password, the new one twice; the same password again is refused at its field
    browser.click(By.id("password-open"));
    type("password-current", "Qi-Hang-2026");
    type("password-new", "Qi-Hang-2026");
    type("password-again", "Qi-Hang-2026");
    browser.click(By.id("password-submit"));
    assertThat(browser.visible(By.id("password-new-field-error")).getText()).contains("不能与当前密码相同")
        .doesNotContain("newPassword");
    type("password-new", "Gai-Qi-Hang-2026");
    type("password-again", "Gai-Qi-Hang-2027");
    browser.click(By.id("password-submit"));
    assertThat(browser.visible(By.id("password-again-field-error")).getText()).contains("不一致");
    type("password-again", "Gai-Qi-Hang-2026");
    browser.click(By.id("password-submit"));
    assertThat(browser.withText(By.id("password-done"), "密码已修改").isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.id("password-form")).isDisplayed()).isFalse();
    assertThat(engine.getIdentityService().checkPassword(userId, "Gai-Qi-Hang-2026")).isTrue();

    browser.click(By.id("logout-button"));
    signIn(userId, "Gai-Qi-Hang-2026");
    browser.visible(By.id("empty"));
    browser.click(By.id("logout-button"));
    browser.click(By.id("show-reset"));
    type("reset-userId", userId);
    browser.click(By.id("reset-submit"));
    browser.withText(By.id("reset-sent"), "验证码已发送");
    type("reset-code", TestMail.lastCode(email));
    // the current password is no new one
    type("reset-password", "Gai-Qi-Hang-2026");
    browser.click(By.id("reset-confirm-submit"));
    assertThat(browser.visible(By.id("reset-password-field-error")).getText()).contains("不能与当前密码相同");
    type("reset-password", "Xin-Qi-Hang-2027");
    browser.click(By.id("reset-confirm-submit"));
    browser.withText(By.id("login-error"), "密码已重置");
    assertThat(engine.getIdentityService().checkPassword(userId, "Xin-Qi-Hang-2027")).isTrue();
    signIn(userId, "Xin-Qi-Hang-2027");
    browser.visible(By.id("empty"));
  }

  private void signIn(String user, String password) {
    WebElement name = browser.visible(By.id("login-username"));
    name.clear();
    name.sendKeys(user);
    browser.driver().findElement(By.id("login-password")).clear();
    browser.driver().findElement(By.id("login-password")).sendKeys(password);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
  }

  private void type(String id, String text) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
