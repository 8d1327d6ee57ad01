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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Random variable maps sent to random open tasks of both models, as random demo users, through a
 * random door (complete, submit-form, resolve): a computed variable never changes except through
 * the model. A request naming anything the task's form does not let its user write is refused,
 * and every refused request leaves the instance exactly as it was.
 *
 * <p>jqwik knows nothing of Spring's JUnit extension: the same (cached) application context as the
 * other HTTP tests is attached through Spring's {@link TestContextManager}.
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

  @BeforeProperty
  void attachTheApplication() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
    ProcessEngines.registerProcessEngine(engine);
    fixtures = new Fixtures(engine);
  }

  @Property(tries = 40, seed = "20261205")
  void noComputedVariableChangesExceptThroughTheModel(@ForAll("tasks") String task, @ForAll("users") String user,
      @ForAll("doors") String door, @ForAll("variables") Map<String, JsonNode> variables) {
    Task open = open(task);
    Integrity integrity = new Integrity(engine);
    Set<String> writable = integrity.writable(open.getId());
    Map<String, String> before = integrity.fingerprint(open.getProcessInstanceId());
    ObjectNode values = JSON.createObjectNode();
    variables.forEach(values::set);

    HttpResponse<String> r = rest(user).post("/task/" + open.getId() + "/" + door,
        JSON.createObjectNode().set("variables", values).toString());

    Set<String> undeclared = new TreeSet<>(variables.keySet());
    undeclared.removeAll(writable);
    boolean accepted = r.statusCode() / 100 == 2;
    if (!undeclared.isEmpty()) {
      assertThat(accepted).as("%s as %s with %s: %s", door, user, undeclared, abbreviate(r.body())).isFalse();
    }
    if (!accepted) {
      assertThat(r.statusCode()).as(abbreviate(r.body())).isIn(400, 403, 404, 409);
      assertThat(integrity.fingerprint(open.getProcessInstanceId())).as("%s %s as %s", task, door, user)
          .isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<String> tasks() {
    return Arbitraries.of(TASKS);
  }

  @Provide
  Arbitrary<String> users() {
    return Arbitraries.of(USERS);
  }

  @Provide
  Arbitrary<String> doors() {
    return Arbitraries.of(DOORS);
  }

  /** One to four variables, each a known or made-up name with a value of any engine type. */
  @Provide
  Arbitrary<Map<String, JsonNode>> variables() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    return Arbitraries.maps(names, values()).ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> plain = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) JSON.valueToTree(s)),
        Arbitraries.of("approve", "reject", "excellent", "unqualified", "expert1").map(s -> (JsonNode) JSON.valueToTree(s)),
        Arbitraries.integers().between(-5, 120).map(i -> (JsonNode) JSON.valueToTree(i)),
        Arbitraries.doubles().between(-1, 1e6).map(d -> (JsonNode) JSON.valueToTree(d)),
        Arbitraries.of(true, false).map(b -> (JsonNode) JSON.valueToTree(b)),
        Arbitraries.just((JsonNode) JSON.valueToTree(List.of("expert1", "expert2", "expert3"))),
        Arbitraries.just((JsonNode) JSON.createObjectNode().put("validityYears", 99)));
    Arbitrary<String> types = Arbitraries.of("", "String", "Json", "Object", "Long", "Double", "Boolean");
    return Combinators.combine(plain, types).as((value, type) -> {
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
    });
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
