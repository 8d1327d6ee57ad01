package cn.gov.shuozhou.makerspace.certification;

import cn.gov.shuozhou.makerspace.support.Applications;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of {@code maker-space-certification}; together they take every flow node and sequence flow. */
class CertificationProcessTest extends AbstractProcessTest {

  @Autowired CertificateRegistry certificates;
  @Autowired BanRegistry bans;
  @Autowired WorkingDayCalendar calendar;

  // ---------------------------------------------------------------- paths that end certified

  @Test
  void certifiedStraightThrough() {
    Map<String, Object> app = application();
    ProcessInstance pi = apply(app);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(pi.getBusinessKey()).matches("SQ-2026-\\d{6}");
    assertThat(variable(pi.getId(), APPLICANT)).isEqualTo(ownerOf(app));
    assertThat(candidateGroups(task(pi.getId(), TASK_FIRST_REVIEW))).containsExactly(Groups.COUNTY_SHUOCHENG);

    passToPublicNotice(pi, false);
    finishNotice(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("certify", "startSupervision", "certified");
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo("CERTIFIED");
    String number = (String) variable(pi.getId(), CERTIFICATE_NUMBER);
    assertThat(number).matches("SZZC-2026-\\d{3}");
    var cert = certificates.find(number).orElseThrow();
    assertThat(cert.status()).isEqualTo(CertificateStatus.VALID);
    assertThat(cert.validUntil()).isEqualTo(cert.certifiedOn().plusYears(3).minusDays(1));
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains(number).contains(ReadableValues.date(cert.validUntil()));
  }

  @Test
  void returnedAtFirstReviewThenCorrectedAndCertified() {
    Map<String, Object> app = application();
    ProcessInstance pi = apply(app);
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "return", FIRST_REVIEW_COMMENT, "请补充租赁合同"));
    runDueJobs(pi.getId());

