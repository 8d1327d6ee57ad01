package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the auditor tests: the real application on a random port with the job executor off, and
 * one set of certification instances per application context, created once by the demo users whose
 * work it is (so history has tasks, claims, comments, decisions and operation log entries).
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
abstract class AbstractAuditTest extends AbstractHttpTest {

  private static final Map<ProcessEngine, AuditData> DATA = new IdentityHashMap<>();

  @Autowired
  protected ProcessEngine engine;

  protected AuditData data;

  @BeforeEach
  void createDataOnce() {
    synchronized (DATA) {
      data = DATA.computeIfAbsent(engine, AbstractAuditTest::create);
    }
  }

  private static AuditData create(ProcessEngine engine) {
    CertificationDriver driver = new CertificationDriver(engine);
    ProcessInstance finished = driver.rejectedByBureau("朔城青年创客空间");
    ProcessInstance atFirstReview = driver.apply(CertificationDriver.namedApplication("马邑科创工场"));
    ProcessInstance inNotice = driver.inPublicNoticeAsStaff("桑干河众创空间");
    ProcessInstance certified = driver.certifiedAsStaff("右玉生态创客工坊");
    HistoricVariableInstance supervision = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(certified.getId()).variableName("supervisionInstanceId").singleResult();
    Job noticeTimer = engine.getManagementService().createJobQuery().processInstanceId(inNotice.getId())
        .timers().singleResult();
    String taskId = driver.task(atFirstReview.getId(), "firstReview").getId();
    String taskComment = driver.as("shuocheng1", () -> engine.getTaskService()
        .createComment(taskId, atFirstReview.getId(), "请核实租赁合同。").getId());
    String standaloneTask = driver.as("admin", () -> {
      var task = engine.getTaskService().newTask();
      task.setName("年度检查准备");
      engine.getTaskService().saveTask(task);
      return task.getId();
    });
    return new AuditData(finished.getId(), finished.getBusinessKey(), atFirstReview.getId(),
        atFirstReview.getBusinessKey(), taskId, taskComment, standaloneTask, inNotice.getId(),
        inNotice.getBusinessKey(), noticeTimer.getId(), finished.getProcessDefinitionId(), certified.getId(),
        supervision == null ? null : (String) supervision.getValue());
  }

  /** The ids the tests work with ({@code supervisionId} is null while the supervision model is not deployed). */
  record AuditData(
      String finishedId,
      String finishedKey,
      String runningId,
      String runningKey,
      String taskId,
      String taskCommentId,
      String standaloneTaskId,
      String noticeId,
      String noticeKey,
      String timerJobId,
      String definitionId,
      String certifiedId,
      String supervisionId) {}
}
