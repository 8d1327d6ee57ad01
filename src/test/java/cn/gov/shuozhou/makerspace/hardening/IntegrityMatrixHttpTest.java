package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each door accepts exactly its fields (DeclaredFieldsGuard): for every user task of both models,
 * an unknown variable, the variables the model computes, a value of the wrong type and a value
 * longer than the form allows are refused through complete, submit-form and resolve, as the user
 * who works on the task, with 400, a Chinese message naming the variable, and no change to the
 * instance; the start likewise through the engine's start, its submit-form and {@code /api/applications}.
 */
class IntegrityMatrixHttpTest extends HardeningHttpTest {

  private static final List<String> TASK_DOORS = List.of("complete", "submit-form", "resolve");
  private static final String START_FORM_PATH = "/process-definition/key/maker-space-certification/submit-form";

  @Autowired
  CertificateRegistry certificates;

  private Integrity integrity;
  private SupervisionFixtures supervision;

  @BeforeEach
  void helpers() {
    integrity = new Integrity(engine);
    supervision = new SupervisionFixtures(engine, certificates, fixtures);
  }

  static Stream<String> tasks() {
    return Integrity.allTasks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void aTaskAcceptsNothingButItsFormsFields(String modelAndTask) {
    String taskKey = modelAndTask.substring(modelAndTask.indexOf(':') + 1);
    Task task = modelAndTask.startsWith(Integrity.CERTIFICATION)
        ? fixtures.waitingAt(taskKey, "shuocheng") : supervision.waitingAt(taskKey);
    String user = Integrity.worker(taskKey);
    Set<String> writable = integrity.writable(task.getId());
    assertThat(writable).as("a task whose form lets its user write something").isNotEmpty();
    Map<String, Object> valid = modelAndTask.startsWith(Integrity.CERTIFICATION)
        ? CertificationDriver.validCompletion(taskKey) : SupervisionFixtures.validCompletion(taskKey);
    ObjectNode base = (ObjectNode) json(engineVariables(plain(valid))).get("variables");
    if (TASK_ORGANISE_EXPERTS.equals(taskKey)) {
      base.set(EXPERTS, typed(JSON.valueToTree(CertificationDriver.PANEL)));
    }
    Map<String, String> before = integrity.fingerprint(task.getProcessInstanceId());

    for (String door : TASK_DOORS) {
      String path = "/task/" + task.getId() + "/" + door;
      refused(user, path, with(base, "injectedFlag", typed(JSON.valueToTree(true))), Set.of("injectedFlag"));

      ObjectNode computed = base.deepCopy();
      Set<String> names = integrity.computed(task);
      names.forEach(name -> computed.set(name, typed(JSON.valueToTree(name.length()))));
      refused(user, path, computed, names);

      // wrong type and oversized: a single-value field gets JSON or a huge text, the list field a text or a huge list
      for (String field : writable) {
        boolean list = EXPERTS.equals(field);
        refused(user, path, with(base, field, list ? typed(JSON.valueToTree("expert1")) : jsonValue("{\"a\":1}")),
            Set.of(field));
        refused(user, path, with(base, field, typed(JSON.valueToTree(list ? List.of("e".repeat(5000))
            : "长".repeat(4_001)))), Set.of(field));
      }
      assertThat(integrity.fingerprint(task.getProcessInstanceId())).as("%s through %s", taskKey, door)
          .isEqualTo(before);
    }
  }

  @Test
  void theStartAcceptsNothingButTheApplicationsFields() {
    Map<String, Object> application = Applications.valid("shuocheng");
    ObjectNode base = (ObjectNode) json(engineVariables(application)).get("variables");
    Snapshot before = snapshot();

    for (String path : List.of(START_PATH, START_FORM_PATH)) {
      refused("operator1", path, with(base, "injectedFlag", typed(JSON.valueToTree(true))), Set.of("injectedFlag"));
      ObjectNode computed = base.deepCopy();
      Integrity.COMPUTED.forEach(name -> computed.set(name, typed(JSON.valueToTree(100))));
      refused("operator1", path, computed, Integrity.COMPUTED);
      refused("operator1", path, with(base, CREDIT_CODE, jsonValue("[\"91140600MA0000000X\"]")), Set.of(CREDIT_CODE));
      refused("operator1", path, with(base, SPACE_NAME, typed(JSON.valueToTree("空".repeat(101)))), Set.of(SPACE_NAME));
      refused("operator1", path, with(base, "junk", jsonValue("[\"" + "x".repeat(10 * 1024 * 1024) + "\"]")),
          Set.of("junk"));
    }

    // a start at an inner activity would skip the start event's intake altogether
    ObjectNode skipping = JSON.createObjectNode();
    skipping.set("variables", base);
    skipping.set("startInstructions", JSON.createArrayNode().add(JSON.createObjectNode()
        .put("type", "startBeforeActivity").put("activityId", TASK_BUREAU_DECISION)));
    HttpResponse<String> skipped = rest("operator1").post(START_PATH, skipping.toString());
    assertThat(skipped.statusCode()).as(abbreviate(skipped.body())).isEqualTo(403);
    assertThat(refusalText(skipped)).containsPattern(CHINESE);

    ObjectNode api = JSON.valueToTree(application);
    for (String name : Integrity.COMPUTED) {
      HttpResponse<String> r = apiApply("operator1", api.deepCopy().put(name, "100").toString());
      assertRefused(r, Set.of(name));
    }
    assertRefused(apiApply("operator1", api.deepCopy().put("applicationNumber", "SQ-2099-000001").toString()),
        Set.of("applicationNumber"));
    assertRefused(apiApply("operator1", api.deepCopy().put("injectedFlag", true).toString()), Set.of("injectedFlag"));
    assertRefused(apiApply("operator1", api.deepCopy().put(SPACE_NAME, "空".repeat(101)).toString()), Set.of(SPACE_NAME));

    assertThat(snapshot()).as("no instance, variable or reservation from a refused start").isEqualTo(before);
  }

  private void refused(String user, String path, ObjectNode variables, Set<String> names) {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    assertRefused(rest(user).post(path, body.toString()), names);
  }

  private static void assertRefused(HttpResponse<String> response, Set<String> names) {
    assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(400);
    String text = refusalText(response);
    assertThat(text).containsPattern(CHINESE);
    JsonNode errors = json(response.body()).path("errors");
    Set<String> fields = new TreeSet<>();
    errors.forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).as(text).containsAll(names);
  }

  private static ObjectNode with(ObjectNode base, String name, JsonNode value) {
    ObjectNode copy = base.deepCopy();
    copy.set(name, value);
    return copy;
  }

  private static ObjectNode jsonValue(String json) {
    ObjectNode typed = JSON.createObjectNode();
    typed.put("value", json);
    typed.put("type", "Json");
    return typed;
  }

  /** Completion values as plain JSON (an object value for the panel is sent as its JSON array instead). */
  private static Map<String, Object> plain(Map<String, Object> values) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.remove(EXPERTS);
    copy.remove(SupervisionProcess.POLICY);
    return copy;
  }
}
