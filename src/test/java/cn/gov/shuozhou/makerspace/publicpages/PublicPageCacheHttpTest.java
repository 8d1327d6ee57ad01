package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application keeps rendered public pages (PublicPageCache, issue 18 "Measured"); a kept page
 * must never hide a change: a notice that starts or ends, a certificate issued, a certificate that
 * expires with the passing of days.
 */
class PublicPageCacheHttpTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;
  @Autowired PublicPageCache cache;

  @Test
  void aKeptPageIsServedAgainWithItsEtag() {
    // any commit of the engine empties the cache, also one of a job another test left running: then again
    HttpResponse<String> first = null;
    HttpResponse<String> second = null;
    int kept = 0;
    for (int attempt = 1; attempt <= 5 && kept == 0; attempt++) {
      first = send(HttpRequest.newBuilder(uri("/public/notices")).GET());
      second = send(HttpRequest.newBuilder(uri("/public/notices")).GET());
      kept = cache.size();
    }
    assertThat(kept).as("the page is kept").isPositive();
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    HttpResponse<String> unchanged = send(HttpRequest.newBuilder(uri("/public/notices"))
        .header("If-None-Match", first.headers().firstValue("ETag").orElseThrow()).GET());
    assertThat(unchanged.statusCode()).isEqualTo(304);
  }

  @Test
  void aNoticeAndItsCertificateShowUpOnPagesKeptBefore() {
    CertificationDriver driver = new CertificationDriver(engine);
    page("/public/notices"); // kept before the notice starts
    ProcessInstance notice = driver.inPublicNotice("pinglu");
    String name = (String) engine.getRuntimeService().getVariable(notice.getId(), SPACE_NAME);
    String search = "/public/registry?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    String pageOfNotices = page("/public/notices");
    assertThat(pageOfNotices).contains(notice.getBusinessKey());
    assertThat(page("/public/notices/" + notice.getBusinessKey())).contains("objection-form");
    String registryBefore = page(search);

    Job timer = engine.getManagementService().createJobQuery().processInstanceId(notice.getId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    driver.runJobsUntil(notice.getId(), () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(notice.getId()).count() == 0);

    assertThat(page("/public/notices")).doesNotContain(notice.getBusinessKey());
    assertThat(page("/public/notices/" + notice.getBusinessKey())).doesNotContain("objection-form");
    Certificate certificate = certificates.forApplication(notice.getBusinessKey()).orElseThrow();
    assertThat(registryBefore).doesNotContain(certificate.certificateNumber());
    assertThat(page(search)).contains(certificate.certificateNumber());
    String verify = "/public/verify?number=" + certificate.certificateNumber();
    assertThat(page(verify)).contains("<strong>有效</strong>");
    // no write at all, only the days pass: the kept page says 已到期 the day after its validity
    try {
      CertificationDriver.fixClock(certificate.validUntil().plusDays(1).atTime(9, 0));
      assertThat(page(verify)).contains("<strong>该证书已失效：</strong>").doesNotContain("<strong>有效</strong>");
    } finally {
      CertificationDriver.resetClock();
    }
    assertThat(page(verify)).contains("<strong>有效</strong>");
  }

  private String page(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
