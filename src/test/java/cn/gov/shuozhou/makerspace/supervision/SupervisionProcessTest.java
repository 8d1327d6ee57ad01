package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import cn.gov.shuozhou.makerspace.calendar.CalendarData;
import cn.gov.shuozhou.makerspace.calendar.MadeUpYear;
import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.falsematerials.EndedTitleReview;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.AssessmentResults;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.registry.SanctionKind;
import cn.gov.shuozhou.makerspace.registry.SanctionRegistry;
import cn.gov.shuozhou.makerspace.sanction.DecisionRecords;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.tasks.CaseCard;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of {@code maker-space-supervision} (Art. 7–11), travelling in time with the
 * engine clock; together they take every flow node and sequence flow of the model. Each space is
 * certified on Monday 2026-03-02 and valid through 2029-03-01, except in the report-year tests
 * (Art. 7, 11), which certify in June and December.
 */
class SupervisionProcessTest extends AbstractProcessTest {

  private static final String OPERATOR = "operator1";
  private static final String SPACE_ADDRESS_OF_TEST = "朔州市朔城区开发北路2号";
  private static final LocalDate CERTIFICATION_DAY = LocalDate.of(2026, 3, 2);
  private static final LocalDate LAST_VALID_DAY = LocalDate.of(2029, 3, 1);

  @Autowired CertificateRegistry certificates;
  @Autowired AssessmentResults assessmentResults;
  @Autowired SanctionRegistry sanctions;
  @Autowired BanRegistry bans;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DecisionRecords decisions;
  @Autowired SupervisionReports reports;

  /** A certified space under supervision. */
  private record Space(String number, String creditCode, ProcessInstance pi) {
    String id() {
      return pi.getId();
    }
  }

  // ---------------------------------------------------------------- the whole validity (Art. 7, 8, 11)

