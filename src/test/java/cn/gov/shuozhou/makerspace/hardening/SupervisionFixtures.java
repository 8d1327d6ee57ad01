package cn.gov.shuozhou.makerspace.hardening;

import cn.gov.shuozhou.makerspace.support.Applications;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Supervision instances ({@code maker-space-supervision}) waiting at a given user task, reached the
 * way the process reaches it: a certificate issued today and its supervision started as the
 * certification starts it; timers are fired by executing their jobs (no clock travel), messages
 * correlated, tasks completed through the Java API. The operator is {@code operator1}.
 */
public final class SupervisionFixtures {

  static final List<String> TASKS = List.of(TASK_SUBMIT_REPORT, TASK_FOLLOW_UP_LATE_REPORT, TASK_ASSESSMENT,
      TASK_REWARD, TASK_RECTIFY, TASK_REASSESSMENT, TASK_FALSE_MATERIALS, TASK_SANCTION, TASK_RENEWAL_REMINDER);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final CertificateRegistry certificates;
  private final CertificationDriver fixtures;

  public SupervisionFixtures(ProcessEngine engine, CertificateRegistry certificates, CertificationDriver fixtures) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.certificates = certificates;
    this.fixtures = fixtures;
  }

  /** A certified space in its annual supervision, waiting for its first report window. */
  ProcessInstance supervised() {
    return supervised("shuocheng", "朔州创客空间");
  }

  /** A space of {@code county} certified today, in its annual supervision, waiting for its first report window. */
  public ProcessInstance supervised(String county, String spaceName) {
    LocalDate today = EngineClock.today();
    String applicationNumber = "SQ-HARDENING-" + UUID.randomUUID();
    Certificate c = certificates.issue(new Certification(applicationNumber, new Space(Applications.newCreditCode(), spaceName,
        "朔州市朔城区民福街1号"), "朔州市创新工场运营有限公司", county, "operator1", today, today.plusYears(3).minusDays(1), "hardening-test"));
    Map<String, Object> vars = new HashMap<>();
    vars.put(CERTIFICATE_NUMBER, c.certificateNumber());
    vars.put(CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    vars.put(VALID_UNTIL, EngineClock.startOf(c.validUntil()));
    vars.put(CREDIT_CODE, c.creditCode());
    vars.put(OPERATOR_NAME, c.operatorName());
    vars.put(SPACE_NAME, c.spaceName());
    vars.put(COUNTY, c.county());
    vars.put(CertificationProcess.HOST_TYPE, "other");
    vars.put(CertificationProcess.SPACE_FOCUS, "maker");
    vars.put(APPLICANT, "operator1");
    vars.put(CERTIFICATION_INSTANCE_ID, "hardening-test");
    vars.put(APPLICATION_NUMBER, applicationNumber);
    ProcessInstance pi = runtime.startProcessInstanceByKey(KEY, c.certificateNumber(), vars);
    openDueReportWindow(pi.getId());
    return pi;
  }

  /**
   * Certified today, the space may already be inside this year's report window (Art. 7): its timer
   * is then due at once, and the job executor would open the report at any moment. Open it now,
   * so that the instance holds still while a test looks at it.
   */
  private void openDueReportWindow(String processInstanceId) {
    Job window = management.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId("reportWindowOpens").singleResult();
    if (window != null && !window.getDuedate().after(ClockUtil.getCurrentTime())) {
      fire(processInstanceId, "reportWindowOpens");
      await(processInstanceId, TASK_SUBMIT_REPORT);
    }
  }

  /** Opens the report window of a running supervision instance now (its timer fired): the report task. */
  public Task reportWindowOpened(String processInstanceId) {
    // the cycle before may still have a job to run (an ordered rectification) before the window waits
    fixtures.runJobsUntil(processInstanceId, () -> management.createJobQuery().processInstanceId(processInstanceId)
        .timers().activityId("reportWindowOpens").count() > 0 || tasks.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(TASK_SUBMIT_REPORT).count() > 0);
    fire(processInstanceId, "reportWindowOpens");
    return await(processInstanceId, TASK_SUBMIT_REPORT);
  }

  /** A new supervision instance waiting at {@code taskKey}; the task is returned. */
  public Task waitingAt(String taskKey) {
    ProcessInstance pi = supervised();
    String id = pi.getId();
    switch (taskKey) {
      case TASK_SANCTION -> {
        runtime.createMessageCorrelation(MESSAGE_VIOLATION).processInstanceBusinessKey(pi.getBusinessKey())
            .setVariable(VIOLATION_DESCRIPTION, "未经批准改变场地用途").correlate();
        return fixtures.task(id, TASK_SANCTION, null);
      }
      case TASK_FALSE_MATERIALS -> {
        runtime.createMessageCorrelation(MESSAGE_FALSE_MATERIALS).processInstanceBusinessKey(pi.getBusinessKey())
            .setVariable(REPORT_TEXT, "申报材料中的场地面积不实").correlate();
        return fixtures.task(id, TASK_FALSE_MATERIALS, null);
      }
      case TASK_RENEWAL_REMINDER -> {
        fire(id, "renewalReminderDue");
        return await(id, TASK_RENEWAL_REMINDER);
      }
      default -> { }
    }
    fire(id, "reportWindowOpens");
    Task report = await(id, TASK_SUBMIT_REPORT);
    if (TASK_SUBMIT_REPORT.equals(taskKey)) {
      return report;
    }
    if (TASK_FOLLOW_UP_LATE_REPORT.equals(taskKey)) {
      fire(id, "reportOverdue");
      return await(id, TASK_FOLLOW_UP_LATE_REPORT);
    }
    boolean excellent = TASK_REWARD.equals(taskKey);
    boolean unqualified = TASK_RECTIFY.equals(taskKey) || TASK_REASSESSMENT.equals(taskKey);
    tasks.complete(report.getId(), annualReport(excellent ? 12 : unqualified ? 1 : 12, excellent ? 24 : unqualified ? 2 : 12,
        excellent ? 3 : unqualified ? 0 : 1, excellent ? 1_000_000.0 : unqualified ? 0.0 : 50_000.0));
    Task assessment = await(id, TASK_ASSESSMENT);
    if (TASK_ASSESSMENT.equals(taskKey)) {
      return assessment;
    }
    Map<String, Object> confirmed = new HashMap<>();
    confirmed.put(REPORT_CONFIRMED, true);
    if (unqualified) {
      confirmed.put(ASSESSMENT_COMMENT, "各项指标均未达到要求，限期整改");
    }
    tasks.complete(assessment.getId(), confirmed);
    if (TASK_REWARD.equals(taskKey)) {
      return await(id, TASK_REWARD);
    }
    Task rectify = await(id, TASK_RECTIFY);
    if (TASK_RECTIFY.equals(taskKey)) {
      return rectify;
    }
    tasks.complete(rectify.getId(), validCompletion(TASK_RECTIFY));
    return await(id, TASK_REASSESSMENT);
  }

  /** The running supervision's report window opened and its report submitted: its {@code annualAssessment}. */
  public Task assessmentAfterReport(String processInstanceId) {
    fire(processInstanceId, "reportWindowOpens");
    tasks.complete(await(processInstanceId, TASK_SUBMIT_REPORT).getId(), annualReport(12, 12, 1, 50_000.0));
    return await(processInstanceId, TASK_ASSESSMENT);
  }

  /** A new supervision instance at {@code annualAssessment} of a report that decision annual-assessment grades unqualified. */
  Task assessmentOfAnUnqualifiedReport() {
    String id = supervised().getId();
    fire(id, "reportWindowOpens");
    tasks.complete(await(id, TASK_SUBMIT_REPORT).getId(), annualReport(1, 2, 0, 0.0));
    return await(id, TASK_ASSESSMENT);
  }

  /** Valid completion variables of each task kind of the supervision process. */
  public static Map<String, Object> validCompletion(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case TASK_SUBMIT_REPORT -> v.putAll(annualReport(12, 12, 1, 50_000.0));
      case TASK_FOLLOW_UP_LATE_REPORT -> {
        v.put(FOLLOW_UP_NOTE, "已电话催报");
        v.put(REPORT_MISSING, false);
      }
      case TASK_ASSESSMENT -> v.put(REPORT_CONFIRMED, true);
      case TASK_REWARD -> {
        v.put(REWARD_AMOUNT, 50000.0);
        v.put(REWARD_NOTE, "年度优秀众创空间奖励");
      }
      case TASK_RECTIFY -> v.put(RECTIFICATION_REPORT, "已按要求完成整改，补充了创业导师和培训活动。");
      case TASK_REASSESSMENT -> {
        v.put(RECTIFICATION_PASSED, true);
        v.put(REASSESSMENT_COMMENT, "整改到位");
      }
      case TASK_FALSE_MATERIALS -> {
        v.put("falseMaterialsConfirmed", false);
        v.put("falseMaterialsFinding", "经核实举报不实");
      }
      case TASK_SANCTION -> {
        v.put(SANCTION, "warning");
        v.put(SANCTION_NOTE, "予以警告");
      }
      case TASK_RENEWAL_REMINDER -> v.put(RENEWAL_INTENDED, true);
      default -> throw new IllegalArgumentException(taskKey);
    }
    return v;
  }

  /**
   * An annual report's figures (the space's Art. 4 status still met): decision annual-assessment grades
   * (12, 24, 3, 1,000,000) excellent, (12, 12, 1, 50,000) qualified and (1, 2, 0, 0) unqualified.
   */
  public static Map<String, Object> annualReport(int sessions, int events, int graduated, double financing) {
    Map<String, Object> v = new HashMap<>();
    v.put(TRAINING_SESSIONS, sessions);
    v.put(TRAINEES, sessions <= 1 ? 10 : 100);
    v.put(RESIDENT_MAKERS, sessions <= 1 ? 5 : 30);
    v.put(RESIDENT_TEAMS, sessions <= 1 ? 1 : 10);
    v.put(GRADUATED_TEAMS, graduated);
    v.put(EVENTS_HELD, events);
    v.put(FINANCING_AMOUNT, financing);
    v.put(REPORT_SUMMARY, "全年开展培训辅导和创业活动，服务入驻创客和团队。");
    v.put(NEXT_YEAR_PLAN, "扩大孵化场地，引进天使投资机构。");
    v.putAll(Applications.spaceStatus());
    return v;
  }

  /**
   * Executes the timer job of {@code activityId} now, whatever its due date. A timer already due
   * (the certification year's report window, Art. 7, when certified in December) may be taken by
   * the job executor first: then it has fired, and the caller's await sees its result.
   */
  private void fire(String processInstanceId, String activityId) {
    for (int attempt = 1; ; attempt++) {
      Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
          .singleResult();
      if (timer == null) {
        return;
      }
      try {
        management.executeJob(timer.getId());
        return;
      } catch (RuntimeException failed) {
        // the job executor took it at the same moment (the engine then fails in several ways, an NPE
        // among them): look again until it has run; a job that keeps failing is a real failure
        if (attempt == 10) {
          throw failed;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failed;
        }
      }
    }
  }

  /** The report's due date passed (its timer fired): the city bureau's follow-up of the late report. */
  public Task reportOverdue(String processInstanceId) {
    fire(processInstanceId, "reportOverdue");
    return await(processInstanceId, TASK_FOLLOW_UP_LATE_REPORT);
  }

  /** The one open task {@code taskKey} of the instance, once the jobs before it have run. */
  public Task await(String processInstanceId, String taskKey) {
    fixtures.runJobsUntil(processInstanceId, () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).count() > 0);
    return fixtures.task(processInstanceId, taskKey, null);
  }
}
