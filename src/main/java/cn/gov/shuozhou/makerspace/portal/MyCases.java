package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_FIELDS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.ELIGIBILITY_FINDINGS_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RETURN_REASON;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SUPERVISION_INSTANCE_ID;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_HANDLE_OBJECTION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_SUPPLEMENT;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.LEADER_DECISION;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.NOTICE_TEXT;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.PROPOSAL_ARTICLE;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.PROPOSAL_DECISION;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.PROPOSAL_FACTS;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.TASK_SUBMIT_STATEMENT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.ASSESSMENT_GRADE;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RECTIFICATION_DEADLINE;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TASK_ASSESSMENT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RECTIFICATION_REASON;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_YEAR;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TASK_RECTIFY;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TASK_SUBMIT_REPORT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.EVENTS_HELD;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.FINANCING_AMOUNT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.GRADUATED_TEAMS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RECTIFICATION_REPORT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_SUMMARY;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RESIDENT_MAKERS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RESIDENT_TEAMS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TRAINEES;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TRAINING_SESSIONS;

import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.portal.MyCase.Assessment;
import cn.gov.shuozhou.makerspace.portal.MyCase.Request;
import cn.gov.shuozhou.makerspace.portal.MyCase.Step;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One case of one organisation, read from history for it by the system (an operator holds no read
 * right on history, docs/security.md §10). What it may see is chosen here, positively: the names
 * and end dates of the steps with the department (candidate group) that did them, and for each of
 * its own tasks the variables its form shows read-only — never who in a department worked on it,
 * no expert vote, no objection or objector.
 */
@Service
public class MyCases {

  /**
   * Applicant's task kinds → what the authority told the applicant with it (its form's read-only fields).
   * These lists (and the two below) are read from the variables of every scope of the instance but a
   * task's own: name only variables that the process or a subprocess holds (an expert's local
   * {@code score} would be read too).
   */
  static final Map<String, List<String>> NOTICES = Map.of(
      TASK_SUPPLEMENT, List.of(RETURN_REASON, ELIGIBILITY_FINDINGS_TEXT),
      TASK_RECTIFY, List.of(RECTIFICATION_REASON, RECTIFICATION_DEADLINE),
      TASK_SUBMIT_STATEMENT, List.of(PROPOSAL_DECISION, PROPOSAL_ARTICLE, PROPOSAL_FACTS, NOTICE_TEXT),
      TASK_SUBMIT_REPORT, List.of(REPORT_YEAR));

  /** What was decided on the applicant's answer, told afterwards: the leaders' decision on a hearing (审定结果). */
  static final Map<String, List<String>> RESULTS = Map.of(TASK_SUBMIT_STATEMENT, List.of(LEADER_DECISION));

  /** What the applicant answered, as the staff of its area read it (Art. 6): the annual report's figures, the rectification report. */
  static final Map<String, List<String>> ANSWERS = Map.of(
      TASK_SUBMIT_REPORT, List.of(TRAINING_SESSIONS, TRAINEES, EVENTS_HELD, RESIDENT_MAKERS, RESIDENT_TEAMS,
          GRADUATED_TEAMS, FINANCING_AMOUNT, REPORT_SUMMARY),
      TASK_RECTIFY, List.of(RECTIFICATION_REPORT));

  /** The department of a step without a candidate group and not the applicant's: an expert's review. */
  static final String EXPERT_PANEL = "评审专家组";
  static final String APPLICANT = "本单位";
  /** The applicant as the staff name it. */
  static final String APPLICANT_FOR_STAFF = "申报单位";
  /** The engine's delete reason of a completed task (others ended by a timer or a cancellation). */
  static final String COMPLETED = "completed";

  private final ProcessEngine engine;
  private final MyApplications applications;

  public MyCases(ProcessEngine engine, MyApplications applications) {
    this.engine = engine;
    this.applications = applications;
  }

  /** The case {@code number} of the organisation {@code creditCode}; 404 when it has no such case. */
  public MyCase of(String number, String creditCode, String userId) {
    return read(number, creditCode, userId, false);
  }

  /**
   * The case of a certified space as the bureau of its area reads it (Art. 6, {@code county/}): the
   * same positive choice as the applicant's page, the applicant's steps named 申报单位 and its
   * answers (the annual reports' figures, the rectification reports) with them; null when the
   * certificate has no case here.
   */
  public MyCase ofSpace(String applicationNumber, String creditCode, String applicantUserId) {
    return read(applicationNumber, creditCode, applicantUserId, true);
  }

