package cn.gov.shuozhou.makerspace.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.registry.AssessmentResults;
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
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public's door in Chromium without an account: the registry finds a space by name with its
 * status (valid, expired, revoked with its article), a space has its page with its assessment grades,
 * the announcements name the certification, the excellent grade and the revocation, the pages fit a
 * phone, a certificate is verified (and an unknown one is not), a query that is not declared or not
 * valid is refused in Chinese naming the parameter, and lists carry caching headers and ETags.
 */
class PublicRegistryBrowserTest extends AbstractHttpTest {

  @Autowired CertificateRegistry certificates;
  @Autowired AssessmentResults assessments;
  @Autowired PublicPageCache pages;

  @Test
  void theRegistryAndTheVerificationTellTheTruthWithoutALogin() throws Exception {
    String tag = "公开" + System.nanoTime() % 1_000_000; // digits only: the page is checked for Latin words
    LocalDate today = EngineClock.today();
    Certificate valid = issue(tag + "创客空间", today);
    Certificate revoked = issue(tag + "孵化空间", today.minusYears(1));
    certificates.close(revoked.certificateNumber(), CertificateStatus.REVOKED, "VIOLATION", "测试：取消称号", today);
    Certificate expired = issue(tag + "创业空间", today.minusYears(3).minusDays(1)); // valid until yesterday
    assessments.record(new AssessmentResults.Result(valid.certificateNumber(), today.getYear() - 1, "excellent", today));
    // written here straight into the registry, not by an engine command (whose commit empties the kept pages)
    pages.invalidate();

    Browser browser = Browser.start();
    try {
      browser.open(uri("/public/").toString());
      browser.click(By.linkText("众创空间名录"));
      browser.visible(By.id("q")).sendKeys(tag);
      browser.click(By.cssSelector(".public-search button"));
      assertThat(browser.withText(By.id("result-count"), "共 3 个众创空间").isDisplayed()).isTrue();
      assertThat(browser.visible(By.cssSelector("tr[data-number='" + valid.certificateNumber() + "']")).getText())
          .contains(tag + "创客空间").contains("朔州市测试运营有限公司").contains("朔城区").contains("有效");
      assertThat(browser.visible(By.cssSelector("tr[data-number='" + revoked.certificateNumber() + "']")).getText())
          .contains("已取消");
      assertThat(browser.visible(By.cssSelector("tr[data-number='" + expired.certificateNumber() + "']")).getText())
          .contains("已到期");
      String page = browser.visible(By.tagName("body")).getText();
      // Chinese only, apart from the certificate numbers themselves; the credit code is not published
      assertThat(page).doesNotContain(valid.creditCode());
      assertThat(page.replace(valid.certificateNumber(), "").replace(revoked.certificateNumber(), "")
          .replace(expired.certificateNumber(), "")).doesNotContainPattern("[A-Za-z]{4,}");

      browser.open(uri("/public/registry?q=" + java.net.URLEncoder.encode(tag, "UTF-8") + "&status=revoked").toString());
      assertThat(browser.withText(By.id("result-count"), "共 1 个").getText()).contains("共 1 个众创空间");

      browser.open(uri("/public/registry?q=" + java.net.URLEncoder.encode(tag, "UTF-8")).toString());
      browser.click(By.linkText(valid.certificateNumber()));
      assertThat(browser.withText(By.id("status"), "有效").getText()).contains("有效");
      assertThat(browser.visible(By.id("number")).getText()).isEqualTo(valid.certificateNumber());
      assertThat(browser.visible(By.id("grades")).getText()).contains((today.getYear() - 1) + "年度").contains("优秀");
      browser.open(uri("/public/registry/" + revoked.certificateNumber()).toString());
      assertThat(browser.visible(By.tagName("main")).getText()).contains("已取消").contains("第十条")
          .contains("尚无年度考核结果");

      // 公告: the certification, the excellent grade of its year and the revocation with its article
      browser.open(uri("/public/").toString());
      browser.click(By.linkText("公告"));
      assertThat(browser.visible(By.id("certified")).getText()).contains(tag + "创客空间");
      assertThat(browser.visible(By.id("excellent")).getText()).contains((today.getYear() - 1) + "年度")
          .contains(tag + "创客空间");
      assertThat(browser.visible(By.id("revoked")).getText()).contains(tag + "孵化空间").contains("第十条");
      assertThat(browser.consoleLog()).as("no request of these pages fails, the site's icon neither")
          .noneMatch(line -> line.contains("Failed to load resource"));

      // on a phone (375 px) and on a desktop (1440 px) nothing is wider than the screen
      for (int width : new int[] {375, 1440}) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        for (String path : new String[] {"/public/", "/public/registry?q=" + enc(tag), "/public/announcements",
            "/public/registry/" + valid.certificateNumber()}) {
          browser.open(uri(path).toString());
          long overflow = (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
          assertThat(overflow).as("%s at %d px", path, width).isLessThanOrEqualTo(0);
        }
        browser.open(uri("/public/registry?q=" + enc(tag)).toString());
        browser.fullPageScreenshot(Browser.screenshots().resolve("public-registry-" + width + ".png"));
        if (width == 375) {
          // the columns' headings are hidden on a phone: each value is labelled
          assertThat((String) browser.js("return getComputedStyle(document.querySelector("
              + "'#registry td[data-label=\"有效期至\"]'), '::before').content;")).contains("有效期至：");
        }
      }

      browser.open(uri("/public/verify").toString());
      browser.visible(By.id("number")).sendKeys(valid.certificateNumber());
      browser.click(By.cssSelector(".public-search button"));
      assertThat(browser.withText(By.id("verdict"), "证书真实").getText()).contains(tag + "创客空间").contains("有效");
      // a revoked or expired certificate is authentic but says plainly that it no longer counts
      browser.open(uri("/public/verify?number=" + revoked.certificateNumber()).toString());
      assertThat(browser.withText(By.id("verdict"), "证书真实").getText()).contains("该证书已作废")
          .contains("称号已于 " + ReadableValues.date(today) + " 取消").doesNotContain("有效期至");
      browser.open(uri("/public/verify?number=" + expired.certificateNumber()).toString());
      assertThat(browser.withText(By.id("verdict"), "证书真实").getText()).contains("该证书已失效");
      HttpResponse<String> file = send(HttpRequest.newBuilder(uri("/public/registry/" + revoked.certificateNumber() + "/certificate")).GET());
      assertThat(file.statusCode()).isEqualTo(410);
      // a link to it, followed: the public page's own words and a way back, not a bare text
      browser.open(uri("/public/registry/" + revoked.certificateNumber() + "/certificate").toString());
      assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("证书已作废");
      assertThat(browser.visible(By.cssSelector("main .message.error")).getText())
          .contains("随称号取消而作废", revoked.certificateNumber());
      browser.click(By.linkText("查看该空间的名录信息"));
      browser.withText(By.tagName("main"), revoked.certificateNumber());
      assertThat(send(HttpRequest.newBuilder(uri("/public/registry/" + valid.certificateNumber() + "/certificate?x=1"))
          .GET()).statusCode()).as("an undeclared parameter").isEqualTo(400);
      // a link passed on in a messenger, which appends its own parameters, leads to the page itself
      browser.open(uri("/public/registry/" + valid.certificateNumber() + "?from=singlemessage&isappinstalled=0").toString());
      browser.withText(By.tagName("main"), tag + "创客空间");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/public/registry/" + valid.certificateNumber());
      browser.open(uri("/public/registry?status=valid&utm_source=wechat").toString());
      browser.withText(By.id("registry"), tag + "创客空间");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/public/registry?status=valid");
      browser.open(uri("/public/verify?number=SZZC-1999-999").toString());
      assertThat(browser.withText(By.id("verdict"), "未查到").getText()).contains("SZZC-1999-999");
      browser.open(uri("/public/verify?number=ZC-0000-NOPE").toString());
      assertThat(browser.visible(By.id("number-error")).getText()).contains("证书编号格式不正确");
      assertThat(browser.visible(By.id("number")).getAttribute("aria-invalid")).isEqualTo("true");
      browser.open(uri("/public/verify").toString());
      browser.click(By.cssSelector(".public-search button"));
      assertThat(browser.visible(By.id("number-error")).getText()).as("查验 on an empty field").isEqualTo("请输入证书编号");
      browser.open(uri("/public/registry?q=" + "空".repeat(101)).toString());
      assertThat(browser.visible(By.id("q-error")).getText()).contains("不能超过100个字符");
      browser.screenshot(Browser.screenshots().resolve("public-verify.png"));
    } finally {
      browser.close();
    }

    HttpResponse<String> badStatus = send(HttpRequest.newBuilder(uri("/public/registry?status=all")).GET());
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("状态不正确，请从列表中选择").doesNotContain("（status）");
    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/public/registry?creditCode=1")).GET());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("未知参数：creditCode");
    HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/public/registry/SZZC-1999-999")).GET());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("未查到证书").contains("名录中没有证书编号“SZZC-1999-999”");
    HttpResponse<String> escaped = send(HttpRequest.newBuilder(uri("/public/verify?number=%3Cscript%3E")).GET());
    assertThat(escaped.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    HttpResponse<String> badPage = send(HttpRequest.newBuilder(uri("/public/registry?page=0")).GET());
    assertThat(badPage.statusCode()).isEqualTo(400);
    assertThat(badPage.body()).contains("页码应为1至10000的整数").doesNotContain("（page）");

    // lists are cacheable for a minute and revalidated cheaply
    HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/public/registry?q=" + enc(tag))).GET());
    assertThat(list.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    String etag = list.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/public/registry?q=" + enc(tag)))
        .header("If-None-Match", etag).GET());
    assertThat(again.statusCode()).isEqualTo(304);

    // crawlable: robots.txt names the sitemap, which lists the space's page and nothing behind a login
    assertThat(send(HttpRequest.newBuilder(uri("/robots.txt")).GET()).body()).contains("Sitemap: http")
        .contains("Allow: /public/");
    String sitemap = send(HttpRequest.newBuilder(uri("/sitemap.xml")).GET()).body();
    assertThat(sitemap).contains("/public/registry/" + valid.certificateNumber()).contains("/public/announcements")
        .doesNotContain("/portal").doesNotContain("/camunda");
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Certificate issue(String spaceName, LocalDate certifiedOn) {
    return certificates.issue(new Certification("SQ-PUBLIC-" + UUID.randomUUID(), new Space(Applications.newCreditCode(), spaceName,
        "朔州市朔城区开发路" + spaceName.length() + "号"), "朔州市测试运营有限公司", "shuocheng", "operator1", certifiedOn, certifiedOn.plusYears(3).minusDays(1), "public-test"));
  }
}
