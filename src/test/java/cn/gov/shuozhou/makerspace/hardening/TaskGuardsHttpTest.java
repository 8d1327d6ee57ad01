package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_ORGANISE_EXPERTS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TOTAL_AREA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's gaps around a task that security/ closes:
 * <ul>
 *   <li>comments and attachments have the permissions of their task (CommentAttachmentGuard): who
 *       may work on a task comments on it and reads its comments; who may only see it (the city
 *       bureau, through history) reads them; anyone else can neither read nor write them, over
 *       REST or the Java API, and a refused request creates nothing;
 *   <li>a claimed task is completed by the one who claimed it (ClaimedTaskGuard);
 *   <li>an application's data changes through its forms only: the city bureau, which may correlate
 *       messages, can neither set variables nor modify instances (InstanceDataGuard);
 *   <li>who may not run a job cannot use up its retries by trying (RefusedJobExecutionGuard).
 * </ul>
 */
class TaskGuardsHttpTest extends HardeningHttpTest {

  private static final List<String> SHUOCHENG = List.of(Groups.COUNTY_SHUOCHENG);
  private static final List<String> PINGLU = List.of(Groups.COUNTY_PINGLU);

  private TaskService tasks;
  private Task task;

  @BeforeEach
  void taskOfShuocheng() {
    tasks = engine.getTaskService();
    task = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
  }

