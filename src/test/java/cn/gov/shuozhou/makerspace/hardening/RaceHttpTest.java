package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two people act on the same task at the same moment, over {@code /engine-rest}, 100 times each:
 * exactly one wins every time, the other gets a Chinese 409 (or 404 when the task was already
 * gone), and history shows the work done exactly once. Parallel experts finishing the same panel
 * at the same instant may collide; the loser gets 409, retries and succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceHttpTest extends HardeningHttpTest {

  private static final int ROUNDS = 100;
  private ExecutorService pool;

  @BeforeAll
  void startThreads() {
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void twoInspectorsClaimTheSameTaskAtTheSameMoment() throws Exception {
    int conflicts = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Task task = fixtures.waitingAt(TASK_INSPECTION, "shuocheng");
      String path = "/task/" + task.getId() + "/claim";
      List<HttpResponse<String>> answers = race(
          () -> rest("inspector1").post(path, "{\"userId\":\"inspector1\"}"),
          () -> rest("inspector2").post(path, "{\"userId\":\"inspector2\"}"));

      List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() == 204).toList();
      List<HttpResponse<String>> lost = answers.stream().filter(r -> r.statusCode() != 204).toList();
      assertThat(won).as("round %d: %s", round, bodies(answers)).hasSize(1);
      assertThat(lost.get(0).statusCode()).as(lost.get(0).body()).isEqualTo(409);
      assertChinese(lost.get(0));
      conflicts++;

      String winner = answers.get(0).statusCode() == 204 ? "inspector1" : "inspector2";
      Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(after.getAssignee()).isEqualTo(winner);
      List<UserOperationLogEntry> claims = engine.getHistoryService().createUserOperationLogQuery()
          .taskId(task.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list();
      assertThat(claims).as("claims recorded for round %d", round).hasSize(1);
      assertThat(claims.get(0).getUserId()).isEqualTo(winner);
    }
    assertThat(conflicts).isEqualTo(ROUNDS);
  }

  @Test
  void oneReviewerCompletesTheSameTaskTwiceAtTheSameMoment() throws Exception {
    int conflicts = 0;
    int gone = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Task task = fixtures.waitingAt(TASK_FIRST_REVIEW, "pinglu");
      String path = "/task/" + task.getId() + "/complete";
      String body = engineVariables(Map.of(FIRST_REVIEW_DECISION, "approve"));
      List<HttpResponse<String>> answers = race(
          () -> rest("pinglu1").post(path, body),
          () -> rest("pinglu1").post(path, body));

      List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() == 204).toList();
      List<HttpResponse<String>> lost = answers.stream().filter(r -> r.statusCode() != 204).toList();
      assertThat(won).as("round %d: %s", round, bodies(answers)).hasSize(1);
      assertThat(lost.get(0).statusCode()).as(lost.get(0).body()).isIn(404, 409);
      assertChinese(lost.get(0));
      if (lost.get(0).statusCode() == 409) {
        conflicts++;
      } else {
        gone++;
      }

      String pi = task.getProcessInstanceId();
      var history = engine.getHistoryService();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey(TASK_FIRST_REVIEW)
          .finished().count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_INSPECTION)
          .count()).as("the process went on exactly once").isEqualTo(1);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi)
          .variableName(FIRST_REVIEW_DECISION).count()).isEqualTo(1);
      assertThat(history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list().stream()
          .filter(d -> FIRST_REVIEW_DECISION.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
              .getVariableName())).count())
          .as("the decision was written once").isEqualTo(1);
    }
    assertThat(conflicts + gone).isEqualTo(ROUNDS);
  }

  @Test
  void twoReviewersCompleteTheSameTaskAtTheSameMoment() throws Exception {
    Task task = fixtures.waitingAt(TASK_ORGANISE_EXPERTS, "shuocheng");
    // city1 and admin both may complete 组织专家评审; each proposes a different panel
    String path = "/task/" + task.getId() + "/complete";
    List<HttpResponse<String>> answers = race(
        () -> rest("city1").post(path, panel("expert1", "expert2", "expert3")),
        () -> rest("admin").post(path, panel("expert3", "expert4", "expert5")));
    assertThat(answers.stream().filter(r -> r.statusCode() == 204).count()).as(bodies(answers)).isEqualTo(1);
    HttpResponse<String> lost = answers.stream().filter(r -> r.statusCode() != 204).findFirst().orElseThrow();
    assertThat(lost.statusCode()).isIn(404, 409);
    assertChinese(lost);
    List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(TASK_EXPERT_REVIEW).list();
    assertThat(reviews).as("one panel of three, not two panels").hasSize(3);
  }

  @Test
  void parallelExpertsFinishingAtTheSameInstantAllCountOnce() throws Exception {
    int rounds = 25;
    int retried = 0;
    for (int round = 0; round < rounds; round++) {
      Task first = fixtures.waitingAt(TASK_EXPERT_REVIEW, "youyu");
      String pi = first.getProcessInstanceId();
      List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(TASK_EXPERT_REVIEW).list();
      assertThat(reviews).hasSize(3);
      List<Supplier<HttpResponse<String>>> calls = new ArrayList<>();
      for (Task review : reviews) {
        String score = engineVariables(Map.of(SCORE, 70.0 + reviews.indexOf(review) * 10, RECOMMEND, true,
            COMMENT, "同意"));
        calls.add(() -> rest(review.getAssignee()).post("/task/" + review.getId() + "/complete", score));
      }
      List<HttpResponse<String>> answers = race(calls);
      for (int i = 0; i < answers.size(); i++) {
        HttpResponse<String> answer = answers.get(i);
        if (answer.statusCode() == 409) {
          assertChinese(answer);
          retried++;
          answer = calls.get(i).get();
        }
        assertThat(answer.statusCode()).as("round %d expert %d: %s", round, i, answer.body()).isEqualTo(204);
      }
      var history = engine.getHistoryService();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi)
          .taskDefinitionKey(TASK_EXPERT_REVIEW).finished().count()).isEqualTo(3);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
          .activityId("aggregateExpertReviews").count()).as("aggregated once").isEqualTo(1);
      assertThat(engine.getRuntimeService().getVariable(pi, AVERAGE_SCORE)).isEqualTo(80.0);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(TASK_BUREAU_DECISION).count()).isEqualTo(1);
    }
    System.out.printf("parallel experts: %d rounds, %d completions lost a race and were retried%n", rounds, retried);
  }

  private static String panel(String... experts) {
    return "{\"variables\":{\"experts\":{\"type\":\"Json\",\"value\":\"" + JSON.valueToTree(List.of(experts))
        .toString().replace("\"", "\\\"") + "\"}}}";
  }

  @SafeVarargs
  private List<HttpResponse<String>> race(Supplier<HttpResponse<String>>... calls) throws Exception {
    return race(List.of(calls));
  }

  /** Runs the calls on separate threads released at the same instant; answers in call order. */
  private List<HttpResponse<String>> race(List<Supplier<HttpResponse<String>>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (Supplier<HttpResponse<String>> call : calls) {
      futures.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return call.get();
      }));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> f : futures) {
      answers.add(f.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static String bodies(List<HttpResponse<String>> answers) {
    return answers.stream().map(r -> r.statusCode() + " " + abbreviate(r.body())).toList().toString();
  }

  private static void assertChinese(HttpResponse<String> response) {
    String detail = json(response.body()).path("detail").asText();
    assertThat(detail).as(response.body()).containsPattern(CHINESE);
  }
}