  @Test
  void threeExcellentYearsWithRewardsThenExpiredAfterTheRenewalReminder() {
    Space s = certifiedSpace();
    BpmnAwareTests.assertThat(s.pi()).isWaitingAt("reportWindowOpens", "renewalReminderDue", "validityEnds");
    assertThat(timerDue(s, "reportWindowOpens")).isEqualTo(at(2026, 12, 1, LocalTime.MIDNIGHT));
    assertThat(timerDue(s, "renewalReminderDue")).isEqualTo(at(2028, 12, 1, LocalTime.MIDNIGHT));
    assertThat(timerDue(s, "validityEnds")).isEqualTo(at(2029, 3, 2, LocalTime.MIDNIGHT));

    for (int year = 2026; year <= 2028; year++) {
      Task report = openReportWindow(s, year);
      assertThat(report.getAssignee()).isEqualTo(OPERATOR);
      assertThat(report.getDueDate()).isEqualTo(at(year, 12, 31, WorkingDayCalendar.END_OF_DAY));
      assertThat(tasks.getVariable(report.getId(), TRAINING_SESSIONS)).as("a new year's form starts empty").isNull();
      submitReport(s, excellentReport());

      Task assessment = task(s.id(), TASK_ASSESSMENT);
      assertThat(candidateGroups(assessment)).containsExactly(Groups.CITY_BUREAU);
      if (year == 2026) {
        assertThat(assessment.getDueDate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 15));
      }
      assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_SCORE)).isEqualTo(100);
      assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_GRADE)).isEqualTo(GRADE_EXCELLENT);
      assertThat(tasks.getVariable(assessment.getId(), REPORT_ON_TIME)).isEqualTo(true);
      assess(s, null);

      Task reward = task(s.id(), TASK_REWARD);
      assertThat(candidateGroups(reward)).containsExactly(Groups.CITY_BUREAU);
      tasks.complete(reward.getId(), Map.of(REWARD_AMOUNT, 50000, REWARD_NOTE, year + "年度优秀众创空间奖励"));
      if (year < 2028) {
        BpmnAwareTests.assertThat(s.pi()).isWaitingAt("reportWindowOpens");
      } else {
        // the renewal reminder became due with the last report window (2029-03-01 minus 90 days)
        Task reminder = task(s.id(), TASK_RENEWAL_REMINDER);
        assertThat(reminder.getAssignee()).isEqualTo(OPERATOR);
        assertThat(runtime.getVariable(s.id(), RENEWAL_REMINDED_AT)).isNotNull();
        assertThat(tasks.getVariable(reminder.getId(), RENEWAL_REMINDER_TEXT).toString()).contains("2029年3月1日");
        assertThat(instanceComments(s)).anySatisfy(c -> assertThat(c).contains("重新认定").contains("2029年3月1日"));
        tasks.complete(reminder.getId(), Map.of(RENEWAL_INTENDED, true));
      }
    }
    // a 2029 report would be due after the validity: no more reports, only the expiry is left
    BpmnAwareTests.assertThat(s.pi()).hasPassed("reportingCompleted", "renewalReminderRead").isWaitingAt("validityEnds");
    assertThat(historicTasks(s, TASK_REWARD)).isEqualTo(3);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(s.id()).variableName(REWARD_AMOUNT)
        .includeDeleted().list()).extracting(v -> v.getValue()).containsExactly(50000.0, 50000.0, 50000.0);
    assertThat(certificates.find(s.number()).orElseThrow().isValidOn(LAST_VALID_DAY)).isTrue();
    // each year's grade is recorded for the public registry, with the assessment
    assertThat(assessmentResults.of(s.number())).extracting(r -> r.reportYear() + ":" + r.grade())
        .containsExactly("2028:excellent", "2027:excellent", "2026:excellent");

    travel(s, LocalDateTime.of(2029, 3, 2, 0, 0, 1));
    BpmnAwareTests.assertThat(s.pi()).isEnded().hasPassed("expire", "expired");
    assertThat(variable(s.id(), OUTCOME)).isEqualTo(OUTCOME_EXPIRED);
    assertThat(variable(s.id(), OUTCOME_REASON).toString()).contains("2029年3月1日").contains("第十一条");
    Certificate c = certificates.find(s.number()).orElseThrow();
    assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRED);
    assertThat(c.statusChangedOn()).isEqualTo(LocalDate.of(2029, 3, 2));
    assertThat(certificates.validFor(registered(s), LAST_VALID_DAY)).isEmpty();

    List<HistoricDecisionInstance> assessments = history.createHistoricDecisionInstanceQuery()
        .processInstanceId(s.id()).decisionDefinitionKey("annual-assessment").list();
    assertThat(assessments).hasSize(3).allSatisfy(d -> assertThat(d.getDecisionDefinitionId()).contains(":"));
  }

  // ---------------------------------------------------------------- a report for every year of the title (Art. 7, 11)

  @Test
  void certifiedInJuneTheSpaceReportsFor2026To2028AndExpiresWithoutAFourthReport() {
    Space s = certifiedSpace(LocalDate.of(2026, 6, 1), LocalDate.of(2029, 5, 31));
    List<Integer> reported = new ArrayList<>();
    for (int year = 2026; year <= 2028; year++) {
      openReportWindow(s, year);
      reported.add(completeYear(s));
    }
    BpmnAwareTests.assertThat(s.pi()).hasPassed("reportingCompleted").isWaitingAt("validityEnds");
    assertThat(runtime.getVariable(s.id(), REPORT_CYCLE_OPEN)).isEqualTo(false);

    travel(s, LocalDateTime.of(2029, 6, 1, 0, 0, 1));
    BpmnAwareTests.assertThat(s.pi()).isEnded().hasPassed("expire", "expired")
        .hasNotPassed("expiredAwaitingLastAssessment", "expiredAfterLastAssessment");
    assertThat(reported).containsExactly(2026, 2027, 2028);
    assertThat(assessments(s)).isEqualTo(3);
  }

  @Test
  void certifiedOnDecember15TheSpaceReportsForTheOpenWindowAndForTheFinalYearAfterTheTitleEnded() {
    // 2026-12-15: twelve working days of the 2026 window remain (at least firstReportMinWorkingDays = 10)
    Space s = certifiedSpace(LocalDate.of(2026, 12, 15), LocalDate.of(2029, 12, 14));
    assertThat(runtime.getVariable(s.id(), REPORT_YEAR)).isEqualTo(2026);
    BpmnAwareTests.assertThat(s.pi()).isWaitingAt(TASK_SUBMIT_REPORT);
    List<Integer> reported = new ArrayList<>(List.of(completeYear(s)));
    for (int year = 2027; year <= 2029; year++) {
      openReportWindow(s, year);
      if (year < 2029) {
        reported.add(completeYear(s));
      }
    }
    // the 2029 window opened on 12-01 while the title was valid; the title ends before the report is in
    travel(s, LocalDateTime.of(2029, 12, 15, 0, 0, 1));
    BpmnAwareTests.assertThat(s.pi()).isNotEnded().hasPassed("expire", "expiredAwaitingLastAssessment")
        .isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.EXPIRED);

    setClock(LocalDateTime.of(2029, 12, 28, 10, 0));
    reported.add(completeYear(s));
    BpmnAwareTests.assertThat(s.pi()).isEnded().hasPassed("expiredAfterLastAssessment").hasNotPassed("expired");
    assertThat(reported).containsExactly(2026, 2027, 2028, 2029);
    assertThat(assessments(s)).isEqualTo(4);
  }

  @Test
  void certifiedOnDecember18TooFewWorkingDaysRemainAndTheFirstReportIsFor2027() {
    // after Friday 2026-12-18 nine working days of the window remain (fewer than 10)
    Space s = certifiedSpace(LocalDate.of(2026, 12, 18), LocalDate.of(2029, 12, 17));
    assertThat(runtime.getVariable(s.id(), REPORT_YEAR)).isEqualTo(2027);
    assertThat(timerDue(s, "reportWindowOpens")).isEqualTo(at(2027, 12, 1, LocalTime.MIDNIGHT));
  }

  // ---------------------------------------------------------------- rectification after an unqualified year (Art. 8)

  @Test
  void unqualifiedThenRectifiedAndTheCycleGoesOn() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    submitReport(s, unqualifiedReport());
    Task assessment = task(s.id(), TASK_ASSESSMENT);
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_GRADE)).isEqualTo(GRADE_UNQUALIFIED);
    assertThat(refused(() -> tasks.complete(assessment.getId(), Map.of(REPORT_CONFIRMED, true))).getErrors())
        .extracting(FieldError::field).containsExactly(ASSESSMENT_COMMENT);
    assess(s, "培训辅导和创业活动明显不足");

    Task rectify = task(s.id(), TASK_RECTIFY);
    assertThat(rectify.getAssignee()).isEqualTo(OPERATOR);
    assertThat(rectify.getDueDate()).isEqualTo(at(2027, 3, 1, WorkingDayCalendar.END_OF_DAY));
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_DEADLINE)).isEqualTo("2027-03-01");
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_REASON).toString())
        .contains("2026年度考核不合格").contains("培训辅导和创业活动明显不足");
    assertThat(runtime.getVariable(s.id(), RECTIFICATION_REASON)).as("kept in the subprocess's own scope").isNull();
    assertThat(sanctions.forCertificate(s.number())).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(SanctionKind.RECTIFICATION))
        .satisfies(r -> assertThat(r.cause()).isEqualTo("ASSESSMENT_UNQUALIFIED"));
    BpmnAwareTests.assertThat(s.pi()).isWaitingAt("reportWindowOpens", TASK_RECTIFY);

    tasks.complete(rectify.getId(), Map.of(RECTIFICATION_REPORT, "新增创业导师5名，每月举办两次路演活动"));
    Task reassessment = task(s.id(), TASK_REASSESSMENT);
    assertThat(candidateGroups(reassessment)).containsExactly(Groups.CITY_BUREAU);
    tasks.complete(reassessment.getId(), Map.of(RECTIFICATION_PASSED, true, REASSESSMENT_COMMENT, "整改到位"));

    BpmnAwareTests.assertThat(s.pi()).hasPassed("rectificationCompleted").isNotEnded().isWaitingAt("reportWindowOpens");
    assertThat(runtime.getVariable(s.id(), REPORT_YEAR)).isEqualTo(2027);
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
  }

  // ---------------------------------------------------------------- Art. 4 in every annual assessment (Art. 4, 8)

  @Test
  void aTopScoreNoLongerMeetingArticle4IsUnqualifiedAndTheRectificationNamesTheConditions() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    Map<String, Object> report = excellentReport();
    report.put(EVENTS_HELD, 11); // 11 / 12 events a month: still 5 points, below Art. 4's monthly event
    report.put(CertificationProcess.MENTOR_COUNT, 1);
    submitReport(s, report);

    BpmnAwareTests.assertThat(s.pi()).hasPassed("checkArticle4", "assessReport");
    Task assessment = task(s.id(), TASK_ASSESSMENT);
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_SCORE)).as("the score stays the score's").isEqualTo(90);
    assertThat(tasks.getVariable(assessment.getId(), ARTICLE4_MET)).isEqualTo(false);
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_GRADE)).isEqualTo(GRADE_UNQUALIFIED);
    String findings = tasks.getVariable(assessment.getId(), ARTICLE4_FINDINGS).toString();
    assertThat(findings).contains("创业导师").contains("创业活动").contains("第四条第（");
    assess(s, "请按第四条补足创业导师并恢复每月活动");

    Task rectify = task(s.id(), TASK_RECTIFY);
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_REASON).toString())
        .contains("2026年度考核不合格").contains("不再符合第四条认定条件").contains(findings);
    assertThat(sanctions.forCertificate(s.number())).singleElement()
        .satisfies(r -> assertThat(r.reason()).contains(findings));
    // the decision saw the figures mapped from the report: 11 events a year are 11/12 a month
    HistoricDecisionInstance check = history.createHistoricDecisionInstanceQuery().processInstanceId(s.id())
        .decisionDefinitionKey("article4-eligibility").includeInputs().singleResult();
    assertThat(check.getInputs()).anySatisfy(i -> {
      assertThat(i.getClauseId()).isEqualTo("in-monthlyEvents");
      assertThat(((Number) i.getValue()).doubleValue()).isCloseTo(11 / 12.0, offset(1e-9));
    });
  }

  @Test
  void anArticle4StatusIsPartOfEveryReportAndIsCheckedLikeAnApplication() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    Map<String, Object> report = excellentReport();
    report.remove(CertificationProcess.TOTAL_AREA);
    report.put(CertificationProcess.PUBLIC_SERVICE_AREA, 9999.0);
    assertThat(refused(() -> tasks.complete(task(s.id(), TASK_SUBMIT_REPORT).getId(), report)).getErrors())
        .extracting(FieldError::field).contains(CertificationProcess.TOTAL_AREA);
    BpmnAwareTests.assertThat(s.pi()).isWaitingAt(TASK_SUBMIT_REPORT);

    submitReport(s, excellentReport());
    Task assessment = task(s.id(), TASK_ASSESSMENT);
    assertThat(tasks.getVariable(assessment.getId(), ARTICLE4_MET)).isEqualTo(true);
    assertThat(tasks.getVariable(assessment.getId(), ARTICLE4_FINDINGS)).isNull();
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_GRADE)).isEqualTo(GRADE_EXCELLENT);
  }

  @Test
  void rectificationFoundWantingRevokesTheTitle() {
    Space s = unqualifiedIn2026();
    complete(s.id(), TASK_RECTIFY, Map.of(RECTIFICATION_REPORT, "已调整运营团队"));
    complete(s.id(), TASK_REASSESSMENT, Map.of(RECTIFICATION_PASSED, false, REASSESSMENT_COMMENT, "入驻团队仍不足"));
    runDueJobs(s.id());
    BpmnAwareTests.assertThat(s.pi()).as("the reassessment proposes; it does not revoke").isNotEnded();
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    hearAndApprove(s.id(), s.number());

    assertRevoked(s, REVOKED_ASSESSMENT_FAILED, "rectificationFailedAssessment");
    assertThat(variable(s.id(), OUTCOME_REASON).toString()).contains("第八条").contains("整改复核不合格").contains("入驻团队仍不足");
    assertThat(sanctions.forCertificate(s.number())).extracting(SanctionRegistry.Sanction::kind)
        .containsExactly(SanctionKind.RECTIFICATION, SanctionKind.REVOCATION);
  }

  @Test
  void missedRectificationDeadlineRevokesTheTitle() {
    Space s = unqualifiedIn2026();
    Job deadline = management.createJobQuery().processInstanceId(s.id()).activityId("rectificationDeadlineMissed")
        .singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(at(2027, 3, 1, WorkingDayCalendar.END_OF_DAY));
    withCalendarFor(2027, () -> {
      travel(s, LocalDateTime.of(2027, 3, 2, 0, 0, 1));
      // the missed deadline opens the hearing; it revokes nothing by itself
      BpmnAwareTests.assertThat(s.pi()).hasPassed("rectificationDeadlineMissed").isNotEnded();
      assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
      Task statement = hearingTask(s.number(), SanctionHearing.TASK_SUBMIT_STATEMENT);
      assertThat(statement.getAssignee()).isEqualTo(OPERATOR);
      Date due = calendar.due(ClockUtil.getCurrentTime(), 5);
      assertThat(statement.getDueDate()).isEqualTo(due);
      assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSED_BY)).isEqualTo("整改期限届满（系统提请）");

      // the period passes without an answer: the leaders decide without a statement
      travel(s, LocalDateTime.ofInstant(due.toInstant(), SHANGHAI).plusSeconds(2));
      assertThat(tasks.createTaskQuery().processDefinitionKey(SanctionHearing.KEY)
          .taskDefinitionKey(SanctionHearing.TASK_SUBMIT_STATEMENT).processInstanceBusinessKey(s.number()).count()).isZero();
      Task leaders = hearingTask(s.number(), SanctionHearing.TASK_LEADER_DECISION);
      assertThat(tasks.getVariable(leaders.getId(), SanctionHearing.STATEMENT_WAIVED)).isNull();
      decideAsLeader(s.id(), s.number(), SanctionHearing.APPROVE);
    });

    assertRevoked(s, REVOKED_ASSESSMENT_FAILED, "rectificationFailedAssessment");
    assertThat(variable(s.id(), OUTCOME_REASON).toString()).contains("未在整改期限（2027年3月1日）内提交整改报告");
    assertThat(decisions.forCase(s.number())).singleElement().satisfies(r -> {
      assertThat(r.statementReceived()).isFalse();
      assertThat(r.leaderDecision()).isEqualTo(SanctionHearing.APPROVE);
      assertThat(r.decidedAt().toLocalDate()).isEqualTo(EngineClock.today());
    });
  }

  // ---------------------------------------------------------------- late and missing reports (Art. 7)

  @Test
  void lateReportIsRemindedFollowedUpAndScoredAsLate() {
    Space s = certifiedSpace();
    Task report = openReportWindow(s, 2026);

    travel(s, LocalDateTime.of(2026, 12, 21, 9, 0));
    assertThat(runtime.getVariable(s.id(), REPORT_REMINDED_AT)).isNotNull();
    assertThat(tasks.getTaskComments(report.getId())).extracting(Comment::getFullMessage)
        .singleElement().asString().contains("2026年12月31日").contains("第七条");
    assertThat(tasks.createTaskQuery().processInstanceId(s.id()).taskDefinitionKey(TASK_FOLLOW_UP_LATE_REPORT).count()).isZero();

    travel(s, LocalDateTime.of(2027, 1, 1, 0, 0, 1));
    assertThat(runtime.getVariable(s.id(), REPORT_ON_TIME)).isEqualTo(false);
    Task followUp = task(s.id(), TASK_FOLLOW_UP_LATE_REPORT);
    assertThat(candidateGroups(followUp)).containsExactly(Groups.CITY_BUREAU);
    assertThat(refused(() -> tasks.complete(followUp.getId(), Map.of(REPORT_MISSING, false))))
        .hasMessageContaining("催报情况");
    tasks.complete(followUp.getId(), Map.of(FOLLOW_UP_NOTE, "已电话催报，运营机构承诺一周内报送", REPORT_MISSING, false));
    Task again = task(s.id(), TASK_FOLLOW_UP_LATE_REPORT);
    assertThat(again.getId()).isNotEqualTo(followUp.getId());

    submitReport(s, reportWorth84OnTime());
    assertThat(tasks.createTaskQuery().processInstanceId(s.id()).taskDefinitionKey(TASK_FOLLOW_UP_LATE_REPORT).count())
        .as("the follow-up ends with the report").isZero();
    Task assessment = task(s.id(), TASK_ASSESSMENT);
    assertThat(tasks.getVariable(assessment.getId(), REPORT_ON_TIME)).isEqualTo(false);
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_SCORE)).isEqualTo(74);
    assertThat(tasks.getVariable(assessment.getId(), ASSESSMENT_GRADE)).isEqualTo(GRADE_QUALIFIED);
    assess(s, null);

    BpmnAwareTests.assertThat(s.pi()).hasPassed("recordReportReminder", "markReportLate").isWaitingAt("reportWindowOpens");
    assertThat(runtime.getVariable(s.id(), REPORT_YEAR)).isEqualTo(2027);
    assertThat(runtime.getVariable(s.id(), REPORT_ON_TIME)).as("cleared for the next year").isNull();
    assertThat(historicTasks(s, TASK_REWARD)).isZero();
  }

  @Test
  void reportStillMissingAfterTheFollowUpFailsTheYearAndOrdersRectification() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    travel(s, LocalDateTime.of(2027, 1, 4, 9, 0));
    complete(s.id(), TASK_FOLLOW_UP_LATE_REPORT, Map.of(FOLLOW_UP_NOTE, "多次催报无果", REPORT_MISSING, true));
    runDueJobs(s.id());

    assertThat(tasks.createTaskQuery().processInstanceId(s.id()).taskDefinitionKey(TASK_SUBMIT_REPORT).count()).isZero();
    Task rectify = task(s.id(), TASK_RECTIFY);
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_REASON).toString())
        .contains("2026年度工作报告逾期未提交").contains("2026年12月31日").contains("多次催报无果");
    assertThat(sanctions.forCertificate(s.number())).extracting(SanctionRegistry.Sanction::cause)
        .containsExactly("REPORT_MISSING");
    BpmnAwareTests.assertThat(s.pi()).hasPassed("reportNotSubmitted").hasNotPassed("assessReport")
        .isWaitingAt("reportWindowOpens", TASK_RECTIFY);
  }

  // ---------------------------------------------------------------- violations (Art. 10)

  @Test
  void warningIsRecordedAndTheCycleGoesOn() {
    Space s = certifiedSpace();
    assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_VIOLATION).processInstanceBusinessKey(s.number())
        .setVariable(VIOLATION_DESCRIPTION, "  ").correlate())
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getErrors()).extracting(FieldError::field).containsExactly(VIOLATION_DESCRIPTION));
    assertThat(tasks.createTaskQuery().processInstanceId(s.id()).count()).isZero();

    reportViolation(s, "未经批准擅自缩减公共服务面积");
    Task decide = task(s.id(), TASK_SANCTION);
    assertThat(candidateGroups(decide)).containsExactly(Groups.CITY_BUREAU);
    assertThat(decide.getDueDate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 15));
    assertThat(tasks.getVariable(decide.getId(), VIOLATION_DESCRIPTION)).isEqualTo("未经批准擅自缩减公共服务面积");
    assertThat(runtime.getVariable(s.id(), VIOLATION_DESCRIPTION)).as("kept in the subprocess's own scope").isNull();
    assertThat(refused(() -> tasks.complete(decide.getId(), Map.of(SANCTION, "fine", SANCTION_NOTE, "罚款"))))
        .hasMessageContaining("sanction");
    as("city1", List.of(Groups.CITY_BUREAU), () -> {
      // the clerk ends the note with 。 as people write: the notice must not read "恢复。。"
      tasks.complete(decide.getId(), Map.of(SANCTION, SANCTION_WARNING, SANCTION_NOTE, "予以警告，限一个月内恢复。"));
      return null;
    });
    runDueJobs(s.id());
    assertThat(sanctions.forCertificate(s.number())).as("a proposal, not yet a sanction").isEmpty();

    // the written notice: facts, article, intended decision and the period to state the case
    Task statement = hearingTask(s.number(), SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(statement.getAssignee()).isEqualTo(OPERATOR);
    assertThat(statement.getDueDate()).isEqualTo(calendar.due(ClockUtil.getCurrentTime(), 5));
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSAL_DECISION)).isEqualTo("予以警告");
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.NOTICE_TEXT).toString())
        .contains("第十条").contains("予以警告").contains("未经批准擅自缩减公共服务面积").contains("2026年3月9日").contains("陈述和申辩")
        .contains("限一个月内恢复。贵单位").doesNotContain("。。", "。；");
    assertThat(refused(() -> tasks.complete(statement.getId(), Map.of(SanctionHearing.STATEMENT_WAIVED, false))))
        .hasMessageContaining("陈述和申辩意见");
    tasks.complete(statement.getId(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "公共服务面积系临时调整，已于当月恢复"));

    Task leaders = hearingTask(s.number(), SanctionHearing.TASK_LEADER_DECISION);
    assertThat(candidateGroups(leaders)).containsExactly(Groups.BUREAU_LEADERS);
    // the leaders' card says which title it is about (the hearing gets the case's numbers and county)
    assertThat(tasks.getVariableLocal(leaders.getId(), CaseCard.CARD_CERTIFICATE_NUMBER)).isEqualTo(s.number());
    assertThat(tasks.getVariableLocal(leaders.getId(), CaseCard.CARD_COUNTY_NAME)).isNotNull();
    assertThat(tasks.getVariable(leaders.getId(), SanctionHearing.STATEMENT_TEXT)).isEqualTo("公共服务面积系临时调整，已于当月恢复");
    assertThat(tasks.getVariable(leaders.getId(), SanctionHearing.PROPOSAL_FACTS).toString()).contains("予以警告，限一个月内恢复");
    assertThat(refused(() -> tasks.complete(leaders.getId(), Map.of(SanctionHearing.LEADER_DECISION, "maybe",
        SanctionHearing.LEADER_COMMENT, "再议")))).hasMessageContaining("leaderDecision");
    decideAsLeader(s.id(), s.number(), SanctionHearing.APPROVE);

    assertThat(decisions.forCase(s.number())).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("WARNING");
      assertThat(r.article()).contains("第十条");
      assertThat(r.intendedDecision()).isEqualTo("予以警告");
      assertThat(r.facts()).contains("未经批准擅自缩减公共服务面积");
      assertThat(r.proposedBy()).isEqualTo("city1");
      assertThat(r.statement()).isEqualTo("公共服务面积系临时调整，已于当月恢复");
      assertThat(r.statementWaived()).isFalse();
      assertThat(r.statementReceived()).isTrue();
      assertThat(r.leaderDecision()).isEqualTo(SanctionHearing.APPROVE);
      assertThat(r.leaderComment()).isNotBlank();
      assertThat(r.decidedBy()).isEqualTo("leader1");
    });
    BpmnAwareTests.assertThat(s.pi()).hasPassed("sanctionHearing", "warned").isWaitingAt("reportWindowOpens", "renewalReminderDue", "validityEnds");
    assertThat(sanctions.forCertificate(s.number())).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(SanctionKind.WARNING);
      assertThat(r.cause()).isEqualTo("VIOLATION");
      assertThat(r.reason()).isEqualTo("未经批准擅自缩减公共服务面积");
      assertThat(r.note()).isEqualTo("予以警告，限一个月内恢复。");
      assertThat(r.decidedOn()).isEqualTo(CERTIFICATION_DAY);
    });
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
  }

  @Test
  void rectificationOrderedForAViolationAndFoundWantingRevokesForTheViolation() {
    Space s = certifiedSpace();
    reportViolation(s, "对入驻团队收取高额费用");
    complete(s.id(), TASK_SANCTION, Map.of(SANCTION, SANCTION_RECTIFICATION, SANCTION_NOTE, "限期退还违规收费"));
    runDueJobs(s.id());
    hearAndApprove(s.id(), s.number());

    Task rectify = task(s.id(), TASK_RECTIFY);
    assertThat(rectify.getDueDate()).isEqualTo(at(2026, 6, 2, WorkingDayCalendar.END_OF_DAY));
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_REASON).toString())
        .contains("第十条").contains("对入驻团队收取高额费用").contains("限期退还违规收费");
    assertThat(tasks.getVariable(rectify.getId(), RECTIFICATION_SOURCE)).isEqualTo(SOURCE_VIOLATION);
    BpmnAwareTests.assertThat(s.pi()).hasPassed("rectificationImposed").isWaitingAt("reportWindowOpens", TASK_RECTIFY);

    tasks.complete(rectify.getId(), Map.of(RECTIFICATION_REPORT, "已退还部分费用"));
    complete(s.id(), TASK_REASSESSMENT, Map.of(RECTIFICATION_PASSED, false, REASSESSMENT_COMMENT, "仍有费用未退还"));
    runDueJobs(s.id());
    hearAndApprove(s.id(), s.number());

    assertRevoked(s, REVOKED_VIOLATION, "rectificationFailedViolation");
    assertThat(variable(s.id(), OUTCOME_REASON).toString()).contains("第十条").contains("仍有费用未退还");
    assertThat(sanctions.forCertificate(s.number())).extracting(SanctionRegistry.Sanction::kind)
        .containsExactly(SanctionKind.RECTIFICATION, SanctionKind.REVOCATION);
  }

  @Test
  void seriousViolationRevokesTheTitle() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    reportViolation(s, "以众创空间名义非法集资");
    complete(s.id(), TASK_SANCTION, Map.of(SANCTION, SANCTION_REVOKE, SANCTION_NOTE, "情节严重，取消称号"));
    runDueJobs(s.id());
    hearAndApprove(s.id(), s.number());

    assertRevoked(s, REVOKED_VIOLATION, "revokedForViolation");
    Certificate c = certificates.find(s.number()).orElseThrow();
    assertThat(c.statusNote()).contains("以众创空间名义非法集资").contains("情节严重，取消称号");
    assertThat(c.statusChangedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(sanctions.forCertificate(s.number())).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(SanctionKind.REVOCATION));

    // a message for an ended supervision finds no receiver
    assertThatThrownBy(() -> reportViolation(s, "再次举报")).isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  // ---------------------------------------------------------------- false materials (Art. 9)

  @Test
  void falseMaterialsDismissedThenConfirmedRevokesAndBansTheCreditCode() {
    Space s = certifiedSpace();
    assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_FALSE_MATERIALS)
        .processInstanceBusinessKey(s.number()).correlate())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(REPORT_TEXT);

    reportFalseMaterials(s, "场地面积系虚报");
    Task review = task(s.id(), TASK_FALSE_MATERIALS);
    assertThat(candidateGroups(review)).containsExactly(Groups.CITY_BUREAU);
    tasks.complete(review.getId(), Map.of(FALSE_MATERIALS_CONFIRMED, false, FALSE_MATERIALS_FINDING, "经复测面积属实"));
    BpmnAwareTests.assertThat(s.pi()).hasPassed("falseMaterialsDismissed").isNotEnded();

    setClock(LocalDateTime.of(2026, 6, 1, 10, 0));
    reportFalseMaterials(s, "租赁合同系伪造");
    complete(s.id(), TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "出租方证实未签订该合同"));
    runDueJobs(s.id());
    assertThat(bans.activeBan(s.creditCode(), LocalDate.of(2026, 6, 1))).as("no ban before the leaders decide").isEmpty();
    hearAndApprove(s.id(), s.number());

    assertRevoked(s, REVOKED_FALSE_MATERIALS, "revokedForFalseMaterials");
    assertThat(variable(s.id(), OUTCOME_REASON).toString()).contains("第九条").contains("2年内不再受理").contains("出租方证实未签订该合同");
    var ban = bans.activeBan(s.creditCode(), LocalDate.of(2026, 6, 1)).orElseThrow();
    assertThat(ban.bannedUntil()).isEqualTo(LocalDate.of(2028, 6, 1));
    assertThat(ban.sourceRef()).isEqualTo(s.number());
  }

  // ---------------------------------------------------------------- proposals the leaders reject (Art. 8–10)

  @Test
  void revocationAfterAFailedRectificationRejectedByTheLeadersReturnsToTheCycle() {
    Space s = unqualifiedIn2026();
    complete(s.id(), TASK_RECTIFY, Map.of(RECTIFICATION_REPORT, "已调整运营团队"));
    complete(s.id(), TASK_REASSESSMENT, Map.of(RECTIFICATION_PASSED, false, REASSESSMENT_COMMENT, "入驻团队仍不足"));
    runDueJobs(s.id());
    hear(s.id(), s.number(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "新入驻团队的协议已签订，下月入驻"), SanctionHearing.REJECT);

    BpmnAwareTests.assertThat(s.pi()).hasPassed("rectificationRevocationNotApproved").hasNotPassed("revoke")
        .isWaitingAt("reportWindowOpens", "renewalReminderDue", "validityEnds");
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    assertThat(sanctions.forCertificate(s.number())).extracting(SanctionRegistry.Sanction::kind)
        .containsExactly(SanctionKind.RECTIFICATION);
    assertThat(decisions.forCase(s.number())).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("REVOCATION_ASSESSMENT");
      assertThat(r.article()).contains("第八条");
      assertThat(r.statement()).isEqualTo("新入驻团队的协议已签订，下月入驻");
      assertThat(r.leaderDecision()).isEqualTo(SanctionHearing.REJECT);
    });
  }

  @Test
  void sanctionRejectedByTheLeadersIsNotRecorded() {
    Space s = certifiedSpace();
    reportViolation(s, "未按规定公示收费标准");
    complete(s.id(), TASK_SANCTION, Map.of(SANCTION, SANCTION_REVOKE, SANCTION_NOTE, "情节严重"));
    runDueJobs(s.id());
    hear(s.id(), s.number(), Map.of(SanctionHearing.STATEMENT_WAIVED, true), SanctionHearing.REJECT);

    BpmnAwareTests.assertThat(s.pi()).hasPassed("sanctionNotApproved").hasNotPassed("recordSanction", "revoke")
        .isWaitingAt("reportWindowOpens", "renewalReminderDue", "validityEnds");
    assertThat(sanctions.forCertificate(s.number())).isEmpty();
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    assertThat(decisions.forCase(s.number())).singleElement().satisfies(r -> {
      assertThat(r.intendedDecision()).isEqualTo("取消朔州市众创空间称号");
      assertThat(r.statementWaived()).isTrue();
      assertThat(r.leaderDecision()).isEqualTo(SanctionHearing.REJECT);
    });
  }

  @Test
  void falseMaterialsRejectedByTheLeadersNeitherRevokeNorBan() {
    Space s = certifiedSpace();
    reportFalseMaterials(s, "场地面积系虚报");
    complete(s.id(), TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "面积与合同不符"));
    runDueJobs(s.id());
    Task statement = hearingTask(s.number(), SanctionHearing.TASK_SUBMIT_STATEMENT);
    assertThat(tasks.getVariable(statement.getId(), SanctionHearing.PROPOSAL_DECISION))
        .isEqualTo("取消朔州市众创空间称号，2年内不再受理其认定申请");
    hear(s.id(), s.number(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "合同面积含附属用房，附测绘报告"), SanctionHearing.REJECT);

    BpmnAwareTests.assertThat(s.pi()).hasPassed("falseMaterialsNotApproved").hasNotPassed("banOperator").isNotEnded();
    assertThat(bans.activeBan(s.creditCode(), EngineClock.today())).isEmpty();
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
  }

  // ---------------------------------------------------------------- false materials after the title expired (Art. 9)

  @Test
  void falseMaterialsReportedAfterTheTitleExpiredLeadToTheBanFromTheLeadersDecision() {
    Space s = certifiedSpace(CERTIFICATION_DAY, LocalDate.of(2026, 6, 30));
    travel(s, LocalDateTime.of(2026, 7, 1, 0, 0, 1));
    BpmnAwareTests.assertThat(s.pi()).isEnded().hasPassed("expired");

    // dismissed, then confirmed but not approved, then confirmed and approved: three reviews
    setClock(LocalDateTime.of(2026, 9, 1, 9, 0));
    String first = afterTitle(s, "营业执照系伪造");
    complete(first, TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, false, FALSE_MATERIALS_FINDING, "执照核验属实"));
    String second = afterTitle(s, "入驻团队名单系编造");
    complete(second, TASK_FALSE_MATERIALS, Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "部分人员无法联系"));
    hear(second, s.number(), Map.of(SanctionHearing.STATEMENT_WAIVED, false,
        SanctionHearing.STATEMENT_TEXT, "人员已毕业离开，附当年协议"), SanctionHearing.REJECT);
    assertThat(bans.activeBan(s.creditCode(), EngineClock.today())).isEmpty();

    setClock(LocalDateTime.of(2026, 10, 12, 9, 0));
    String third = afterTitle(s, "场地租赁合同系伪造");
    Task review = task(third, TASK_FALSE_MATERIALS);
    assertThat(candidateGroups(review)).containsExactly(Groups.CITY_BUREAU);
    assertThat(tasks.getVariable(review.getId(), REPORT_TEXT)).isEqualTo("场地租赁合同系伪造");
    tasks.complete(review.getId(), Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_FINDING, "出租方证实未签订该合同"));
    runDueJobs(third);
    assertThat(tasks.getVariable(hearingTask(s.number(), SanctionHearing.TASK_SUBMIT_STATEMENT).getId(),
        SanctionHearing.PROPOSAL_DECISION)).isEqualTo("自处理决定之日起2年内不再受理其认定申请");
    setClock(LocalDateTime.of(2026, 10, 14, 9, 0));
    hearAndApprove(third, s.number());

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(third).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(third).activityId("bannedAfterTitle").count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(first).activityId("falseMaterialsDismissed").count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(second).activityId("falseMaterialsNotApproved").count()).isOne();
    var ban = bans.activeBan(s.creditCode(), LocalDate.of(2026, 10, 14)).orElseThrow();
    assertThat(ban.bannedUntil()).as("counted from the decision").isEqualTo(LocalDate.of(2028, 10, 14));
    assertThat(certificates.find(s.number()).orElseThrow().status()).isEqualTo(CertificateStatus.EXPIRED);
  }

  // ---------------------------------------------------------------- shape of input

  @Test
  void annualReportOfTheWrongShapeIsRefusedWithEveryField() {
    Space s = certifiedSpace();
    Task report = openReportWindow(s, 2026);
    Map<String, Object> bad = excellentReport();
    bad.put(TRAINING_SESSIONS, -1);
    bad.put(TRAINEES, 10.5);
    bad.put(FINANCING_AMOUNT, "很多");
    bad.remove(REPORT_SUMMARY);
    assertThat(refused(() -> tasks.complete(report.getId(), bad)).getErrors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder(TRAINING_SESSIONS, TRAINEES, FINANCING_AMOUNT, REPORT_SUMMARY);
    // longer than the form's maxLength: refused by the engine guard before any listener runs
    Map<String, Object> tooLong = excellentReport();
    tooLong.put(NEXT_YEAR_PLAN, "计".repeat(4001));
    assertThat(refused(() -> tasks.complete(report.getId(), tooLong)).getErrors()).extracting(FieldError::field)
        .containsExactly(NEXT_YEAR_PLAN);
    assertThat(task(s.id(), TASK_SUBMIT_REPORT).getId()).isEqualTo(report.getId());

    submitReport(s, excellentReport());
    Task assessment = task(s.id(), TASK_ASSESSMENT);
    assertThat(refused(() -> tasks.complete(assessment.getId(), Map.of(REPORT_CONFIRMED, false))))
        .hasMessageContaining("已核实报告内容");
  }

  @Test
  void aStartWithoutTheCertificatesDataIsRefused() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(CERTIFICATE_NUMBER, "SZZC-2026-999");
    vars.put(CERTIFIED_ON, "2026-03-02");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, "SZZC-2026-998", vars))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors()).extracting(FieldError::field)
            .contains(CERTIFIED_ON, VALID_UNTIL, CREDIT_CODE, APPLICANT, "businessKey"));
  }

  // ---------------------------------------------------------------- helpers

  /** Issues a certificate in the registry (as the certification's {@code certify} does) and starts its supervision as {@code startSupervision} does. */
  private Space certifiedSpace() {
    return certifiedSpace(CERTIFICATION_DAY, LAST_VALID_DAY);
  }

  /** A space certified on {@code certifiedOn} (the clock is set to that morning) and valid through {@code lastValidDay}. */
  private static cn.gov.shuozhou.makerspace.registry.Space registered(Space s) {
    return new cn.gov.shuozhou.makerspace.registry.Space(s.creditCode(), "朔城创客之家", SPACE_ADDRESS_OF_TEST);
  }

  private Space certifiedSpace(LocalDate certifiedOn, LocalDate lastValidDay) {
    setClock(certifiedOn.atTime(9, 0));
    String code = newCreditCode();
    String applicationNumber = "SQ-TEST-" + UUID.randomUUID();
    Certificate c = certificates.issue(new Certification(applicationNumber, new cn.gov.shuozhou.makerspace.registry.Space(code, "朔城创客之家",
        SPACE_ADDRESS_OF_TEST), "朔州创新创业服务有限公司", "shuocheng", OPERATOR, certifiedOn, lastValidDay, "test-certification"));
    Map<String, Object> vars = new HashMap<>();
    vars.put(CERTIFICATE_NUMBER, c.certificateNumber());
    vars.put(CERTIFIED_ON, EngineClock.startOf(certifiedOn));
    vars.put(VALID_UNTIL, EngineClock.startOf(lastValidDay));
    vars.put(CREDIT_CODE, code);
    vars.put(OPERATOR_NAME, c.operatorName());
    vars.put(SPACE_NAME, c.spaceName());
    vars.put(COUNTY, c.county());
    vars.put(CertificationProcess.HOST_TYPE, "other");
    vars.put(CertificationProcess.SPACE_FOCUS, "maker");
    vars.put(APPLICANT, OPERATOR);
    vars.put(CERTIFICATION_INSTANCE_ID, "test-certification");
    vars.put(APPLICATION_NUMBER, applicationNumber);
    ProcessInstance pi = runtime.startProcessInstanceByKey(KEY, c.certificateNumber(), vars);
    runDueJobs(pi.getId()); // a window that had already opened opens at once
    return new Space(c.certificateNumber(), code, pi);
  }

  /** The city bureau reports false materials of an ended title (the application's command); returns the review's instance id. */
  private String afterTitle(Space s, String text) {
    reports.file(SupervisionReports.Kind.FALSE_MATERIALS, s.number(), null, text, "city1");
    return runtime.createProcessInstanceQuery().processDefinitionKey(EndedTitleReview.KEY).processInstanceBusinessKey(s.number())
        .list().stream()
        .filter(p -> tasks.createTaskQuery().processInstanceId(p.getId()).taskDefinitionKey(TASK_FALSE_MATERIALS).count() == 1)
        .findFirst().orElseThrow().getId();
  }

  /** Runs {@code work} with a made-up holiday arrangement for {@code year} when the released calendar lacks it. */
  private void withCalendarFor(int year, Runnable work) {
    if (calendar.covers(year)) {
      work.run();
      return;
    }
    CalendarData released = CalendarData.fromClasspath(WorkingDayCalendar.RESOURCE);
    calendar.use(released.withYears(List.of(MadeUpYear.entry(year))));
    try {
      work.run();
    } finally {
      calendar.use(released);
    }
  }

  private Space unqualifiedIn2026() {
    Space s = certifiedSpace();
    openReportWindow(s, 2026);
    submitReport(s, unqualifiedReport());
    assess(s, "各项指标均未达到要求");
    return s;
  }

  /** Travels to the morning of December 1st of {@code year} and returns the operator's report task. */
  private Task openReportWindow(Space s, int year) {
    travel(s, LocalDateTime.of(year, 12, 1, 9, 0));
    assertThat(runtime.getVariable(s.id(), REPORT_YEAR)).isEqualTo(year);
    return task(s.id(), TASK_SUBMIT_REPORT);
  }

  private void submitReport(Space s, Map<String, Object> report) {
    complete(s.id(), TASK_SUBMIT_REPORT, report);
    runDueJobs(s.id());
  }

  private void assess(Space s, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(REPORT_CONFIRMED, true);
    if (comment != null) {
      v.put(ASSESSMENT_COMMENT, comment);
    }
    complete(s.id(), TASK_ASSESSMENT, v);
    runDueJobs(s.id());
  }

  private void reportViolation(Space s, String description) {
    runtime.createMessageCorrelation(MESSAGE_VIOLATION).processInstanceBusinessKey(s.number())
        .setVariable(VIOLATION_DESCRIPTION, description).correlate();
  }

  private void reportFalseMaterials(Space s, String text) {
    runtime.createMessageCorrelation(MESSAGE_FALSE_MATERIALS).processInstanceBusinessKey(s.number())
        .setVariable(REPORT_TEXT, text).correlate();
  }

  private void travel(Space s, LocalDateTime to) {
    setClock(to);
    runDueJobs(s.id());
  }

  private void assertRevoked(Space s, String reason, String errorEnd) {
    BpmnAwareTests.assertThat(s.pi()).isEnded().hasPassed(errorEnd, "revoke", "revoked");
    assertThat(variable(s.id(), OUTCOME)).isEqualTo(OUTCOME_REVOKED);
    assertThat(variable(s.id(), REVOCATION_REASON)).isEqualTo(reason);
    Certificate c = certificates.find(s.number()).orElseThrow();
    assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(c.statusReason()).isEqualTo(reason);
    assertThat(c.statusNote()).isNotBlank();
    assertThat(c.statusChangedOn()).isEqualTo(EngineClock.today());
    assertThat(c.isValidOn(EngineClock.today())).isFalse();
    assertThat(certificates.validFor(registered(s), EngineClock.today())).isEmpty();
    assertThat(management.createJobQuery().processInstanceId(s.id()).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(s.id()).count()).isZero();
  }

  /** Submits an excellent report, confirms the assessment and grants the reward; returns the report's year. */
  private int completeYear(Space s) {
    int year = (Integer) runtime.getVariable(s.id(), REPORT_YEAR);
    submitReport(s, excellentReport());
    assess(s, null);
    complete(s.id(), TASK_REWARD, Map.of(REWARD_AMOUNT, 50000, REWARD_NOTE, "年度优秀众创空间奖励"));
    runDueJobs(s.id());
    return year;
  }

  private long assessments(Space s) {
    return historicTasks(s, TASK_ASSESSMENT);
  }

  /** 100 points (see dmn/cases/annual-assessment.json). */
  private static Map<String, Object> excellentReport() {
    return report(12, 100, 30, 10, 3, 24, 1_000_000.0);
  }

  /** 74 points from the numbers, plus 10 when on time: excellent on time, qualified when late. */
  private static Map<String, Object> reportWorth84OnTime() {
    return report(12, 100, 30, 10, 1, 12, 50_000.0);
  }

  private static Map<String, Object> unqualifiedReport() {
    return report(1, 10, 5, 1, 0, 2, 0.0);
  }

  private static Map<String, Object> report(int sessions, int trainees, int makers, int teams, int graduated, int events,
      double financing) {
    Map<String, Object> v = new HashMap<>();
    v.put(TRAINING_SESSIONS, sessions);
    v.put(TRAINEES, trainees);
    v.put(RESIDENT_MAKERS, makers);
    v.put(RESIDENT_TEAMS, teams);
    v.put(GRADUATED_TEAMS, graduated);
    v.put(EVENTS_HELD, events);
    v.put(FINANCING_AMOUNT, financing);
    v.put(REPORT_SUMMARY, "全年开展培训辅导和创业活动，服务入驻创客和团队。");
    v.put(NEXT_YEAR_PLAN, "扩大孵化场地，引进天使投资机构。");
    v.putAll(Applications.spaceStatus());
    return v;
  }

  private Date timerDue(Space s, String activityId) {
    return management.createJobQuery().processInstanceId(s.id()).activityId(activityId).singleResult().getDuedate();
  }

  private static Date at(int year, int month, int day, LocalTime time) {
    return Date.from(LocalDate.of(year, month, day).atTime(time).atZone(SHANGHAI).toInstant());
  }

  private long historicTasks(Space s, String key) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(s.id()).taskDefinitionKey(key).finished().count();
  }

  private List<String> instanceComments(Space s) {
    return tasks.getProcessInstanceComments(s.id()).stream().map(Comment::getFullMessage).toList();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }
}
