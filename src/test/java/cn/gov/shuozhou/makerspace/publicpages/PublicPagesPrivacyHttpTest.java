package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CONTACT_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CONTACT_PHONE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data minimisation on the public door (个人信息保护法): with a notice running and objected to, and a
 * space certified, no public page (HTML, sitemap, robots) carries the operator's contact person or
 * phone, its credit code or account, an objector's name, ID number or phone, or a staff member.
 */
class PublicPagesPrivacyHttpTest extends AbstractHttpTest {

  private static final String OBJECTOR = "赵公开";
  private static final String OBJECTOR_ID = "140602198506120011";
  private static final String OBJECTOR_PHONE = "13700004444";

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;

  @Test
  void noPublicPageCarriesAPersonOrAnAccount() {
    CertificationDriver fixtures = new CertificationDriver(engine);
    ProcessInstance notice = fixtures.inPublicNotice("pinglu");
    HttpResponse<String> objection = send(HttpRequest.newBuilder(uri("/api/objections"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"applicationNumber\":\"" + notice.getBusinessKey()
            + "\",\"name\":\"" + OBJECTOR + "\",\"idNumber\":\"" + OBJECTOR_ID + "\",\"phone\":\"" + OBJECTOR_PHONE
            + "\",\"reasons\":\"公共服务面积与实际不符\"}")));
    assertThat(objection.statusCode()).isEqualTo(201);
    Task first = fixtures.waitingAt(TASK_FIRST_REVIEW, "pinglu");
    Map<String, Object> application = engine.getRuntimeService().getVariables(first.getProcessInstanceId());
    fixtures.certify(first.getProcessInstanceId());
    Certificate certificate = certificates.forApplication(
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(first.getProcessInstanceId())
            .singleResult().getBusinessKey()).orElseThrow();
    Map<String, Object> noticed = engine.getRuntimeService().getVariables(notice.getId());

    List<String> paths = List.of("/public/", "/public/notices", "/public/notices?archive=true",
        "/public/notices/" + notice.getBusinessKey(), "/public/announcements", "/public/registry",
        "/public/registry/" + certificate.certificateNumber(), "/public/verify?number=" + certificate.certificateNumber(),
        "/public/objections/status", "/sitemap.xml", "/robots.txt");
    List<String> secrets = new ArrayList<>(List.of(OBJECTOR, OBJECTOR_ID, OBJECTOR_PHONE, "shuocheng1", "pinglu1",
        "inspector1", "city1", "expert1", "leader1", "operator1"));
    for (Map<String, Object> v : List.of(application, noticed)) {
      secrets.add((String) v.get(CONTACT_NAME));
      secrets.add((String) v.get(CONTACT_PHONE));
      secrets.add((String) v.get(CREDIT_CODE));
    }
    for (String path : paths) {
      HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      for (String secret : secrets) {
        assertThat(page.body()).as("%s must not show %s", path, secret).doesNotContain(secret);
      }
    }
    assertThat(send(HttpRequest.newBuilder(uri("/public/notices/" + notice.getBusinessKey())).GET()).body())
        .contains((String) noticed.get("spaceName"));
  }
}
