package cn.gov.shuozhou.makerspace.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Base of process tests: the whole application on an in-memory H2 with the demo identities, the
 * job executor off (tests run jobs themselves) and the engine clock under the test's control.
 * Process test coverage is recorded per test class (target/process-test-coverage/).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:process-${random.uuid};DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"
    })
@Import(ProcessEngineCoverageConfiguration.class)
public abstract class AbstractProcessTest {

  protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected HistoryService history;
  @Autowired protected ManagementService management;
  @Autowired protected IdentityService identity;

  @BeforeEach
  void initEngineAndClock() {
    BpmnAwareTests.init(engine);
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0)); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
    BpmnAwareTests.reset();
  }

  /** The InvalidInputException a call was refused with, unwrapped from the engine's exceptions. */
  protected static InvalidInputException refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    while (t != null && !(t instanceof InvalidInputException)) {
      t = t.getCause();
    }
    assertThat(t).as("refused with InvalidInputException").isNotNull();
    return (InvalidInputException) t;
  }

  protected static void setClock(LocalDateTime shanghaiTime) {
    ClockUtil.setCurrentTime(Date.from(shanghaiTime.atZone(SHANGHAI).toInstant()));
  }

  /** A fresh, valid unified social credit code, different in every call. */
  protected static String newCreditCode() {
    return Applications.newCreditCode();
  }

  /** Runs {@code work} as a user with the given groups, as Tasklist or REST would. */
  protected <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  protected <T> T asOperator(String user, java.util.function.Supplier<T> work) {
    return as(user, List.of(Groups.OPERATORS), work);
  }

  /**
   * The organisation account of the application's credit code files it, with the required
   * materials uploaded first ({@link CertificationDriver#apply(Map)}).
   */
  protected org.camunda.bpm.engine.runtime.ProcessInstance file(Map<String, Object> application) {
    return new CertificationDriver(engine).apply(application);
  }

  /** The organisation account (created on first use) that may file for the application's credit code. */
  protected String ownerOf(Map<String, Object> application) {
    return OrganisationAccounts.ownerOf(engine, (String) application.get(CertificationProcess.CREDIT_CODE));
  }

  protected Task task(String processInstanceId, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    assertThat(found).as("open task %s", taskKey).hasSize(1);
    return found.get(0);
  }

  protected void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(processInstanceId, taskKey).getId(), variables);
  }

  /**
   * Executes every job of the instance and of the instances it called (the sanction hearing) that is
   * due now or earlier, repeatedly, like the job executor would.
   */
  protected void runDueJobs(String processInstanceId) {
    for (int guard = 0; guard < 50; guard++) {
      Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1);
      List<Job> jobs = withCalledInstances(processInstanceId).stream()
          .flatMap(id -> management.createJobQuery().processInstanceId(id).list().stream()).toList();
      List<Job> due = jobs.stream().filter(j -> j.getDuedate() != null && j.getDuedate().before(now)).toList();
      List<Job> unscheduled = jobs.stream().filter(j -> j.getDuedate() == null).toList();
      if (due.isEmpty() && unscheduled.isEmpty()) {
        return;
      }
      for (Job j : unscheduled.isEmpty() ? due : unscheduled) {
        management.executeJob(j.getId());
      }
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }

  /** The instance and, transitively, the instances its call activities started. */
  protected List<String> withCalledInstances(String processInstanceId) {
    List<String> ids = new java.util.ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().forEach(p -> ids.add(p.getId()));
    }
    return ids;
  }

  /** The open task {@code taskKey} of the sanction hearing (Art. 8–10) that case {@code businessKey} called. */
  protected Task hearingTask(String businessKey, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processDefinitionKey(SanctionHearing.KEY)
        .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
    assertThat(found).as("open hearing task %s of %s", taskKey, businessKey).hasSize(1);
    return found.get(0);
  }

  /**
   * Runs the case's open hearing: the operator answers with {@code statement} (its 陈述申辩
   * variables), leader1 decides {@code leaderDecision} ({@code approve}/{@code reject}), and the
   * steps after the decision run.
   */
  protected void hear(String processInstanceId, String businessKey, Map<String, Object> statement,
      String leaderDecision) {
    tasks.complete(hearingTask(businessKey, SanctionHearing.TASK_SUBMIT_STATEMENT).getId(), statement);
    decideAsLeader(processInstanceId, businessKey, leaderDecision);
  }

  /** leader1 completes the hearing's 局领导审定处理决定; the steps after it run. */
  protected void decideAsLeader(String processInstanceId, String businessKey, String leaderDecision) {
    Task decision = hearingTask(businessKey, SanctionHearing.TASK_LEADER_DECISION);
    as("leader1", List.of(Groups.BUREAU_LEADERS), () -> {
      tasks.complete(decision.getId(), Map.of(SanctionHearing.LEADER_DECISION, leaderDecision,
          SanctionHearing.LEADER_COMMENT, SanctionHearing.APPROVE.equals(leaderDecision)
              ? "事实清楚，依据充分，同意处理建议" : "证据不足，不同意处理建议"));
      return null;
    });
    runDueJobs(processInstanceId);
  }

  /** The operator waives its statement; the leaders approve the proposal. */
  protected void hearAndApprove(String processInstanceId, String businessKey) {
    hear(processInstanceId, businessKey, Map.of(SanctionHearing.STATEMENT_WAIVED, true), SanctionHearing.APPROVE);
  }

  protected Object variable(String processInstanceId, String name) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).list();
    return v.stream().filter(h -> h.getActivityInstanceId() != null && h.getActivityInstanceId().equals(processInstanceId))
        .findFirst().or(() -> v.stream().findFirst()).map(h -> h.getValue()).orElse(null);
  }
}
