package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_FINDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_UPHELD;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The applicant is not told of objections (docs/security.md, 我的申请): while the city bureau checks
 * one, its case on 我的申请 names no 公示异议核查 stage, in the list or on the case page, nor a step once
 * checked.
 */
class ObjectionStageHttpTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;

  @Test
  void anObjectionBeingCheckedIsNoStageOfTheApplicantsCase() {
    Task handling = new CertificationDriver(engine).waitingAt(TASK_HANDLE_OBJECTION, "huairen");
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(handling.getProcessInstanceId()).singleResult().getBusinessKey();
    String owner = OrganisationAccounts.ownerOf(engine,
        (String) engine.getRuntimeService().getVariable(handling.getProcessInstanceId(), CREDIT_CODE));

    HttpResponse<String> list = api(owner).get("/api/my/applications");
    HttpResponse<String> page = api(owner).get("/api/my/applications/" + number);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(number).doesNotContain(handling.getName()).doesNotContain("异议");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(handling.getName()).doesNotContain("异议");

    // nor once it is checked: no step of the case page names it
    engine.getTaskService().complete(handling.getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，异议不成立"));
    HttpResponse<String> after = api(owner).get("/api/my/applications/" + number);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).doesNotContain(handling.getName()).doesNotContain("异议");
  }
}
