package cn.gov.shuozhou.makerspace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A county reviewer sees only its county's tasks; an auditor reads every task but can neither
 * claim nor complete one. Uses a test-only process with one task for 朔城区 and one for 平鲁区.
 */
class TaskVisibilityTest extends AbstractHttpTest {

  private static final String PROCESS_KEY = "test-county-review-visibility";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  FilterService filterService;

  private String processInstanceId;

  @BeforeEach
  void startProcessAsAdmin() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
      repositoryService.createDeployment()
          .name("identity-test")
          .addClasspathResource("identity/county-review-visibility.bpmn")
          .deploy();
    }
    identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    try {
      processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void countyReviewerSeesOnlyTheTaskOfItsCounty() {
    assertThat(taskKeysVisibleTo("shuocheng1")).containsExactly("reviewShuocheng");
    assertThat(taskKeysVisibleTo("pinglu1")).containsExactly("reviewPinglu");
  }

  @Test
  void usersOfOtherGroupsSeeNoneOfTheseTasks() {
    for (String user : List.of("huairen1", "devzone1", "edu1", "city1", "operator1", "expert1",
        "ruleadmin1")) {
      assertThat(taskKeysVisibleTo(user)).as(user).isEmpty();
    }
  }

  @Test
  void countyReviewerCannotOpenAnotherCountysTask() {
    String pingluTask = taskId("reviewPinglu");

    assertThat(rest("shuocheng1").get("/task/" + pingluTask).statusCode()).isIn(403, 404);
    assertThat(rest("shuocheng1").post("/task/" + pingluTask + "/claim", "{\"userId\":\"shuocheng1\"}")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void countyReviewerCanClaimAndCompleteItsTask() {
    String task = taskId("reviewShuocheng");

    assertThat(rest("shuocheng1").post("/task/" + task + "/claim", "{\"userId\":\"shuocheng1\"}")
        .statusCode()).isEqualTo(204);
    assertThat(rest("shuocheng1").post("/task/" + task + "/complete", "{}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void auditorReadsEveryTaskButCannotClaimOrCompleteOne() {
    assertThat(taskKeysVisibleTo("auditor1"))
        .containsExactlyInAnyOrder("reviewShuocheng", "reviewPinglu");
    String task = taskId("reviewShuocheng");

    assertThat(rest("auditor1").get("/task/" + task).statusCode()).isEqualTo(200);
    assertThat(rest("auditor1").get("/task/" + task + "/variables").statusCode()).isEqualTo(200);
    assertThat(rest("auditor1").post("/task/" + task + "/claim", "{\"userId\":\"auditor1\"}")
        .statusCode()).isEqualTo(403);
    assertThat(rest("auditor1").post("/task/" + task + "/complete", "{}").statusCode())
        .isEqualTo(403);
    assertThat(rest("auditor1").post("/task/" + task + "/assignee", "{\"userId\":\"auditor1\"}")
        .statusCode()).isEqualTo(403);
    assertThat(rest("auditor1").get("/history/task?processInstanceId=" + processInstanceId)
        .statusCode()).isEqualTo(200);
    assertThat(rest("auditor1").delete("/process-instance/" + processInstanceId).statusCode())
        .isEqualTo(403);
  }

  @Test
  void tasklistFiltersShowTheReviewerItsGroupTasksAndThenItsOwn() {
    WebappSession tasklist = webapp();
    assertThat(tasklist.login("shuocheng1", "tasklist").statusCode()).isEqualTo(200);

    assertThat(filterTaskKeys(tasklist, TaskFilters.MY_GROUP_TASKS)).containsExactly("reviewShuocheng");
    assertThat(filterTaskKeys(tasklist, TaskFilters.MY_TASKS)).isEmpty();

    String task = taskId("reviewShuocheng");
    assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/claim",
        "{\"userId\":\"shuocheng1\"}").statusCode()).isEqualTo(204);

    assertThat(filterTaskKeys(tasklist, TaskFilters.MY_GROUP_TASKS)).isEmpty();
    assertThat(filterTaskKeys(tasklist, TaskFilters.MY_TASKS)).containsExactly("reviewShuocheng");
  }

  private List<String> filterTaskKeys(WebappSession session, String filterName) {
    String filterId = filterService.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    HttpResponse<String> response = session.post(
        "/camunda/api/engine/engine/default/filter/" + filterId + "/list",
        "{\"processInstanceId\":\"" + processInstanceId + "\"}");
    assertThat(response.statusCode()).as("filter %s", filterName).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    readJson(response.body()).forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
    return keys;
  }

  private List<String> taskKeysVisibleTo(String user) {
    HttpResponse<String> response = rest(user).get("/task?processInstanceId=" + processInstanceId);
    assertThat(response.statusCode()).as("task query of %s", user).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    readJson(response.body()).forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
    return keys;
  }

  private String taskId(String taskDefinitionKey) {
    HttpResponse<String> response = rest("admin").get(
        "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskDefinitionKey);
    return readJson(response.body()).get(0).get("id").asText();
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }
}
