package cn.gov.shuozhou.makerspace.letters;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的申请 in Chromium: a certified applicant signs in, finds the letters of its application and
 * downloads a letter and the certificate through their links with its own session; the files are
 * the stored ones (same SHA-256), PDF attachments. The certificate's link on the public page of the
 * space works without login.
 */
class LettersBrowserTest extends AbstractHttpTest {

  /** Fetches a link with the page's session and answers status, type, disposition and SHA-256 of the body. */
  private static final String FETCH = """
      const done = arguments[arguments.length - 1];
      fetch(arguments[0], { credentials: 'same-origin' }).then(async (r) => {
        const digest = await crypto.subtle.digest('SHA-256', await r.arrayBuffer());
        done([String(r.status), r.headers.get('Content-Type'), r.headers.get('Content-Disposition'),
          [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')]);
      }).catch((e) => done(['error', String(e), '', '']));
      """;

  @Autowired ProcessEngine engine;
  @Autowired LetterArchive archive;

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
  void theApplicantDownloadsALetterAndTheCertificateFromItsApplications() {
    Map<String, Object> app = Applications.valid("shuocheng");
    String owner = OrganisationAccounts.ownerOf(engine, (String) app.get(CREDIT_CODE));
    ProcessInstance pi = new CertificationDriver(engine).applyAs(owner, app);
    new CertificationDriver(engine).certify(pi.getId());
    String number = pi.getBusinessKey();
    List<LetterSummary> stored = archive.ofApplication(number);
    LetterSummary receipt = stored.get(0);
    LetterSummary certificate = stored.stream().filter(l -> l.kind() == LetterKind.CERTIFICATE).findFirst().orElseThrow();

    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(owner);
    browser.driver().findElement(By.id("login-password")).sendKeys(owner);
    browser.click(By.id("login-submit"));

    WebElement letters = browser.visible(By.cssSelector(".application[data-number='" + number + "'] section.letters"));
    assertThat(letters.getText()).contains("文书（3 份）").contains("受理回执").contains("认定通知书").contains("朔州市众创空间证书")
        .contains(receipt.documentNumber()).contains(Dates.chinese(receipt.issuedOn()));
    assertThat(letters.getText().replace(certificate.documentNumber(), "")).as("Chinese, apart from the certificate number")
        .doesNotContainPattern("[A-Za-z]{4,}");
    browser.screenshot(letters, Browser.screenshots().resolve("portal-letters.png"));

    for (LetterSummary letter : List.of(receipt, certificate)) {
      WebElement link = letters.findElement(By.cssSelector("li[data-kind='" + letter.kind().name() + "'] a"));
      assertThat(link.getText()).isEqualTo(letter.title());
      assertThat(link.getAttribute("download")).isNotNull();
      assertDownload(link.getAttribute("href"), letter);
    }

    // the public page of the space links the same certificate, for anyone
    browser.open(uri("/public/registry/" + certificate.certificateNumber()).toString());
    assertDownload(browser.visible(By.id("certificate")).getAttribute("href"), certificate);
  }

  private void assertDownload(String href, LetterSummary letter) {
    @SuppressWarnings("unchecked")
    List<String> r = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(FETCH, href);
    assertThat(r.get(0)).as("status of %s: %s", href, r).isEqualTo("200");
    assertThat(r.get(1)).isEqualTo("application/pdf");
    assertThat(r.get(2)).startsWith("attachment;");
    assertThat(r.get(3)).as("the stored file").isEqualTo(letter.sha256());
  }
}
