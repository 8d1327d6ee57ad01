package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 转办, 委派 and 交回, 退回, 已办 and 加签 through {@code /api}: exact fields, Chinese 400 naming the field, 403 for
 * anyone but the assignee or the city bureau, and nothing changed by a refusal.
 */
class TaskCommandsHttpTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  @Test
  void theAssigneeTransfersAnInspectionToAColleagueOfTheTeamWithAReason() throws Exception {
    Task inspection = claimedInspection("inspector1");

    HttpResponse<String> answer = post("inspector1", transfer(inspection), """
        {"assignee": "inspector2", "reason": "本人出差，请代为考察"}""");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("assignee").asText()).isEqualTo("inspector2");
    assertThat(task(inspection).getAssignee()).isEqualTo("inspector2");
    assertThat(engine.getTaskService().getTaskComments(inspection.getId()))
        .extracting(Comment::getUserId, Comment::getFullMessage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("inspector1", "转办给 inspector2：本人出差，请代为考察"));
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(inspection.getId())
        .operationType("Assign").userId("inspector1").count()).isEqualTo(1);
  }

  @Test
  void aTransferSentTwiceAtOnceHandsTheTaskOverOnceAndNeverFails() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // a double click on 转办: a race shows only sometimes, so several rounds
      for (int round = 0; round < 8; round++) {
        Task inspection = claimedInspection("inspector1");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return post("inspector1", transfer(inspection), """
                {"assignee": "inspector2", "reason": "本人出差，请代为考察"}""");
          }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
          statuses.add(r.statusCode());
          if (r.statusCode() == 409) {
            assertThat(r.body()).contains("已被他人同时处理");
          }
        }
        // the second finds the task no longer its own (403) or changed under it (409): never a 500
        assertThat(statuses).as("round %d", round).containsOnlyOnce(200).isSubsetOf(200, 403, 409);
        assertThat(task(inspection).getAssignee()).isEqualTo("inspector2");
        assertThat(engine.getTaskService().getTaskComments(inspection.getId())).as("one transfer recorded").hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondClaimIsToldWhoHoldsTheTaskByName() throws Exception {
    Task inspection = claimedInspection("inspector1");
    HttpResponse<String> late = rest("inspector2").post("/task/" + inspection.getId() + "/claim", """
        {"userId": "inspector2"}""");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).get("detail").asText()).contains("已由 考察小组组员一（inspector1） 认领");
    assertThat(task(inspection).getAssignee()).isEqualTo("inspector1");
  }

  @Test
  void theCityBureauMayTransferATaskItDoesNotHold() {
    Task inspection = claimedInspection("inspector1");

    HttpResponse<String> answer = post("city1", transfer(inspection), """
        {"assignee": "inspector2", "reason": "统一调度"}""");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(task(inspection).getAssignee()).isEqualTo("inspector2");
  }

  @Test
  void aTransferOutsideTheCandidateGroupOrWithBadFieldsIsRefusedAndChangesNothing() {
    Task inspection = claimedInspection("inspector1");

    assertRefused(post("inspector1", transfer(inspection), """
        {"assignee": "expert1", "reason": "请代办"}"""), 400, "assignee", "考察小组");
    assertRefused(post("inspector1", transfer(inspection), """
        {"assignee": "inspector2"}"""), 400, "reason", "转办理由");
    assertRefused(post("inspector1", transfer(inspection), """
        {"assignee": "inspector2", "reason": "请代办", "owner": "inspector1"}"""), 400, "owner", "");
    assertRefused(post("inspector1", transfer(inspection), """
        {"assignee": 7, "reason": "请代办"}"""), 400, "assignee", "文本");

    assertThat(task(inspection).getAssignee()).isEqualTo("inspector1");
    assertThat(engine.getTaskService().getTaskComments(inspection.getId())).isEmpty();
  }

  @Test
  void onlyTheAssigneeOrTheCityBureauMayTransferOrSendBack() {
    Task inspection = claimedInspection("inspector1");

    assertRefused(post("inspector2", transfer(inspection), """
        {"assignee": "inspector2", "reason": "我来办"}"""), 403, null, "只有任务的办理人");
    assertRefused(post("inspector2", sendBack(inspection), """
        {"reason": "退回"}"""), 403, null, "只有任务的办理人");
    assertRefused(post("inspector1", "/api/tasks/no-such-task/transfer", """
        {"assignee": "inspector2", "reason": "请代办"}"""), 404, null, "任务不存在");

    assertThat(task(inspection).getAssignee()).isEqualTo("inspector1");
  }

  @Test
  void theAssigneeIsOfferedTheColleaguesOfTheTaskByName() throws Exception {
    Task inspection = claimedInspection("inspector1");

    HttpResponse<String> answer = get("inspector1", "/api/tasks/" + inspection.getId() + "/colleagues");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode colleagues = json.readTree(answer.body());
    assertThat(colleagues.findValuesAsText("id")).contains("inspector2").doesNotContain("inspector1", "expert1");
    assertThat(colleagues.findValuesAsText("label")).anyMatch(label -> label.endsWith("（inspector2）")
        && !label.startsWith("inspector2"));
    assertRefused(get("inspector2", "/api/tasks/" + inspection.getId() + "/colleagues"), 403, null, "办理人");
    assertRefused(get("inspector1", "/api/tasks/" + inspection.getId() + "/colleagues?group=experts"), 400, "group", "group");
  }

  @Test
  void theHistoryOfATaskNamesItsPeopleForThoseWhoSeeIt() throws Exception {
    Task inspection = claimedInspection("inspector1");
    assertThat(post("inspector1", transfer(inspection), """
        {"assignee": "inspector2", "reason": "本人出差，请代为考察"}""").statusCode()).isEqualTo(200);

    HttpResponse<String> answer = get("inspector2", "/api/tasks/" + inspection.getId() + "/people");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode people = json.readTree(answer.body());
    assertThat(people.findValuesAsText("id")).containsExactly("inspector1", "inspector2");
    assertThat(people.findValuesAsText("label")).containsExactly("考察小组组员一", "考察小组组员二");
    assertRefused(get("expert1", "/api/tasks/" + inspection.getId() + "/people"), 404, null, "任务不存在");
    assertRefused(get("operator1", "/api/tasks/" + inspection.getId() + "/people"), 403, null, "无权");
    assertRefused(get("inspector2", "/api/tasks/" + inspection.getId() + "/people?user=inspector1"), 400, "user", "user");
  }

  @Test
  void theAssigneeSendsAnInspectionBackToFirstReview() throws Exception {
    Task inspection = claimedInspection("inspector1");

    assertThat(get("inspector1", sendBack(inspection)).body()).isEqualTo("{\"target\":\"初审\"}");
    assertRefused(get("inspector1", sendBack(inspection) + "?to=firstReview"), 400, "to", "to");
    assertRefused(post("inspector1", sendBack(inspection), "{}"), 400, "reason", "退回理由");
    assertThat(task(inspection)).isNotNull();
    HttpResponse<String> answer = post("inspector1", sendBack(inspection), """
        {"reason": "场地面积与申报明显不符"}""");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(task(inspection)).isNull();
    JsonNode done = rowOf(json.readTree(get("inspector1", "/api/tasks/done").body()), inspection.getId());
    assertThat(done.get("outcome").asText()).as("已办 lists the task sent back").isEqualTo("退回初审：场地面积与申报明显不符");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(inspection.getProcessInstanceId())
        .taskDefinitionKey(TASK_FIRST_REVIEW).count()).isEqualTo(1);
  }

  @Test
  void aFirstReviewCannotBeSentBack() {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");

    assertThat(get("shuocheng1", sendBack(review)).body()).isEqualTo("{\"target\":null}");
    assertThat(get("inspector1", sendBack(review)).body()).as("a task the user cannot see: nothing said of it")
        .isEqualTo("{\"target\":null}");
    assertRefused(post("shuocheng1", sendBack(review), """
        {"reason": "退回"}"""), 400, "taskId", "不能退回");
    assertThat(task(review)).isNotNull();
  }

  @Test
  void doneListsTheTasksTheUserCompletedWithTheirDecision() throws Exception {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    HttpResponse<String> completed = rest("shuocheng1").post("/task/" + review.getId() + "/complete", """
        {"variables": {"firstReviewDecision": {"value": "approve"}}}""");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    HttpResponse<String> done = get("shuocheng1", "/api/tasks/done");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonNode row = rowOf(json.readTree(done.body()), review.getId());
    assertThat(row.get("taskName").asText()).isEqualTo("初审");
    assertThat(row.get("outcome").asText()).isEqualTo("同意上报");
    assertThat(row.get("caseNumber").asText()).matches("SQ-\\d{4}-\\d{6}");
    assertThat(row.get("spaceName").asText()).isNotBlank();

    HttpResponse<String> others = get("inspector1", "/api/tasks/done");
    assertThat(others.body()).doesNotContain(review.getId());
  }

  @Test
  void whoCompletedATaskIsToldWhereTheCaseWentAndWhatTheyDecidedNobodyElse() throws Exception {
    Task review = firstReviewCompletedByShuocheng1("approve", "材料齐全，同意上报");
    String done = "/api/tasks/done/" + review.getId();

    HttpResponse<String> opened = get("shuocheng1", done);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode detail = json.readTree(opened.body());
    JsonNode where = detail.get("next");
    assertThat(where.get("ended").asBoolean()).isFalse();
    assertThat(where.get("steps").get(0).get("name").asText()).isEqualTo("实地考察");
    assertThat(where.get("steps").get(0).get("handledBy").asText()).isEqualTo("考察小组");
    assertThat(detail.get("task").get("outcome").asText()).isEqualTo("同意上报");
    assertThat(detail.get("values").toString()).contains("{\"name\":\"firstReviewDecision\",\"value\":\"approve\"}")
        .contains("材料齐全，同意上报").doesNotContain("card");
    assertThat(detail.get("task").get("caseNumber").asText()).matches("SQ-\\d{4}-\\d{6}");

    for (String other : List.of("inspector1", "city1")) {
      assertThat(get(other, done).statusCode()).as(other).isEqualTo(404);
    }
    assertThat(get("shuocheng1", "/api/tasks/done/0").statusCode()).isEqualTo(404);
    assertRefused(get("shuocheng1", done + "?full=1"), 400, "full", "full");
  }

  /** A first review of 朔城区 claimed and completed by shuocheng1 over REST with {@code decision}. */
  private Task firstReviewCompletedByShuocheng1(String decision, String comment) {
    Task review = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().claim(review.getId(), "shuocheng1");
    HttpResponse<String> completed = rest("shuocheng1").post("/task/" + review.getId() + "/complete",
        "{\"variables\": {\"firstReviewDecision\": {\"value\": \"" + decision + "\"}, "
            + "\"firstReviewComment\": {\"value\": \"" + comment + "\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    return review;
  }

  @Test
  void aRejectionIsToldAsTheEndTheCaseReached() throws Exception {
    Task review = firstReviewCompletedByShuocheng1("reject", "不符合申报条件");

    JsonNode where = json.readTree(get("shuocheng1", "/api/tasks/done/" + review.getId()).body()).get("next");
    assertThat(where.get("ended").asBoolean()).as(where.toString()).isTrue();
    assertThat(where.get("outcome").asText()).isEqualTo("初审未通过");
  }

  @Test
  void onlyTheCityBureauAddsAnExpertAndOnlyWithTheDeclaredFields() throws Exception {
    Task review = new CertificationDriver(engine).waitingAt(TASK_EXPERT_REVIEW, "shuocheng");
    String number = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).singleResult().getBusinessKey();
    String path = "/api/expert-panels/" + number + "/experts";

    assertRefused(post("leader1", path, """
        {"expert": "expert4", "reason": "补充"}"""), 403, null, "无权加签");
    assertRefused(post("city1", path, """
        {"expert": "expert4", "reason": "补充", "score": 90}"""), 400, "score", "");
    assertRefused(post("city1", path, """
        {"expert": "expert4"}"""), 400, "reason", "加签理由");
    assertRefused(post("city1", "/api/expert-panels/SQ-1999-000000/experts", """
        {"expert": "expert4", "reason": "补充"}"""), 404, null, "没有正在进行的专家评审");
    assertThat(reviews(review)).isEqualTo(3);
    String candidates = "/api/expert-panels/" + number + "/candidates";
    assertRefused(get("leader1", candidates), 403, null, "无权加签");
    assertRefused(get("city1", candidates + "?all=true"), 400, "all", "all");
    List<String> panel = engine.getTaskService().createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).list().stream().map(Task::getAssignee).toList();
    JsonNode offered = json.readTree(get("city1", candidates).body());
    assertThat(offered.findValuesAsText("id")).as("the experts not on the panel").contains("expert4")
        .doesNotContainAnyElementsOf(panel);
    assertThat(offered.findValuesAsText("label")).contains("评审专家四（expert4）");

    HttpResponse<String> added = post("city1", path, """
        {"expert": "expert4", "reason": "需补充财务专家意见"}""");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json.readTree(added.body()).get("assignee").asText()).isEqualTo("expert4");
    assertThat(reviews(review)).isEqualTo(4);
  }

  @Test
  void theInspectorDelegatesTheInspectionAndGetsItBackWithAReason() throws Exception {
    Task inspection = claimedInspection("inspector1");

    HttpResponse<String> delegated = post("inspector1", delegate(inspection), """
        {"assignee": "inspector2", "reason": "请先核实场地面积"}""");
    assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(200);
    Task out = task(inspection);
    assertThat(out.getAssignee()).isEqualTo("inspector2");
    assertThat(out.getOwner()).isEqualTo("inspector1");
    assertThat(out.getDelegationState()).isEqualTo(DelegationState.PENDING);

    // the owner cannot take it back early, the delegate cannot finish it for the owner
    assertRefused(post("inspector1", resolve(inspection), """
        {"reason": "收回"}"""), 403, null, "只有受委派的办理人 inspector2");
    assertRefused(rest("inspector2").post("/task/" + inspection.getId() + "/complete", """
        {"variables": {"inspectionComment": {"value": "现场查验"}}}"""), 400, "taskId", "须由其交回");
    assertThat(engine.getRuntimeService().getVariable(inspection.getProcessInstanceId(), "inspectionComment")).isNull();

    HttpResponse<String> back = post("inspector2", resolve(inspection), """
        {"reason": "面积已核实，与申报一致"}""");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    Task returned = task(inspection);
    assertThat(returned.getAssignee()).isEqualTo("inspector1");
    assertThat(returned.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
    assertThat(engine.getTaskService().getTaskComments(inspection.getId()))
        .extracting(Comment::getUserId, Comment::getFullMessage)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("inspector1", "委派给 inspector2：请先核实场地面积"),
            org.assertj.core.groups.Tuple.tuple("inspector2", "交回 inspector1：面积已核实，与申报一致"));
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(inspection.getId())
        .operationType("Delegate").userId("inspector1").count()).isPositive(); // one row per changed property
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(inspection.getId())
        .operationType("Resolve").userId("inspector2").count()).isPositive();
  }

  @Test
  void aDelegationOutsideTheTeamOrByAnotherThanTheAssigneeIsRefused() {
    Task inspection = claimedInspection("inspector1");

    assertRefused(post("inspector1", delegate(inspection), """
        {"assignee": "expert1", "reason": "请代办"}"""), 400, "assignee", "考察小组");
    assertRefused(post("inspector1", delegate(inspection), """
        {"assignee": "inspector2"}"""), 400, "reason", "委派事由");
    assertRefused(post("city1", delegate(inspection), """
        {"assignee": "inspector2", "reason": "请代办"}"""), 403, null, "只有任务的办理人");
    assertRefused(post("inspector1", resolve(inspection), """
        {"reason": "交回"}"""), 400, "taskId", "没有被委派");

    assertThat(task(inspection).getAssignee()).isEqualTo("inspector1");
    assertThat(task(inspection).getDelegationState()).isNull();
    assertThat(engine.getTaskService().getTaskComments(inspection.getId())).isEmpty();
  }

  /**
   * Camunda's resolve stores its variables without the task's complete listeners: on main an
   * inspector could write a negative measured area (or any declared field unchecked) with
   * {@code POST /engine-rest/task/{id}/resolve}, delegated or not. Now resolve only hands back a
   * delegation and carries no form data.
   */
  @Test
  void resolveCannotSkipTheFormChecks() {
    Task inspection = claimedInspection("inspector1");
    String pi = inspection.getProcessInstanceId();

    assertRefused(rest("inspector1").post("/task/" + inspection.getId() + "/resolve", """
        {"variables": {"measuredTotalArea": {"value": -5}}}"""), 400, "taskId", "没有被委派");
    assertThat(engine.getRuntimeService().getVariable(pi, "measuredTotalArea")).isNull();
    assertThat(task(inspection).getAssignee()).isEqualTo("inspector1");

    engine.getTaskService().delegateTask(inspection.getId(), "inspector2");
    assertRefused(rest("inspector2").post("/task/" + inspection.getId() + "/resolve", """
        {"variables": {"measuredTotalArea": {"value": -5}}}"""), 400, "measuredTotalArea", "不填写表单");
    assertRefused(rest("inspector2").post("/task/" + inspection.getId() + "/resolve", """
        {"variables": {"outcome": {"value": "CERTIFIED"}}}"""), 400, "outcome", "");
    assertRefused(rest("inspector1").post("/task/" + inspection.getId() + "/resolve", "{}"), 409, null, "inspector2");
    assertThat(engine.getRuntimeService().getVariables(pi, List.of("measuredTotalArea", "outcome"))).isEmpty();
    assertThat(task(inspection).getDelegationState()).isEqualTo(DelegationState.PENDING);
  }

  private long reviews(Task review) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).count();
  }

  private JsonNode rowOf(JsonNode rows, String taskId) {
    for (JsonNode row : rows) {
      if (taskId.equals(row.get("taskId").asText())) {
        return row;
      }
    }
    throw new AssertionError("task " + taskId + " not in " + rows);
  }

  private Task claimedInspection(String inspector) {
    Task inspection = new CertificationDriver(engine).waitingAt(TASK_INSPECTION, "shuocheng");
    engine.getTaskService().claim(inspection.getId(), inspector);
    return inspection;
  }

  private Task task(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
  }

  private static String transfer(Task task) {
    return "/api/tasks/" + task.getId() + "/transfer";
  }

  private static String delegate(Task task) {
    return "/api/tasks/" + task.getId() + "/delegate";
  }

  private static String resolve(Task task) {
    return "/api/tasks/" + task.getId() + "/resolve";
  }

  private static String sendBack(Task task) {
    return "/api/tasks/" + task.getId() + "/send-back";
  }

  private void assertRefused(HttpResponse<String> answer, int status, String field, String text) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).contains(text);
    if (field != null) {
      assertThat(answer.body()).contains("\"field\":\"" + field + "\"");
    }
  }

  private HttpResponse<String> post(String user, String path, String body) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String user, String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
        .header("Authorization", basic(user)).GET());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
