package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives certification instances through their tasks with the Java API, each step done by the demo
 * user whose role it is (authenticated, so the user operation log records who claimed and
 * completed what). Meant for an application started with the job executor off: asynchronous
 * steps and timers are run by {@link #runDueJobs}.
 */
final class CertificationDriver {


  private final ProcessEngine engine;

  CertificationDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The organisation account of a fresh credit code applies; the instance waits at 初审 (first review) for 朔城区. */
  ProcessInstance apply(String spaceName) {
    Map<String, Object> application = application(spaceName);
    String applicant = OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
    return as(applicant, () -> engine.getRuntimeService().startProcessInstanceByKey(KEY, application));
  }

  /** 初审 approved, inspected, three experts in favour: the instance waits at 局务会研究决定. */
  void passToBureau(ProcessInstance pi) {
    work(pi, TASK_FIRST_REVIEW, "shuocheng1", Map.of(FIRST_REVIEW_DECISION, "approve"),
        "申请材料齐全，同意进入实地考察。");
    work(pi, TASK_INSPECTION, "inspector1", inspection(), "现场面积与申报基本一致。");
    Task organise = task(pi, TASK_ORGANISE_EXPERTS);
    as("city1", () -> {
      engine.getTaskService().claim(organise.getId(), "city1");
      engine.getTaskService().complete(organise.getId(), Variables.createVariables()
          .putValueTyped(EXPERTS, Variables.objectValue(List.of("expert1", "expert2", "expert3"))
              .serializationDataFormat("application/json").create()));
      return null;
    });
    for (Task review : engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      as(review.getAssignee(), () -> {
        engine.getTaskService().complete(review.getId(),
            Map.of(SCORE, 84.0, RECOMMEND, true, COMMENT, "服务功能完善，建议认定。"));
        return null;
      });
    }
  }

  /** A finished instance that passed inspection and expert review and was rejected by the bureau. */
  ProcessInstance rejectedByBureau(String spaceName) {
    ProcessInstance pi = apply(spaceName);
    passToBureau(pi);
    work(pi, TASK_BUREAU_DECISION, "leader1",
        Map.of(BUREAU_DECISION, "reject", BUREAU_COMMENT, "孵化服务能力不足，暂不予认定。"),
        "经局务会研究，暂不予认定。");
    return pi;
  }

  /** An instance rejected at first review (the quickest finished one). */
  ProcessInstance rejectedAtFirstReview(String spaceName) {
    ProcessInstance pi = apply(spaceName);
    work(pi, TASK_FIRST_REVIEW, "shuocheng1",
        Map.of(FIRST_REVIEW_DECISION, "reject", FIRST_REVIEW_COMMENT, "场地不在本辖区。"), null);
    return pi;
  }

  /** Bureau approved and the public notice started: the message PublicNoticeObjection can be correlated. */
  ProcessInstance inPublicNotice(String spaceName) {
    ProcessInstance pi = apply(spaceName);
    passToBureau(pi);
    work(pi, TASK_BUREAU_DECISION, "leader1", Map.of(BUREAU_DECISION, "approve", BUREAU_COMMENT, "同意认定。"),
        null);
    runDueJobs(pi.getId());
    return pi;
  }

  /** Certified: the public notice period is passed by moving the engine clock (reset afterwards). */
  ProcessInstance certified(String spaceName) {
    ProcessInstance pi = inPublicNotice(spaceName);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    try {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
      runDueJobs(pi.getId());
    } finally {
      ClockUtil.reset();
    }
    return pi;
  }

  /** Claims (when the task has no assignee), comments and completes a task as {@code user}. */
  void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables, String comment) {
    Task task = task(pi, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      if (comment != null) {
        engine.getTaskService().createComment(task.getId(), pi.getId(), comment);
      }
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  Task task(ProcessInstance pi, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey).list();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one open task " + taskKey + " in " + pi.getId() + ": " + found);
    }
    return found.get(0);
  }

  /** Runs the instance's due jobs (asynchronous continuations, due timers) until none is left. */
  void runDueJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }

  <T> T as(String user, Supplier<T> work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Map<String, Object> application(String spaceName) {
    Map<String, Object> v = Applications.valid("shuocheng");
    v.put(OPERATOR_NAME, "朔州市" + spaceName + "运营管理有限公司");
    v.put(SPACE_NAME, spaceName);
    v.put(SPACE_ADDRESS, "朔州市朔城区民福街1号");
    v.put(TOTAL_AREA, 320.0);
    v.put(PUBLIC_SERVICE_AREA, 300.0);
    v.put(CONTACT_NAME, "张晓");
    return v;
  }

  private static Map<String, Object> inspection() {
    Map<String, Object> v = Applications.inspection(true, false);
    v.put(MEASURED_TOTAL_AREA, 315.0);
    v.put(MEASURED_PUBLIC_SERVICE_AREA, 296.0);
    v.put(INSPECTION_COMMENT, "现场查验，运营正常。");
    return v;
  }
}
