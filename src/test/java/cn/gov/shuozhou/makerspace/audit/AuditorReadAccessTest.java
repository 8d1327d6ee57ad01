package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.gov.shuozhou.makerspace.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auditors read everything the history views show, on {@code /engine-rest} and through their
 * Cockpit session: the historic instance, activity instances with assignees, tasks, variables and
 * their changes, every decision with inputs, outputs and its definition's version, the user
 * operation log, task comments, the diagram, and the linked supervision instance. And they reach
 * Cockpit with our history plugin.
 */
class AuditorReadAccessTest extends AbstractAuditTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One read: label, path (placeholders as in AuditorWriteRefusedTest), POST body or null, check. */
  record Read(String label, String path, String body, BiPredicate<JsonNode, AuditData> check) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Read> reads() {
    return List.of(
        new Read("the historic instance", "/history/process-instance/{finished}", null,
            (json, data) -> "COMPLETED".equals(json.get("state").asText())),
        new Read("the historic instance list filtered by outcome and county (POST query)",
            "/history/process-instance?firstResult=0&maxResults=50",
            "{\"processDefinitionKey\":\"maker-space-certification\",\"variables\":[{\"name\":\"outcome\","
                + "\"operator\":\"eq\",\"value\":\"REJECTED\"},{\"name\":\"county\",\"operator\":\"eq\","
                + "\"value\":\"shuocheng\"}],\"sorting\":[{\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}]}",
            (json, data) -> contains(json, "id", data.finishedId())),
        new Read("the count of that list", "/history/process-instance/count",
            "{\"processDefinitionKey\":\"maker-space-certification\",\"variables\":[{\"name\":\"outcome\","
                + "\"operator\":\"eq\",\"value\":\"REJECTED\"}]}",
            (json, data) -> json.get("count").asLong() >= 1),
        new Read("activity instances with the assignees of user tasks",
            "/history/activity-instance?processInstanceId={finished}&sortBy=startTime&sortOrder=asc", null,
            (json, data) -> contains(json, "assignee", "shuocheng1") && contains(json, "assignee", "leader1")),
        new Read("activity instances (POST query, as the page sends it)",
            "/history/activity-instance?firstResult=0&maxResults=500",
            "{\"processInstanceId\":\"{finished}\",\"sorting\":[{\"sortBy\":\"startTime\",\"sortOrder\":\"asc\"},"
                + "{\"sortBy\":\"occurrence\",\"sortOrder\":\"asc\"}]}",
            (json, data) -> contains(json, "activityId", "bureauDecision")),
        new Read("historic tasks", "/history/task?processInstanceId={finished}", null,
            (json, data) -> contains(json, "taskDefinitionKey", "expertReview")),
        new Read("historic variables", "/history/variable-instance?processInstanceId={finished}"
            + "&deserializeValues=false", null, (json, data) -> contains(json, "value", "REJECTED")),
        new Read("the variables of a page of instances (POST query)",
            "/history/variable-instance?deserializeValues=false&maxResults=100",
            "{\"processInstanceIdIn\":[\"{finished}\"],\"variableNameIn\":[\"outcome\",\"county\",\"spaceName\"]}",
            (json, data) -> json.size() >= 3),
        new Read("variable changes (historic details)",
            "/history/detail?processInstanceId={finished}&variableUpdates=true&deserializeValues=false", null,
            (json, data) -> contains(json, "variableName", "bureauDecision")),
        new Read("decisions with inputs and outputs",
            "/history/decision-instance?processInstanceId={finished}&includeInputs=true&includeOutputs=true"
                + "&disableCustomObjectDeserialization=true", null,
            (json, data) -> contains(json, "decisionDefinitionKey", "expert-conclusion")
                && contains(json, "decisionDefinitionKey", "first-review-routing")
                && StreamSupport.stream(json.spliterator(), false).allMatch(d -> d.get("inputs").isArray()
                    && d.get("decisionDefinitionId").asText().contains(":"))),
        new Read("the versions of decision definitions", "/decision-definition?key=first-review-routing", null,
            (json, data) -> json.get(0).get("version").asInt() >= 1),
        new Read("the user operation log", "/history/user-operation?processInstanceId={finished}", null,
            (json, data) -> contains(json, "operationType", "Claim") && contains(json, "operationType", "Complete")
                && contains(json, "userId", "shuocheng1")),
        new Read("comments of a completed task", "/task/{finishedReviewTask}/comment", null,
            (json, data) -> contains(json, "message", "申请材料齐全，同意进入实地考察。")),
        new Read("comments of a running instance", "/process-instance/{running}/comment", null,
            (json, data) -> contains(json, "message", "请核实租赁合同。")),
        new Read("the diagram", "/process-definition/{definition}/xml", null,
            (json, data) -> json.get("bpmn20Xml").asText().contains("firstReview")),
        new Read("historic incidents", "/history/incident?processInstanceId={finished}", null, (json, data) -> json.isArray()),
        new Read("the running instance and its task", "/task?processInstanceId={running}", null,
            (json, data) -> contains(json, "taskDefinitionKey", "firstReview")));
  }

  static Stream<Arguments> readsOnBothChannels() {
    List<Arguments> cases = new ArrayList<>();
    for (String channel : List.of("engine-rest", "webapp")) {
      for (Read read : reads()) {
        cases.add(Arguments.of(channel, read));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("readsOnBothChannels")
  void theAuditorReads(String channelName, Read read) throws Exception {
    HttpChannel channel = "webapp".equals(channelName)
        ? HttpChannel.webapp(port, "auditor1")
        : HttpChannel.engineRest(port, "auditor1");

    HttpResponse<String> response = read.body() == null
        ? channel.get(resolve(read.path()))
        : channel.send(resolve(read.path()), "POST", resolve(read.body()));

    assertThat(response.statusCode()).as("%s: %s", read.label(), response.body()).isEqualTo(200);
    assertThat(read.check().test(JSON.readTree(response.body()), data)).as("%s: %s", read.label(), response.body())
        .isTrue();
  }

  @Test
  void theCertificationAndItsSupervisionPointAtEachOther() throws Exception {
    assumeThat(data.supervisionId()).as("supervision model deployed").isNotNull();
    HttpChannel rest = HttpChannel.engineRest(port, "auditor1");

    JsonNode supervision = JSON.readTree(rest.get("/history/process-instance/" + data.supervisionId()).body());
    JsonNode back = JSON.readTree(rest.get("/history/variable-instance?processInstanceId=" + data.supervisionId()
        + "&variableName=certificationInstanceId").body());
    JsonNode certificate = JSON.readTree(rest.get("/history/variable-instance?processInstanceId="
        + data.certifiedId() + "&variableName=certificateNumber").body());

    assertThat(supervision.get("processDefinitionKey").asText()).isEqualTo("maker-space-supervision");
    assertThat(supervision.get("businessKey").asText()).isEqualTo(certificate.get(0).get("value").asText());
    assertThat(back.get(0).get("value").asText()).isEqualTo(data.certifiedId());
  }

  @Test
  void theAuditorLogsIntoCockpitWhichLoadsTheHistoryPlugin() {
    HttpChannel session = HttpChannel.webapp(port, "auditor1");

    HttpResponse<String> user = session.sendAbsolute("/camunda/api/admin/auth/user/default", "GET", null, null);
    HttpResponse<String> cockpit = session.sendAbsolute("/camunda/app/cockpit/default/", "GET", null, null);
    HttpResponse<String> config = session.sendAbsolute("/camunda/app/cockpit/scripts/config.js", "GET", null, null);

    assertThat(user.body()).contains("\"userId\":\"auditor1\"").contains("\"cockpit\"");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("customScripts").contains("scripts/history/plugin");
    for (String module : List.of("plugin.js", "api.js", "dom.js", "format.js", "labels.js", "definition-tab.js",
        "instance-page.js", "instance-data.js", "diagram.js", "search.js", "history.css")) {
      HttpResponse<String> file = session.sendAbsolute("/camunda/app/cockpit/scripts/history/" + module, "GET",
          null, null);
      assertThat(file.statusCode()).as(module).isEqualTo(200);
      assertThat(file.body()).as(module).isNotBlank();
    }
  }

  @Test
  void theCockpitHistoryNamesThePeopleOfACaseTheCallerMayReadToAuditorsToo() throws Exception {
    String people = "/api/history/process-instances/" + data.finishedId() + "/people";
    HttpResponse<String> named = HttpChannel.webapp(port, "auditor1").sendAbsolute(people, "GET", null, null);

    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(named.body());
    assertThat(contains(list, "label", "朔城区审核员一")).as("the first reviewer: %s", named.body()).isTrue();
    assertThat(contains(list, "label", "局领导一")).as("the leader who decided: %s", named.body()).isTrue();
    assertThat(contains(list, "id", "auditor1")).as("nobody the history does not name").isFalse();

    assertThat(basic("operator1", people).statusCode()).as("an organisation account").isEqualTo(403);
    assertThat(basic("auditor1", "/api/history/process-instances/no-such-instance/people").statusCode())
        .as("no such case").isEqualTo(404);
    HttpResponse<String> parameter = basic("auditor1", people + "?user=shuocheng1");
    assertThat(parameter.statusCode()).isEqualTo(400);
    assertThat(parameter.body()).contains("user");
  }

  /** GET {@code path} with HTTP Basic as a demo user (password = user id). */
  private HttpResponse<String> basic(String user, String path) {
    return Http.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET());
  }

  private static boolean contains(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .anyMatch(element -> element.has(field) && value.equals(element.get(field).asText()));
  }

  private String resolve(String template) {
    if (template == null) {
      return null;
    }
    String reviewTask = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(data.finishedId()).taskDefinitionKey("firstReview").singleResult().getId();
    return template.replace("{finished}", data.finishedId())
        .replace("{running}", data.runningId())
        .replace("{definition}", data.definitionId())
        .replace("{finishedReviewTask}", reviewTask);
  }
}