    Task supplement = task(pi.getId(), TASK_SUPPLEMENT);
    assertThat(supplement.getAssignee()).isEqualTo(ownerOf(app));
    assertThat(tasks.getVariable(supplement.getId(), RETURN_REASON).toString()).contains("请补充租赁合同");
    Map<String, Object> corrected = new HashMap<>(application());
    corrected.put(CREDIT_CODE, variable(pi.getId(), CREDIT_CODE));
    corrected.put(LEASE_YEARS, 8.0);
    tasks.complete(supplement.getId(), corrected);

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    passToPublicNotice(pi, false);
    finishNotice(pi);
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo("CERTIFIED");
    assertThat(variable(pi.getId(), LEASE_YEARS)).isEqualTo(8.0);
  }

  @Test
  void unmetArticle4ConditionsGoBackToTheApplicantWhoCorrectsThem() {
    Map<String, Object> small = application();
    small.put(TOTAL_AREA, 150.0);
    small.put(PUBLIC_SERVICE_AREA, 140.0);
    small.put(MENTOR_COUNT, 2);
    ProcessInstance pi = apply(small);
    runDueJobs(pi.getId());

    Task supplement = task(pi.getId(), TASK_SUPPLEMENT);
    String findings = (String) tasks.getVariable(supplement.getId(), ELIGIBILITY_FINDINGS_TEXT);
    assertThat(findings).contains("第四条").contains("200").contains("3");
    assertThat(findings.lines()).hasSize(2);
    assertThat(supplement.getDueDate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 10));

    Map<String, Object> corrected = new HashMap<>(small);
    corrected.put(TOTAL_AREA, 260.0);
    corrected.put(PUBLIC_SERVICE_AREA, 240.0);
    corrected.put(MENTOR_COUNT, 4);
    tasks.complete(supplement.getId(), corrected);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(runtime.getVariable(pi.getId(), ELIGIBILITY_FINDINGS_TEXT)).as("stale findings cleared").isEqualTo("");
  }

  @Test
  void suspicionOfFalseMaterialsNotConfirmedThenObjectionDismissedThenCertified() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, true));
    complete(pi.getId(), TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, false, FALSE_MATERIALS_FINDING, "经核实材料属实"));
    panel(pi, List.of("expert1", "expert2", "expert3"), 82, true);
    complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "approve"));
    runDueJobs(pi.getId());

    object(pi, "该空间实际面积不足");
    complete(pi.getId(), TASK_HANDLE_OBJECTION, Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经现场复核面积属实"));
    finishNotice(pi);
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo("CERTIFIED");
  }

  // ---------------------------------------------------------------- other ends

  @Test
  void withdrawnDuringSupplement() {
    Map<String, Object> app = application();
    app.put(ONLINE_SERVICES, false);
    ProcessInstance pi = apply(app);
    runDueJobs(pi.getId());
    complete(pi.getId(), TASK_SUPPLEMENT, Map.of(WITHDRAWN, true));
    assertEnded(pi, "WITHDRAWN", "withdrawn");
  }

  @Test
  void lapsedWhenNoSupplementWithinTheWorkingDays() {
    Map<String, Object> app = application();
    app.put(LOW_COST_OR_FREE, false);
    ProcessInstance pi = apply(app);
    runDueJobs(pi.getId());
    Job deadline = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 10));
    ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1000));
    runDueJobs(pi.getId());
    assertEnded(pi, "LAPSED", "lapsed");
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains("10个工作日");
  }

  @Test
  void rejectedAtFirstReview() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "reject", FIRST_REVIEW_COMMENT, "不在本辖区"));
    assertEnded(pi, "REJECTED", "rejectedAtFirstReview");
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains("不在本辖区");
  }

  @Test
  void rejectedAtInspectionWhenMeasuredValuesFailArticle4() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    Map<String, Object> measured = inspection(true, false);
    measured.put(MEASURED_TOTAL_AREA, 180.0);
    measured.put(MEASURED_PUBLIC_SERVICE_AREA, 170.0);
    complete(pi.getId(), TASK_INSPECTION, measured);
    assertEnded(pi, "REJECTED", "rejectedAtInspection");
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains("第四条");
    assertThat(declaredArea(pi)).isEqualTo(260.0);
  }

  @Test
  void rejectedByExperts() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, false));
    panel(pi, List.of("expert1", "expert2", "expert3", "expert4"), 55, false);
    assertEnded(pi, "REJECTED", "rejectedByExperts");
    assertThat(variable(pi.getId(), AVERAGE_SCORE)).isEqualTo(55.0);
  }

  @Test
  void rejectedByTheBureau() {
    ProcessInstance pi = apply(application());
    passToBureau(pi);
    complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "reject", BUREAU_COMMENT, "服务能力不足"));
    assertEnded(pi, "REJECTED", "rejectedByBureau");
  }

  @Test
  void rejectedAfterAnUpheldObjection() {
    ProcessInstance pi = apply(application());
    passToPublicNotice(pi, false);
    object(pi, "该空间已停止运营");
    complete(pi.getId(), TASK_HANDLE_OBJECTION, Map.of(OBJECTION_UPHELD, true, OBJECTION_FINDING, "经核实已停止运营"));
    assertEnded(pi, "REJECTED", "rejectedAfterObjection");
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains("经核实已停止运营");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void anUpheldObjectionProvingFalseMaterialsRejectsAndBansOnceTheLeadersApprove() {
    Map<String, Object> app = application();
    String code = (String) app.get(CREDIT_CODE);
    ProcessInstance pi = apply(app);
    passToPublicNotice(pi, false);
    object(pi, "入驻创客名单系编造");
    Task handle = task(pi.getId(), TASK_HANDLE_OBJECTION);
    assertThat(fields(() -> tasks.complete(handle.getId(), Map.of(OBJECTION_UPHELD, false,
        OBJECTION_FINDING, "异议不实", OBJECTION_FALSE_MATERIALS, true)))).containsExactly(OBJECTION_FALSE_MATERIALS);
    tasks.complete(handle.getId(), Map.of(OBJECTION_UPHELD, true, OBJECTION_FINDING, "经逐一核实，名单中多数人员不存在",
        OBJECTION_FALSE_MATERIALS, true));

    Task statement = hearingTask(pi.getBusinessKey(), SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSAL_FACTS).toString())
        .contains("公示异议经核查成立").contains("名单中多数人员不存在");
    assertThat(bans.activeBan(code, EngineClock.today())).isEmpty();
    hearAndApprove(pi.getId(), pi.getBusinessKey());

    assertEnded(pi, "REJECTED", "rejectedForFalseMaterials");
    BpmnAwareTests.assertThat(pi).hasPassed("objectionFalseMaterialsHearing", "banOperator");
    assertThat(variable(pi.getId(), OUTCOME_REASON).toString()).contains("第九条").contains("名单中多数人员不存在");
    assertThat(bans.activeBan(code, EngineClock.today())).isPresent();
  }

  @Test
  void anUpheldObjectionProvingFalseMaterialsWithoutTheLeadersApprovalOnlyRejects() {
    Map<String, Object> app = application();
    ProcessInstance pi = apply(app);
    passToPublicNotice(pi, false);
    object(pi, "场地租赁合同系伪造");
    complete(pi.getId(), TASK_HANDLE_OBJECTION, Map.of(OBJECTION_UPHELD, true, OBJECTION_FINDING, "出租方否认签订合同",
        OBJECTION_FALSE_MATERIALS, true));
    hear(pi.getId(), pi.getBusinessKey(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "合同由出租方代理人签订，附授权书"), SanctionHearing.REJECT);

    assertEnded(pi, "REJECTED", "rejectedAfterObjection");
    BpmnAwareTests.assertThat(pi).hasNotPassed("banOperator");
    assertThat(bans.activeBan((String) app.get(CREDIT_CODE), EngineClock.today())).isEmpty();
  }

  @Test
  void anonymousObjectionIsRefusedAndChangesNothing() {
    ProcessInstance pi = apply(application());
    passToPublicNotice(pi, false);
    assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_OBJECTION)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(OBJECTION_TEXT, "匿名举报").correlate())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("objectorName");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(runtime.getVariable(pi.getId(), OBJECTION_TEXT)).isNull();
  }

  @Test
  void falseMaterialsBanTheOperatorForBanYears() {
    Map<String, Object> app = application();
    String code = (String) app.get(CREDIT_CODE);
    ProcessInstance pi = apply(app);
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(false, true));
    complete(pi.getId(), TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "租赁合同系伪造"));
    // the finding is the city bureau's proposal: the applicant is heard, the leaders decide (Art. 9)
    BpmnAwareTests.assertThat(pi).isWaitingAt("falseMaterialsHearing");
    assertThat(bans.activeBan(code, LocalDate.of(2026, 3, 2))).isEmpty();
    Task statement = hearingTask(pi.getBusinessKey(), SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(statement.getAssignee()).isEqualTo(ownerOf(app));
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSAL_DECISION)).isEqualTo("不予认定，2年内不再受理其认定申请");
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSAL_FACTS).toString()).contains("租赁合同系伪造");
    hearAndApprove(pi.getId(), pi.getBusinessKey());
    assertEnded(pi, "REJECTED", "rejectedForFalseMaterials");
    assertThat(bans.activeBan(code, LocalDate.of(2026, 3, 2))).isPresent();

    setClock(LocalDateTime.of(2027, 3, 1, 9, 0));
    ProcessInstance refused = apply(app);
    assertEnded(refused, "NOT_ACCEPTED", "notAccepted");
    assertThat(variable(refused.getId(), OUTCOME_REASON).toString()).contains("第九条").contains("2028年3月2日");

    setClock(LocalDateTime.of(2028, 3, 2, 9, 0));
    assertThat(bans.activeBan(code, LocalDate.of(2028, 3, 2))).isEmpty();
  }

  @Test
  void falseMaterialsTheLeadersDoNotConfirmLetTheApplicationGoOn() {
    Map<String, Object> app = application();
    ProcessInstance pi = apply(app);
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, true));
    complete(pi.getId(), TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "营业执照复印件与原件不符"));
    hear(pi.getId(), pi.getBusinessKey(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "复印件系换证前版本，已提交新证"), SanctionHearing.REJECT);

    BpmnAwareTests.assertThat(pi).hasPassed("falseMaterialsBanApproved").hasNotPassed("banOperator")
        .isWaitingAt(TASK_ORGANISE_EXPERTS);
    assertThat(bans.activeBan((String) app.get(CREDIT_CODE), EngineClock.today())).isEmpty();
  }

  @Test
  void theFirstReviewerFlagsFalseMaterialsWithGroundsAndTheCityBureauReviewsThemAfterTheInspection() {
    ProcessInstance pi = apply(application());
    Task review = task(pi.getId(), TASK_FIRST_REVIEW);
    assertThat(fields(() -> tasks.complete(review.getId(), Map.of(FIRST_REVIEW_DECISION, "approve",
        FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS, true)))).containsExactly(FIRST_REVIEW_FALSE_MATERIALS_GROUNDS);
    tasks.complete(review.getId(), Map.of(FIRST_REVIEW_DECISION, "approve", FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS, true,
        FIRST_REVIEW_FALSE_MATERIALS_GROUNDS, "营业执照复印件与登记信息不一致"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, false));

    Task falseMaterials = task(pi.getId(), TASK_FALSE_MATERIALS);
    assertThat(tasks.getVariable(falseMaterials.getId(), FIRST_REVIEW_FALSE_MATERIALS_GROUNDS))
        .isEqualTo("营业执照复印件与登记信息不一致");
    tasks.complete(falseMaterials.getId(), Map.of(FALSE_MATERIALS_CONFIRMED, false, FALSE_MATERIALS_FINDING, "执照已变更，材料属实"));
    BpmnAwareTests.assertThat(pi).hasPassed("falseMaterialsResume").isWaitingAt(TASK_ORGANISE_EXPERTS);
  }

  @Test
  void anExpertsSuspicionIsReviewedBeforeThePanelsConclusionCounts() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, false));
    tasks.complete(task(pi.getId(), TASK_ORGANISE_EXPERTS).getId(), Variables.createVariables().putValueTyped(EXPERTS,
        Variables.objectValue(List.of("expert1", "expert2", "expert3")).serializationDataFormat("application/json").create()));
    for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      Map<String, Object> vote = new java.util.HashMap<>(Map.of(SCORE, 85.0, RECOMMEND, true, COMMENT, "评审意见"));
      if ("expert2".equals(t.getAssignee())) {
        vote.put(EXPERT_FALSE_MATERIALS_GROUNDS, "融资协议的签章与出资方不符");
      }
      tasks.complete(t.getId(), vote);
    }

    Task falseMaterials = task(pi.getId(), TASK_FALSE_MATERIALS);
    assertThat(tasks.getVariable(falseMaterials.getId(), EXPERTS_FALSE_MATERIALS_GROUNDS)).isEqualTo("融资协议的签章与出资方不符");
    tasks.complete(falseMaterials.getId(), Map.of(FALSE_MATERIALS_CONFIRMED, false, FALSE_MATERIALS_FINDING, "出资方确认签章属实"));
    BpmnAwareTests.assertThat(pi).hasPassed("expertFalseMaterialsCheck", "falseMaterialsResume", "expertResult")
        .isWaitingAt(TASK_BUREAU_DECISION);
  }

  @Test
  void applicationAcceptedAgainOnceTheBanIsOver() {
    Map<String, Object> app = application();
    String code = (String) app.get(CREDIT_CODE);
    bans.ban(code, LocalDate.of(2024, 3, 1), LocalDate.of(2026, 3, 1), "测试：既往虚假材料", "SQ-2024-TEST-" + code);
    ProcessInstance pi = apply(app);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
  }

  // ---------------------------------------------------------------- a space, not an operator (Art. 2, 4, 5)

  @Test
  void oneOperatorRunsApplicationsForTwoSpacesAndHoldsBothCertificates() {
    Map<String, Object> first = application();
    Map<String, Object> second = otherSpaceOf(first);
    ProcessInstance a = apply(first);
    ProcessInstance b = apply(second);
    BpmnAwareTests.assertThat(a).isWaitingAt(TASK_FIRST_REVIEW);
    BpmnAwareTests.assertThat(b).isWaitingAt(TASK_FIRST_REVIEW);

    passToPublicNotice(a, false);
    finishNotice(a);
    passToPublicNotice(b, false);
    finishNotice(b);

    var certA = certificates.find((String) variable(a.getId(), CERTIFICATE_NUMBER)).orElseThrow();
    var certB = certificates.find((String) variable(b.getId(), CERTIFICATE_NUMBER)).orElseThrow();
    assertThat(certA.certificateNumber()).isNotEqualTo(certB.certificateNumber());
    assertThat(List.of(certA.status(), certB.status())).containsOnly(CertificateStatus.VALID);
    assertThat(certB.creditCode()).isEqualTo(certA.creditCode());
    // the certified space itself is refused outside its renewal window; a third space of the operator is not
    ProcessInstance againA = apply(first);
    assertEnded(againA, "NOT_ACCEPTED", "notAccepted");
    assertThat(variable(againA.getId(), OUTCOME_REASON).toString()).contains("90日内");
    Map<String, Object> third = otherSpaceOf(first);
    third.put(SPACE_ADDRESS, "朔州市朔城区开发北路9号");
    BpmnAwareTests.assertThat(apply(third)).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void theSameSpaceWrittenWithOtherSpacingOrWidthIsTheSameSpace() {
    Map<String, Object> app = application();
    ProcessInstance first = apply(app);
    Map<String, Object> again = new HashMap<>(app);
    again.put(SPACE_NAME, "\u3000朔城创客之家 ");
    again.put(SPACE_ADDRESS, "朔州市朔城区  民福街１号");
    ProcessInstance second = apply(again);
    assertEnded(second, "NOT_ACCEPTED", "notAccepted");
    assertThat(variable(second.getId(), OUTCOME_REASON).toString()).contains("已有正在办理")
        .doesNotContain(first.getBusinessKey());
    BpmnAwareTests.assertThat(first).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void aSupplementKeepsTheSpaceItWasFiledForButMayReSpellIt() {
    Map<String, Object> small = application();
    small.put(MENTOR_COUNT, 2);
    ProcessInstance pi = apply(small);
    runDueJobs(pi.getId());
    Task supplement = task(pi.getId(), TASK_SUPPLEMENT);

    Map<String, Object> moved = new HashMap<>(small);
    moved.put(MENTOR_COUNT, 4);
    moved.put(SPACE_ADDRESS, "朔州市朔城区开发南路18号");
    assertThat(fields(() -> tasks.complete(supplement.getId(), moved))).containsExactly(SPACE_NAME, SPACE_ADDRESS);
    Map<String, Object> renamed = new HashMap<>(moved);
    renamed.put(SPACE_ADDRESS, small.get(SPACE_ADDRESS));
    renamed.put(SPACE_NAME, "另一个空间");
    assertThat(fields(() -> tasks.complete(supplement.getId(), renamed))).containsExactly(SPACE_NAME, SPACE_ADDRESS);
    Map<String, Object> otherOperator = new HashMap<>(small);
    otherOperator.put(CREDIT_CODE, newCreditCode());
    assertThat(fields(() -> tasks.complete(supplement.getId(), otherOperator))).contains(CREDIT_CODE);

    Map<String, Object> respelled = new HashMap<>(renamed);
    respelled.put(SPACE_NAME, small.get(SPACE_NAME) + " ");
    respelled.put(SPACE_ADDRESS, "朔州市朔城区 民福街１号");
    tasks.complete(supplement.getId(), respelled);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void theArticle9BanConcernsTheOperatorSoNoneOfItsSpacesIsAccepted() {
    Map<String, Object> app = application();
    String code = (String) app.get(CREDIT_CODE);
    bans.ban(code, LocalDate.of(2026, 1, 5), LocalDate.of(2028, 1, 5), "测试：另一空间虚假材料", "SQ-2026-TEST-" + code);
    for (Map<String, Object> space : List.of(app, otherSpaceOf(app))) {
      ProcessInstance refused = apply(space);
      assertEnded(refused, "NOT_ACCEPTED", "notAccepted");
      assertThat(variable(refused.getId(), OUTCOME_REASON).toString()).contains("第九条");
    }
  }

  @Test
  void falseMaterialsForOneSpaceBanTheOperatorButLeaveItsOtherCertificateValid() {
    Map<String, Object> honest = application();
    ProcessInstance certified = apply(honest);
    passToPublicNotice(certified, false);
    finishNotice(certified);
    String certificate = (String) variable(certified.getId(), CERTIFICATE_NUMBER);

    ProcessInstance dishonest = apply(otherSpaceOf(honest));
    complete(dishonest.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(dishonest.getId(), TASK_INSPECTION, inspection(false, true));
    complete(dishonest.getId(), TASK_FALSE_MATERIALS,
        Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "第二个空间的租赁合同系伪造"));
    hearAndApprove(dishonest.getId(), dishonest.getBusinessKey());

    assertEnded(dishonest, "REJECTED", "rejectedForFalseMaterials");
    assertThat(bans.activeBan((String) honest.get(CREDIT_CODE), EngineClock.today())).isPresent();
    assertThat(certificates.find(certificate).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
  }

  // ---------------------------------------------------------------- routing and intake

  @Test
  void universitySpacesGoToTheEducationBureau() {
    Map<String, Object> app = application();
    app.put(HOST_TYPE, "university");
    app.put(TOTAL_AREA, 120.0);
    app.put(PUBLIC_SERVICE_AREA, 110.0);
    ProcessInstance pi = apply(app);
    assertThat(candidateGroups(task(pi.getId(), TASK_FIRST_REVIEW))).containsExactly(Groups.EDU_BUREAU);
  }

  @Test
  void developmentZoneSpacesGoToTheZoneBureau() {
    Map<String, Object> app = application();
    app.put(COUNTY, "devzone");
    ProcessInstance pi = apply(app);
    assertThat(candidateGroups(task(pi.getId(), TASK_FIRST_REVIEW))).containsExactly(Groups.DEVZONE_BUREAU);
  }

  @Test
  void secondApplicationWhileOneIsInProgressIsNotAccepted() {
    Map<String, Object> app = application();
    ProcessInstance first = apply(app);
    ProcessInstance second = apply(app);
    assertEnded(second, "NOT_ACCEPTED", "notAccepted");
    // the refusal does not name the case in progress (issue 12, reproduction 9)
    assertThat(variable(second.getId(), OUTCOME_REASON).toString()).contains("已有正在办理")
        .doesNotContain(first.getBusinessKey());
    BpmnAwareTests.assertThat(first).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void certifiedOperatorMayOnlyReapplyWithinTheRenewalWindow() {
    Map<String, Object> app = application();
    ProcessInstance pi = apply(app);
    passToPublicNotice(pi, false);
    finishNotice(pi);
    LocalDate validUntil = certificates.find((String) variable(pi.getId(), CERTIFICATE_NUMBER)).orElseThrow().validUntil();

    ProcessInstance tooEarly = apply(app);
    assertEnded(tooEarly, "NOT_ACCEPTED", "notAccepted");
    assertThat(variable(tooEarly.getId(), OUTCOME_REASON).toString()).contains("90日内");

    setClock(validUntil.minusDays(30).atTime(10, 0));
    ProcessInstance renewal = apply(app);
    BpmnAwareTests.assertThat(renewal).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void invalidApplicationCreatesNoInstance() {
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
    Map<String, Object> bad = application();
    bad.put(CREDIT_CODE, "91140600MA0000000X");
    bad.put(PUBLIC_SERVICE_AREA, 999.0);
    bad.remove(CONTACT_NAME);
    assertThatThrownBy(() -> apply(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
            .extracting(f -> f.field())
            .containsExactlyInAnyOrder(CREDIT_CODE, PUBLIC_SERVICE_AREA, CONTACT_NAME));
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  @Test
  void convertedOldBuildingsRaiseTaskPriority() {
    Map<String, Object> app = application();
    app.put(CONVERTED_OLD_BUILDING, true);
    ProcessInstance converted = apply(app);
    ProcessInstance plain = apply(application());
    assertThat(task(converted.getId(), TASK_FIRST_REVIEW).getPriority())
        .isGreaterThan(task(plain.getId(), TASK_FIRST_REVIEW).getPriority());
  }

  // ---------------------------------------------------------------- the inspection team and Art. 3

  @Test
  void theArticle3PreferenceOutlivesTheInspectionOnlyWhenItFindsStructureAndSafetyIntact() {
    ProcessInstance intact = convertedAtInspection();
    assertThat(task(intact.getId(), TASK_INSPECTION).getPriority()).as("declared, not yet inspected").isEqualTo(70);
    assertThat(fields(() -> complete(intact.getId(), TASK_INSPECTION, inspection(true, false))))
        .containsExactlyInAnyOrder(BUILDING_STRUCTURE_UNCHANGED, BUILDING_SAFETY_UNAFFECTED);
    BpmnAwareTests.assertThat(intact).isWaitingAt(TASK_INSPECTION);
    complete(intact.getId(), TASK_INSPECTION, withBuildingFindings(true, true));
    assertThat(variable(intact.getId(), OLD_BUILDING_PREFERRED)).isEqualTo(true);
    assertThat(task(intact.getId(), TASK_ORGANISE_EXPERTS).getPriority()).isEqualTo(70);

    ProcessInstance altered = convertedAtInspection();
    complete(altered.getId(), TASK_INSPECTION, withBuildingFindings(false, true));
    assertThat(variable(altered.getId(), OLD_BUILDING_PREFERRED)).isEqualTo(false);
    assertThat(variable(altered.getId(), BUILDING_STRUCTURE_UNCHANGED)).isEqualTo(false);
    assertThat(task(altered.getId(), TASK_ORGANISE_EXPERTS).getPriority()).as("no finding, no preference").isEqualTo(50);
    panel(altered, List.of("expert1", "expert2", "expert3"), 85, true);
    assertThat(task(altered.getId(), TASK_BUREAU_DECISION).getPriority()).isEqualTo(50);
  }

  @Test
  void aBuildingFindingIsRefusedForASpaceThatDeclaredNoConversion() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    assertThat(fields(() -> complete(pi.getId(), TASK_INSPECTION, withBuildingFindings(true, true))))
        .containsExactlyInAnyOrder(BUILDING_STRUCTURE_UNCHANGED, BUILDING_SAFETY_UNAFFECTED);
    complete(pi.getId(), TASK_INSPECTION, inspection(true, false));
    assertThat(variable(pi.getId(), OLD_BUILDING_PREFERRED)).isEqualTo(false);
    assertThat(task(pi.getId(), TASK_ORGANISE_EXPERTS).getPriority()).isEqualTo(50);
  }

  @Test
  void theInspectionRecordsATeamOfAtLeastTwoWithTheirDepartments() {
    ProcessInstance pi = apply(application());
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    for (String team : List.of("王明，市科技局", "王明\n李华", "王明，市科技局\n王明，市住建局")) {
      Map<String, Object> v = inspection(true, false);
      v.put(INSPECTION_TEAM, team);
      assertThat(fields(() -> complete(pi.getId(), TASK_INSPECTION, v))).as(team).containsExactly(INSPECTION_TEAM);
    }
    Map<String, Object> v = inspection(true, false);
    v.remove(INSPECTION_TEAM);
    assertThat(fields(() -> complete(pi.getId(), TASK_INSPECTION, v))).containsExactly(INSPECTION_TEAM);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_INSPECTION);

    v.put(INSPECTION_TEAM, " 王明，市科技局 \n\n李华:市住房和城乡建设局\n赵强 市应急管理局");
    complete(pi.getId(), TASK_INSPECTION, v);
    assertThat(variable(pi.getId(), INSPECTION_TEAM))
        .isEqualTo("王明，市科技局\n李华，市住房和城乡建设局\n赵强，市应急管理局");
  }

  @Test
  void everyDecisionIsInHistoryWithItsVersion() {
    ProcessInstance pi = apply(application());
    List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
        .contains("certification-policy", "article4-eligibility", "first-review-routing");
    decisions.forEach(d -> assertThat(d.getDecisionDefinitionId()).contains(":"));
  }

  /**
   * The slower of two simultaneous completions reads the task while it is still open and its
   * execution after the faster one has moved it on: a conflict, not a second pass.
   */
  @Test
  void aCompletionThatLostTheRaceIsAConflictAndChangesNothing() throws Exception {
    ProcessInstance pi = apply(application());
    String taskId = task(pi.getId(), TASK_FIRST_REVIEW).getId();
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

    assertThatThrownBy(() -> executor.execute(context -> {
      TaskEntity stale = context.getTaskManager().findTaskById(taskId);
      CompletableFuture.runAsync(() -> tasks.complete(taskId, Map.of(FIRST_REVIEW_DECISION, "approve"))).join();
      stale.complete();
      return null;
    })).hasRootCauseInstanceOf(OptimisticLockingException.class);

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_INSPECTION);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FIRST_REVIEW).finished().count()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, Object> application() {
    return Applications.valid("shuocheng");
  }

  /** An application of the same operator for another of its spaces (another name at another address). */
  private static Map<String, Object> otherSpaceOf(Map<String, Object> application) {
    Map<String, Object> other = new HashMap<>(application);
    other.put(SPACE_NAME, "朔城创客之家二号馆");
    other.put(SPACE_ADDRESS, "朔州市朔城区开发南路18号");
    return other;
  }

  private Map<String, Object> inspection(boolean verified, boolean suspected) {
    return Applications.inspection(verified, suspected);
  }

  /** A converted old building (Art. 3) past its first review. */
  private ProcessInstance convertedAtInspection() {
    Map<String, Object> app = application();
    app.put(CONVERTED_OLD_BUILDING, true);
    ProcessInstance pi = apply(app);
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    return pi;
  }

  private Map<String, Object> withBuildingFindings(boolean structureUnchanged, boolean safetyUnaffected) {
    Map<String, Object> v = inspection(true, false);
    v.put(BUILDING_STRUCTURE_UNCHANGED, structureUnchanged);
    v.put(BUILDING_SAFETY_UNAFFECTED, safetyUnaffected);
    return v;
  }

  /** The fields a refused call names. */
  private static List<String> fields(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return refused(call).getErrors().stream().map(f -> f.field()).toList();
  }

  private ProcessInstance apply(Map<String, Object> variables) {
    return file(variables);
  }

  private void passToBureau(ProcessInstance pi) {
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, inspection(true, false));
    panel(pi, List.of("expert1", "expert2", "expert3"), 85, true);
  }

  private void passToPublicNotice(ProcessInstance pi, boolean convertedOldBuilding) {
    passToBureau(pi);
    complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "approve"));
    runDueJobs(pi.getId());
    BpmnAwareTests.assertThat(pi).isWaitingAt("noticePeriodOver");
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 5));
  }

  private void panel(ProcessInstance pi, List<String> experts, double score, boolean recommend) {
    Task organise = task(pi.getId(), TASK_ORGANISE_EXPERTS);
    assertThat(tasks.getVariable(organise.getId(), EXPERT_CANDIDATES).toString()).contains("expert5");
    tasks.complete(organise.getId(), Variables.createVariables()
        .putValueTyped(EXPERTS, Variables.objectValue(experts).serializationDataFormat("application/json").create()));
    List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list();
    assertThat(reviews).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(experts);
    for (Task t : reviews) {
      tasks.complete(t.getId(), Map.of(SCORE, score, RECOMMEND, recommend, COMMENT, "评审意见"));
    }
  }

  private void object(ProcessInstance pi, String text) {
    runtime.createMessageCorrelation(MESSAGE_OBJECTION)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable(OBJECTION_TEXT, text)
        .setVariable(OBJECTOR_NAME, "李四")
        .setVariable(OBJECTOR_PHONE, "13800001111")
        .correlate();
  }

  /** Moves the clock past the notice period and lets the timer and the async steps run. */
  private void finishNotice(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    runDueJobs(pi.getId());
  }

  private void assertEnded(ProcessInstance pi, String outcome, String endEvent) {
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(endEvent);
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo(outcome);
    assertThat(variable(pi.getId(), OUTCOME_REASON)).isNotNull();
  }

  private Object declaredArea(ProcessInstance pi) {
    return variable(pi.getId(), TOTAL_AREA);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }
}
