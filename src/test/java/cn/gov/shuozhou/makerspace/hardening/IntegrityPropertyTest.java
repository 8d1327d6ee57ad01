package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random variable maps sent to random open tasks of both models, as random demo users, through a
 * random door (complete, submit-form, resolve): a computed variable never changes except through
 * the model. A request naming anything the task's form does not let its user write is refused,
 * and every refused request leaves the instance exactly as it was.
 *
 * <p>The inputs come from a seeded {@link Random}: a failure names its try and is reproduced by the
 * same seed.
 */
class IntegrityPropertyTest extends HardeningHttpTest {

  private static final List<String> TASKS = List.of("certification:" + TASK_FIRST_REVIEW,
      "certification:" + TASK_SUPPLEMENT, "certification:" + TASK_EXPERT_REVIEW, "certification:" + TASK_ORGANISE_EXPERTS,
      "supervision:" + SupervisionProcess.TASK_ASSESSMENT, "supervision:" + SupervisionProcess.TASK_SUBMIT_REPORT);
  private static final List<String> USERS = List.of("operator1", "operator2", "shuocheng1", "pinglu1", "inspector1",
      "city1", "expert1", "expert2", "leader1", "auditor1", "admin");
  private static final List<String> DOORS = List.of("complete", "submit-form", "resolve");
  private static final List<String> NAMES = List.of(FIRST_REVIEW_DECISION, FIRST_REVIEW_COMMENT, SCORE, RECOMMEND, COMMENT,
      EXPERTS, WITHDRAWN, TOTAL_AREA, CREDIT_CODE, SupervisionProcess.REPORT_CONFIRMED,
      SupervisionProcess.TRAINING_SESSIONS, SupervisionProcess.REPORT_SUMMARY, POLICY, OUTCOME, AVERAGE_SCORE,
      EXPERT_PASSED, CERTIFICATE_NUMBER, APPLICANT, SupervisionProcess.ASSESSMENT_GRADE,
      SupervisionProcess.ASSESSMENT_SCORE, "reviewGroup", "minExperts", "validUntil");

  /** Open tasks by model:taskKey, replaced when a random request happened to complete one. */
  private static final Map<String, Task> OPEN = new HashMap<>();

  @Autowired
  CertificateRegistry certificates;

  private static final long SEED = 20261205L;
  private static final int TRIES = 40;
  private static final List<String> KNOWN_VALUES = List.of("approve", "reject", "excellent", "unqualified", "expert1");
  private static final List<String> TYPES = List.of("", "String", "Json", "Object", "Long", "Double", "Boolean");

  private final Random random = new Random(SEED);

  @Test
  void noComputedVariableChangesExceptThroughTheModel() {
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      tryOnce(attempt, pick(TASKS), pick(USERS), pick(DOORS), variables());
    }
  }

  private void tryOnce(int attempt, String task, String user, String door, Map<String, JsonNode> variables) {
    Task open = open(task);
    Integrity integrity = new Integrity(engine);
    Set<String> writable = integrity.writable(open.getId());
    Map<String, String> before = integrity.fingerprint(open.getProcessInstanceId());
    ObjectNode values = JSON.createObjectNode();
    variables.forEach(values::set);

    HttpResponse<String> r = rest(user).post("/task/" + open.getId() + "/" + door,
        JSON.createObjectNode().set("variables", values).toString());

    String context = "try " + attempt + " (seed " + SEED + "): " + task + " " + door + " as " + user + " with " + values;
    Set<String> undeclared = new TreeSet<>(variables.keySet());
    undeclared.removeAll(writable);
    boolean accepted = r.statusCode() / 100 == 2;
    if (!undeclared.isEmpty()) {
      assertThat(accepted).as("%s, undeclared %s: %s", context, undeclared, abbreviate(r.body())).isFalse();
    }
    if (!accepted) {
      assertThat(r.statusCode()).as("%s: %s", context, abbreviate(r.body())).isIn(400, 403, 404, 409);
      assertThat(integrity.fingerprint(open.getProcessInstanceId())).as(context).isEqualTo(before);
    }
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One to four variables, each a known or made-up name with a value of any engine type. */
  private Map<String, JsonNode> variables() {
    Map<String, JsonNode> variables = new HashMap<>();
    int size = 1 + random.nextInt(4);
    while (variables.size() < size) {
      String name = random.nextBoolean() ? pick(NAMES) : letters(1 + random.nextInt(12));
      variables.put(name, typed(plainValue(), pick(TYPES)));
    }
    return variables;
  }

  private JsonNode plainValue() {
    List<Supplier<JsonNode>> kinds = List.of(
        () -> JSON.valueToTree(letters(random.nextInt(31))),
        () -> JSON.valueToTree(pick(KNOWN_VALUES)),
        () -> JSON.valueToTree(-5 + random.nextInt(126)),
        () -> JSON.valueToTree(-1 + random.nextDouble() * 1e6),
        () -> JSON.valueToTree(random.nextBoolean()),
        () -> JSON.valueToTree(List.of("expert1", "expert2", "expert3")),
        () -> JSON.createObjectNode().put("validityYears", 99));
    return pick(kinds).get();
  }

  private ObjectNode typed(JsonNode value, String type) {
    ObjectNode typed = typed(value);
    if (!type.isEmpty()) {
      typed.put("type", type);
      if ("Object".equals(type)) {
        typed.set("valueInfo", JSON.createObjectNode().put("objectTypeName", "java.util.ArrayList")
            .put("serializationDataFormat", "application/json"));
      }
      if (!value.isValueNode()) {
        typed.put("value", value.toString());
      }
    }
    return typed;
  }

  private String letters(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
    }
    return s.toString();
  }

  private Task open(String modelAndTask) {
    Task task = OPEN.get(modelAndTask);
    if (task == null || engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      String key = modelAndTask.substring(modelAndTask.indexOf(':') + 1);
      task = modelAndTask.startsWith("certification")
          ? fixtures.waitingAt(key, "shuocheng")
          : new SupervisionFixtures(engine, certificates, fixtures).waitingAt(key);
      OPEN.put(modelAndTask, task);
    }
    return task;
  }
}
