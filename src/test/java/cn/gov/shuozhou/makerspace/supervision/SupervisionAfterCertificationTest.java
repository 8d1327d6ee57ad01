package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.support.Applications;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two processes together: a real certification starts the supervision (business key = the
 * certificate number), and false materials found during the supervision (Art. 9) keep the operator
 * out of the next certification.
 */
class SupervisionAfterCertificationTest extends AbstractProcessTest {

  @Autowired CertificateRegistry certificates;

  @Test
  void certificationStartsTheSupervisionAndItsFalseMaterialsBanTheNextApplication() {
    Map<String, Object> app = application();
    String creditCode = (String) app.get(CertificationProcess.CREDIT_CODE);
    ProcessInstance certification = certify(app);
    String number = (String) variable(certification.getId(), CertificationProcess.CERTIFICATE_NUMBER);

    ProcessInstance supervision = runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    assertThat(supervision).as("supervision for %s", number).isNotNull();
    assertThat(variable(certification.getId(), CertificationProcess.SUPERVISION_INSTANCE_ID)).isEqualTo(supervision.getId());
    Map<String, Object> vars = runtime.getVariables(supervision.getId());
    assertThat(vars).containsEntry(SupervisionProcess.APPLICANT, ownerOf(app))
        .containsEntry(SupervisionProcess.CREDIT_CODE, creditCode)
        .containsEntry(SupervisionProcess.CERTIFICATION_INSTANCE_ID, certification.getId())
        .containsEntry(SupervisionProcess.APPLICATION_NUMBER, certification.getBusinessKey())
        .containsEntry(SupervisionProcess.REPORT_YEAR, 2026)
        .containsEntry(SupervisionProcess.VALID_UNTIL_DATE, certificates.find(number).orElseThrow().validUntil().toString());
    assertThat(vars.get(SupervisionProcess.VALID_UNTIL)).isInstanceOf(Date.class);
    // the application as filed comes along; its Art. 4 figures are asked again by every annual report
    for (String name : List.of(CertificationProcess.HOST_TYPE, CertificationProcess.SPACE_FOCUS,
        CertificationProcess.SPACE_ADDRESS, CertificationProcess.CONTACT_PHONE, CertificationProcess.OPERATOR_NAME)) {
      assertThat(vars).containsEntry(name, app.get(name));
    }
    assertThat(vars).doesNotContainKeys(CertificationProcess.SPACE_STATUS_FIELDS.toArray(String[]::new));
    BpmnAwareTests.assertThat(supervision).isWaitingAt("reportWindowOpens", "renewalReminderDue", "validityEnds");

    setClock(LocalDateTime.of(2026, 9, 14, 10, 0));
    runtime.createMessageCorrelation(SupervisionProcess.MESSAGE_FALSE_MATERIALS).processInstanceBusinessKey(number)
        .setVariable(SupervisionProcess.REPORT_TEXT, "申报的入驻创客名单系编造").correlate();
    complete(supervision.getId(), SupervisionProcess.TASK_FALSE_MATERIALS, Map.of(
        SupervisionProcess.FALSE_MATERIALS_CONFIRMED, true, SupervisionProcess.FALSE_MATERIALS_FINDING, "经逐一核实，名单中多数人员不存在"));
    runDueJobs(supervision.getId());
    // the organisation account that applied states its case; the leaders decide (Art. 9)
    Task statement = hearingTask(number, SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(statement.getAssignee()).isEqualTo(ownerOf(app));
    asOperator(ownerOf(app), () -> {
      tasks.complete(statement.getId(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
          SanctionHearing.STATEMENT_TEXT, "名单由原运营团队提供，现已更换团队"));
      return null;
    });
    decideAsLeader(supervision.getId(), number, SanctionHearing.APPROVE);

    BpmnAwareTests.assertThat(supervision).isEnded().hasPassed("revoked");
    assertThat(variable(supervision.getId(), SupervisionProcess.OUTCOME)).isEqualTo(SupervisionProcess.OUTCOME_REVOKED);
    assertThat(variable(supervision.getId(), SupervisionProcess.REVOCATION_REASON)).isEqualTo("FALSE_MATERIALS");
    var certificate = certificates.find(number).orElseThrow();
    assertThat(certificate.status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(certificate.statusReason()).isEqualTo("FALSE_MATERIALS");
    assertThat(certificate.statusChangedOn()).isEqualTo(LocalDate.of(2026, 9, 14));

    setClock(LocalDateTime.of(2027, 5, 10, 9, 0));
    ProcessInstance again = apply(app);
    BpmnAwareTests.assertThat(again).isEnded().hasPassed("notAccepted");
    assertThat(variable(again.getId(), CertificationProcess.OUTCOME)).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(again.getId(), CertificationProcess.OUTCOME_REASON).toString())
        .contains("第九条").contains("2028年9月14日前不受理");
    assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2027, 5, 10));
  }

  // ---------------------------------------------------------------- the certification, as in CertificationProcessTest

  private ProcessInstance certify(Map<String, Object> app) {
    ProcessInstance pi = apply(app);
    complete(pi.getId(), CertificationProcess.TASK_FIRST_REVIEW, Map.of(CertificationProcess.FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), CertificationProcess.TASK_INSPECTION, inspection());
    complete(pi.getId(), CertificationProcess.TASK_ORGANISE_EXPERTS, Variables.createVariables()
        .putValueTyped(CertificationProcess.EXPERTS, Variables.objectValue(List.of("expert1", "expert2", "expert3"))
            .serializationDataFormat("application/json").create()));
    for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(CertificationProcess.TASK_EXPERT_REVIEW).list()) {
      tasks.complete(t.getId(), Map.of(CertificationProcess.SCORE, 88, CertificationProcess.RECOMMEND, true,
          CertificationProcess.COMMENT, "同意认定"));
    }
    complete(pi.getId(), CertificationProcess.TASK_BUREAU_DECISION, Map.of(CertificationProcess.BUREAU_DECISION, "approve"));
    runDueJobs(pi.getId());
    Job notice = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(notice.getDuedate().getTime() + 1000));
    runDueJobs(pi.getId());
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("startSupervision", "certified");
    return pi;
  }

  private ProcessInstance apply(Map<String, Object> variables) {
    return file(variables);
  }

  private Map<String, Object> application() {
    Map<String, Object> v = Applications.valid("pinglu");
    v.put(CertificationProcess.OPERATOR_NAME, "朔州市众创孵化有限公司");
    v.put(CertificationProcess.SPACE_NAME, "平鲁创业工场");
    v.put(CertificationProcess.SPACE_FOCUS, "team");
    v.put(CertificationProcess.TOTAL_AREA, 600.0);
    v.put(CertificationProcess.PUBLIC_SERVICE_AREA, 560.0);
    v.put(CertificationProcess.PREMISES, "owned");
    v.remove(CertificationProcess.LEASE_YEARS);
    v.put(CertificationProcess.ACTIVE_MAKERS, 12);
    v.put(CertificationProcess.ACTIVE_TEAMS, 8);
    v.put(CertificationProcess.CONVERTED_OLD_BUILDING, true);
    v.put(CertificationProcess.CONTACT_PHONE, "0349-5021234");
    return v;
  }

  private Map<String, Object> inspection() {
    Map<String, Object> v = new HashMap<>();
    v.put(CertificationProcess.MEASURED_TOTAL_AREA, 590.0);
    v.put(CertificationProcess.MEASURED_PUBLIC_SERVICE_AREA, 550.0);
    v.put(CertificationProcess.MEASURED_ACTIVE_MAKERS, 12);
    v.put(CertificationProcess.MEASURED_ACTIVE_TEAMS, 8);
    v.put(CertificationProcess.OPERATION_VERIFIED, true);
    v.put(CertificationProcess.FALSE_MATERIALS_SUSPECTED, false);
    v.put(CertificationProcess.INSPECTION_COMMENT, "场地与申报一致");
    v.put(CertificationProcess.INSPECTION_TEAM, Applications.INSPECTION_TEAM_OF_TWO);
    v.put(CertificationProcess.BUILDING_STRUCTURE_UNCHANGED, true);
    v.put(CertificationProcess.BUILDING_SAFETY_UNAFFECTED, true);
    return v;
  }
}