  private MyCase read(String number, String creditCode, String userId, boolean staff) {
    return WithoutAuthorization.call(engine, () -> {
      HistoryService history = engine.getHistoryService();
      HistoricProcessInstance certification = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(KEY).processInstanceBusinessKey(number).variableValueEquals(CREDIT_CODE, creditCode)
          .singleResult();
      if (certification == null && staff) {
        return null; // a certificate taken over from before this system: no case to show
      }
      if (certification == null) {
        throw new ApiRefusal(ProblemType.NOT_FOUND, "本单位没有编号为 " + number + " 的申请");
      }
      Set<String> keys = new LinkedHashSet<>(List.of(number));
      supervisionKey(certification.getId()).ifPresent(keys::add);
      List<HistoricTaskInstance> tasks = new ArrayList<>();
      for (String key : keys) {
        tasks.addAll(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key).list());
      }
      tasks.sort(Comparator.comparing(HistoricTaskInstance::getStartTime));
      VariableHistory variables = new VariableHistory(history);
      return new MyCase(applications.describe(certification, userId), filed(variables, certification.getId()),
          steps(tasks, userId, staff),
          requests(tasks, userId, variables, staff), assessments(tasks, variables));
    });
  }

  private Optional<String> supervisionKey(String certificationId) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricVariableInstanceQuery().processInstanceId(certificationId)
        .variableName(SUPERVISION_INSTANCE_ID).list().stream().findFirst()
        .map(v -> history.createHistoricProcessInstanceQuery().processInstanceId(String.valueOf(v.getValue())).singleResult())
        .map(HistoricProcessInstance::getBusinessKey);
  }

  /** The fields the applicant filed, as the last supplement left them (the inspection's local copies aside). */
  private static Map<String, Object> filed(VariableHistory variables, String certificationId) {
    Map<String, Object> filed = new LinkedHashMap<>();
    for (String name : APPLICATION_FIELDS) {
      Object value = variables.processValueAt(certificationId, name, VariableHistory.LATEST);
      if (value != null) {
        filed.put(name, value);
      }
    }
    return filed;
  }

  /**
   * The completed steps in order; the reviews of one panel are one step. The applicant is not told of
   * objections (docs/security.md, 我的申请): their checks are no steps of its page (an upheld one shows in
   * the outcome).
   */
  private List<Step> steps(List<HistoricTaskInstance> tasks, String userId, boolean staff) {
    List<HistoricTaskInstance> done = tasks.stream().filter(t -> t.getEndTime() != null && COMPLETED.equals(t.getDeleteReason()))
        .filter(t -> staff || !TASK_HANDLE_OBJECTION.equals(t.getTaskDefinitionKey()))
        .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime)).toList();
    List<Step> steps = new ArrayList<>();
    HistoricTaskInstance previous = null;
    for (HistoricTaskInstance task : done) {
      Step step = new Step(task.getName(), department(task, userId, staff), task.getEndTime().toInstant());
      if (previous != null && samePanel(previous, task)) {
        steps.set(steps.size() - 1, step);
      } else {
        steps.add(step);
      }
      previous = task;
    }
    return steps;
  }

  private static boolean samePanel(HistoricTaskInstance a, HistoricTaskInstance b) {
    return a.getProcessInstanceId().equals(b.getProcessInstanceId())
        && a.getTaskDefinitionKey().equals(b.getTaskDefinitionKey());
  }

  /** The department that did a step: its candidate group's name; the applicant; or the expert panel. */
  private String department(HistoricTaskInstance task, String userId, boolean staff) {
    if (userId.equals(task.getAssignee())) {
      return staff ? APPLICANT_FOR_STAFF : APPLICANT;
    }
    return engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
        .filter(id -> id != null).findFirst()
        .map(id -> engine.getIdentityService().createGroupQuery().groupId(id).singleResult())
        .map(Group::getName).orElse(EXPERT_PANEL);
  }

  /** The applicant's own tasks, each with what it was told when it was asked. */
  private List<Request> requests(List<HistoricTaskInstance> tasks, String userId, VariableHistory variables,
      boolean staff) {
    List<Request> requests = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      if (!userId.equals(task.getAssignee())) {
        continue;
      }
      Map<String, Object> notice = values(variables, task, NOTICES, task.getStartTime());
      notice.putAll(values(variables, task, RESULTS, VariableHistory.LATEST));
      boolean open = task.getEndTime() == null;
      Map<String, Object> answer = staff && COMPLETED.equals(task.getDeleteReason())
          ? values(variables, task, ANSWERS, task.getEndTime()) : Map.of();
      requests.add(new Request(task.getTaskDefinitionKey(), task.getName(), open ? task.getId() : null, notice, answer,
          task.getStartTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
          COMPLETED.equals(task.getDeleteReason()) ? task.getEndTime().toInstant() : null, open));
    }
    return requests;
  }

  /** The values at {@code time} of the variables that {@code names} lists for the task's kind; empty ones left out. */
  private static Map<String, Object> values(VariableHistory variables, HistoricTaskInstance task,
      Map<String, List<String>> names, Date time) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : names.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      Object value = variables.valueAt(task.getProcessInstanceId(), name, time);
      if (value != null && !"".equals(value)) {
        values.put(name, value instanceof Date date ? ReadableValues.dateTime(date) : value);
      }
    }
    return values;
  }

  /** The grade of each annual assessment the city bureau has concluded, with its report year. */
  private static List<Assessment> assessments(List<HistoricTaskInstance> tasks, VariableHistory variables) {
    List<Assessment> assessments = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      if (TASK_ASSESSMENT.equals(task.getTaskDefinitionKey()) && COMPLETED.equals(task.getDeleteReason())) {
        Object grade = variables.valueAt(task.getProcessInstanceId(), ASSESSMENT_GRADE, task.getEndTime());
        assessments.add(new Assessment(variables.valueAt(task.getProcessInstanceId(), REPORT_YEAR, task.getEndTime()),
            grade == null ? null : grade.toString(), task.getEndTime().toInstant()));
      }
    }
    return assessments;
  }
}