  @Test
  void theCountyReviewerCommentsOnTheTaskInTasklistAndReadsTheCommentsAfterwards() {
    String path = "/task/" + task.getId() + "/comment";
    HttpResponse<String> created = rest("shuocheng1").post(path + "/create", "{\"message\":\"材料齐全，建议通过\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(rest("shuocheng1").get(path).body()).contains("材料齐全，建议通过");

    // the county's own history of the task stays readable once it is done; another county's is not
    tasks.complete(task.getId(), CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
    assertThat(rest("shuocheng1").get(path).body()).contains("材料齐全，建议通过");
    assertThat(rest("shuocheng1").get("/history/task?taskId=" + task.getId()).body()).contains(task.getId());
    assertThat(rest("pinglu1").get("/history/task?taskId=" + task.getId()).body()).isEqualTo("[]");
  }

  @Test
  void theCityBureauCommentsOnItsOwnTaskOverRest() {
    Task organise = fixtures.waitingAt(TASK_ORGANISE_EXPERTS, "shuocheng");
    String path = "/task/" + organise.getId() + "/comment";
    HttpResponse<String> created = rest("city1").post(path + "/create", "{\"message\":\"拟邀请三位专家\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

    HttpResponse<String> read = rest("city1").get(path);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("拟邀请三位专家");
  }

  @Test
  void nobodyWritesIntoATaskTheyMayNotWorkOnOverRest() {
    tasks.createComment(task.getId(), task.getProcessInstanceId(), "朔城区内部意见");
    String path = "/task/" + task.getId() + "/comment";

    // the city bureau may read the history of every application, but the county's task is not its work
    HttpResponse<String> city = rest("city1").post(path + "/create", "{\"message\":\"越权评论\"}");
    assertThat(city.statusCode()).as(city.body()).isEqualTo(403);
    assertThat(rest("city1").get(path).body()).contains("朔城区内部意见");

    // another county sees neither the task nor its comments (Camunda answers a comment on a task
    // the user cannot see with 400 "No task found")
    HttpResponse<String> created = rest("pinglu1").post(path + "/create", "{\"message\":\"越权评论\"}");
    assertThat(created.statusCode()).as(created.body()).isIn(400, 403, 404);
    HttpResponse<String> read = rest("pinglu1").get(path);
    assertThat(read.statusCode()).as(read.body()).isIn(403, 404);
    assertThat(read.body()).doesNotContain("朔城区内部意见");

    assertThat(tasks.getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
        .containsExactly("朔城区内部意见");
  }

  @Test
  void theJavaApiChecksCommentsAndAttachmentsToo() {
    String taskId = task.getId();
    String pi = task.getProcessInstanceId();
    Attachment own = as("shuocheng1", SHUOCHENG, () -> tasks.createAttachment("text/plain", taskId, pi, "现场照片说明",
        "现场照片说明", new ByteArrayInputStream("照片".getBytes(StandardCharsets.UTF_8))));
    as("shuocheng1", SHUOCHENG, () -> tasks.createComment(taskId, pi, "已核对"));
    assertThat(as("shuocheng1", SHUOCHENG, () -> tasks.getTaskComments(taskId))).hasSize(1);
    assertThat(as("shuocheng1", SHUOCHENG, () -> tasks.getTaskAttachments(taskId))).hasSize(1);
    assertThat(as("shuocheng1", SHUOCHENG, () -> tasks.getAttachment(own.getId()))).isNotNull();

    String commentId = tasks.getTaskComments(taskId).get(0).getId();
    Attachment renamed = tasks.getAttachment(own.getId());
    renamed.setName("改名");
    List<Supplier<Object>> refused = List.of(
        () -> tasks.createComment(taskId, pi, "越权评论"),
        () -> tasks.createAttachment("text/plain", taskId, pi, "越权附件", "", "https://example.org/x"),
        () -> tasks.getTaskComments(taskId),
        () -> tasks.getTaskComment(taskId, commentId),
        () -> tasks.getTaskAttachments(taskId),
        () -> tasks.getTaskAttachment(taskId, own.getId()),
        () -> tasks.getTaskAttachmentContent(taskId, own.getId()),
        () -> tasks.getAttachment(own.getId()),
        () -> tasks.getAttachmentContent(own.getId()),
        () -> tasks.getProcessInstanceComments(pi),
        () -> tasks.getProcessInstanceAttachments(pi),
        () -> {
          tasks.deleteAttachment(own.getId());
          return null;
        },
        () -> {
          tasks.deleteTaskAttachment(taskId, own.getId());
          return null;
        },
        () -> {
          tasks.saveAttachment(renamed);
          return null;
        });
    for (int i = 0; i < refused.size(); i++) {
      Supplier<Object> call = refused.get(i);
      assertThatThrownBy(() -> as("pinglu1", PINGLU, call)).as("call %d", i).isInstanceOf(AuthorizationException.class);
    }

    // nothing changed; the engine's own work (no user) is not checked
    assertThat(tasks.getTaskComments(taskId)).extracting(c -> c.getFullMessage()).containsExactly("已核对");
    assertThat(tasks.getTaskAttachments(taskId)).extracting(Attachment::getName).containsExactly("现场照片说明");
  }

  @Test
  void aClaimedTaskIsCompletedOnlyByTheOneWhoClaimedIt() {
    Task inspection = fixtures.waitingAt(TASK_INSPECTION, "shuocheng");
    String path = "/task/" + inspection.getId();
    assertThat(rest("inspector1").post(path + "/claim", "{\"userId\":\"inspector1\"}").statusCode()).isEqualTo(204);
    String completion = engineVariables(CertificationDriver.validCompletion(TASK_INSPECTION));

    HttpResponse<String> other = rest("inspector2").post(path + "/complete", completion);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(other.body()).contains("inspector1").contains("认领");
    assertThat(tasks.createTaskQuery().taskId(inspection.getId()).count()).isEqualTo(1);

    HttpResponse<String> claimant = rest("inspector1").post(path + "/complete", completion);
    assertThat(claimant.statusCode()).as(claimant.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(inspection.getId()).count()).isZero();
  }

  @Test
  void anAdministratorMayCompleteATaskClaimedBySomeoneElse() {
    Task review = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    tasks.claim(review.getId(), "shuocheng1");
    as("admin", List.of(Groups.CAMUNDA_ADMIN), () -> {
      tasks.complete(review.getId(), CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
      return null;
    });
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  @Test
  void theCityBureauCannotChangeAnApplicationsValuesInCockpitOrOverTheJavaApi() {
    String id = task.getProcessInstanceId();
    Object area = engine.getRuntimeService().getVariable(id, TOTAL_AREA);
    WebappSession cockpit = webapp();
    assertThat(cockpit.login("city1", "cockpit").statusCode()).isEqualTo(200);
    String instance = "/camunda/api/engine/engine/default/process-instance/" + id;
    assertThat(cockpit.get(instance + "/variables").statusCode()).isEqualTo(200); // reading stays allowed

    HttpResponse<String> set = cockpit.post(instance + "/variables",
        "{\"modifications\": {\"" + TOTAL_AREA + "\": {\"value\": 99999, \"type\": \"Double\"}}}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(403);
    assertThat(set.body()).contains("无权");
    HttpResponse<String> moved = cockpit.post(instance + "/modification",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + TASK_FIRST_REVIEW + "\"}]}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
    assertThatThrownBy(() -> as("city1", List.of(Groups.CITY_BUREAU), () -> {
      engine.getRuntimeService().removeVariable(id, TOTAL_AREA);
      return null;
    })).isInstanceOf(AuthorizationException.class).hasMessageContaining("camunda-admin");

    assertThat(engine.getRuntimeService().getVariable(id, TOTAL_AREA)).isEqualTo(area);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    // a system administrator may repair data
    as("admin", List.of(Groups.CAMUNDA_ADMIN), () -> {
      engine.getRuntimeService().setVariable(id, "repairNote", "数据修复");
      return null;
    });
    assertThat(engine.getRuntimeService().getVariable(id, "repairNote")).isEqualTo("数据修复");
  }

  @Test
  void aRefusedJobExecutionLeavesTheJobAlone() {
    ProcessInstance notice = fixtures.inPublicNotice("shuocheng");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(notice.getId()).timers().singleResult();
    int retries = timer.getRetries();
    for (String user : List.of("shuocheng1", "operator1", "expert1", "shuocheng1", "inspector1")) {
      HttpResponse<String> r = rest(user).post("/job/" + timer.getId() + "/execute", "");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    }
    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).as("retries").isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(notice.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(timer.getId()).failureLog().count()).isZero();
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
