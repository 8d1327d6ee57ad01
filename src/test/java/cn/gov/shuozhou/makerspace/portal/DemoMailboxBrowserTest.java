package cn.gov.shuozhou.makerspace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo profile needs no mail server: a password-reset code for the demo organisation operator1
 * lands in the mailbox that only the system administrator sees, over HTTP and on /mailbox/.
 */
class DemoMailboxBrowserTest extends AbstractHttpTest {

  @Test
  void theDemoKeepsMailForTheAdministratorOnly() {
    HttpResponse<String> reset = send(HttpRequest.newBuilder(uri("/api/password-resets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"operator1\"}", StandardCharsets.UTF_8)));
    assertThat(reset.statusCode()).isEqualTo(202);

    HttpResponse<String> admin = api("admin").get("/api/mailbox");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("重置密码验证码").contains("operator1");
    for (String user : new String[] {"city1", "operator1", "auditor1"}) {
      assertThat(api(user).get("/api/mailbox").statusCode()).as(user).isEqualTo(403);
    }

    Browser browser = Browser.start();
    try {
      browser.open(uri("/mailbox/").toString());
      browser.visible(By.id("login-username")).sendKeys("admin");
      browser.driver().findElement(By.id("login-password")).sendKeys("admin");
      browser.click(By.id("login-submit"));
      assertThat(browser.withText(By.id("mail-list"), "重置密码验证码").getText()).contains("验证码：");
    } finally {
      browser.close();
    }
  }
}
