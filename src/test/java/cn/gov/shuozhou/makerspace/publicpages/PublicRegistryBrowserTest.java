package cn.gov.shuozhou.makerspace.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public's door in Chromium without an account: the registry finds a space by name with its
 * status, a space has its page, a certificate is verified (and an unknown one is not), and a query
 * that is not declared or not valid is refused in Chinese naming the parameter.
 */
class PublicRegistryBrowserTest extends AbstractHttpTest {

  @Autowired CertificateRegistry certificates;

  @Test
  void theRegistryAndTheVerificationTellTheTruthWithoutALogin() throws Exception {
    String tag = "公开" + System.nanoTime() % 1_000_000; // digits only: the page is checked for Latin words
    LocalDate today = EngineClock.today();
    Certificate valid = issue(tag + "创客空间", today);
    Certificate revoked = issue(tag + "孵化空间", today.minusYears(1));
    certificates.close(revoked.certificateNumber(), CertificateStatus.REVOKED, "SANCTION", "测试：取消称号", today);

    Browser browser = Browser.start();
    try {
      browser.open(uri("/public/").toString());
      browser.click(By.linkText("众创空间名录"));
      browser.visible(By.id("q")).sendKeys(tag);
      browser.click(By.cssSelector(".public-search button"));
      assertThat(browser.withText(By.id("result-count"), "共 2 个众创空间").isDisplayed()).isTrue();
      assertThat(browser.visible(By.cssSelector("tr[data-number='" + valid.certificateNumber() + "']")).getText())
          .contains(tag + "创客空间").contains("朔州市测试运营有限公司").contains("朔城区").contains("有效");
      assertThat(browser.visible(By.cssSelector("tr[data-number='" + revoked.certificateNumber() + "']")).getText())
          .contains("已取消");
      String page = browser.visible(By.tagName("body")).getText();
      // Chinese only, apart from the certificate numbers themselves; the credit code is not published
      assertThat(page).doesNotContain(valid.creditCode());
      assertThat(page.replace(valid.certificateNumber(), "").replace(revoked.certificateNumber(), ""))
          .doesNotContainPattern("[A-Za-z]{4,}");

      browser.open(uri("/public/registry?q=" + java.net.URLEncoder.encode(tag, "UTF-8") + "&status=revoked").toString());
      assertThat(browser.withText(By.id("result-count"), "共 1 个").getText()).contains("共 1 个众创空间");

      browser.open(uri("/public/registry?q=" + java.net.URLEncoder.encode(tag, "UTF-8")).toString());
      browser.click(By.linkText(valid.certificateNumber()));
      assertThat(browser.withText(By.id("status"), "有效").getText()).contains("有效");
      assertThat(browser.visible(By.id("number")).getText()).isEqualTo(valid.certificateNumber());

      browser.open(uri("/public/verify").toString());
      browser.visible(By.id("number")).sendKeys(valid.certificateNumber());
      browser.click(By.cssSelector(".public-search button"));
      assertThat(browser.withText(By.id("verdict"), "证书真实").getText()).contains(tag + "创客空间").contains("有效");
      browser.open(uri("/public/verify?number=ZC-0000-NOPE").toString());
      assertThat(browser.withText(By.id("verdict"), "未查到").getText()).contains("ZC-0000-NOPE");
      browser.screenshot(Browser.screenshots().resolve("public-verify.png"));
    } finally {
      browser.close();
    }

    HttpResponse<String> badStatus = send(HttpRequest.newBuilder(uri("/public/registry?status=all")).GET());
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("状态（status）");
    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/public/registry?creditCode=1")).GET());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("未知参数：creditCode");
    HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/public/registry/ZC-0000-NOPE")).GET());
    assertThat(missing.statusCode()).isEqualTo(404);
    HttpResponse<String> escaped = send(HttpRequest.newBuilder(uri("/public/verify?number=%3Cscript%3E")).GET());
    assertThat(escaped.body()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  private Certificate issue(String spaceName, LocalDate certifiedOn) {
    return certificates.issue(new Certification("SQ-PUBLIC-" + UUID.randomUUID(), new Space(Applications.newCreditCode(), spaceName,
        "朔州市朔城区开发路" + spaceName.length() + "号"), "朔州市测试运营有限公司", "shuocheng", "operator1", certifiedOn, certifiedOn.plusYears(3).minusDays(1), "public-test"));
  }
}
