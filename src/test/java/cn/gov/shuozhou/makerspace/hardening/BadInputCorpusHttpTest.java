package cn.gov.shuozhou.makerspace.hardening;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/}, see its README) through every entry
 * path: each malformed application is refused by {@code POST /api/applications}, the engine's REST
 * start, the Tasklist start form and the completion of {@code supplementApplication} with 400 and a
 * Chinese message naming the field, and leaves no instance, no history and no row behind. HTML
 * and script in free text is valid and stored exactly as typed. Bad task values are refused for
 * each user task kind, over REST and through Tasklist, and the task stays open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusHttpTest extends HardeningHttpTest {

  private static final String DIR = "badinput/";
  private static final String APPLICANT_USER = "operator1";
  private static final String TASKLIST_USER = "operator2";
  /** The corpus's "task" of the objections' door. */
  private static final String OBJECTIONS = "api:objections";

  /** One case of the corpus: its file, id, the field the refusal must name, and its definition. */
  record Case(String file, String id, String field, JsonNode spec) {
    boolean valid() {
      return spec.path("valid").asBoolean(false);
    }

    @Override
    public String toString() {
      return file + ":" + id;
    }
  }

  private static final ObjectNode BASE = (ObjectNode) read(DIR + "base.json").get("application");

  private final Map<String, WebappSession> sessions = new HashMap<>();
  private final Map<String, Task> openTasks = new HashMap<>();
  private ProcessInstance noticeInstance;
  private boolean quiet;

  private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private Level engineContextLevel;

  /**
   * The engine logs refusals other than our validators' (its own type conversion errors, e.g.) at
   * ERROR with a stack trace (ENGINE-16004): mute them while the corpus runs.
   */
  @BeforeAll
  void muteTheEnginesRefusalLog() {
    Logger logger = (Logger) LoggerFactory.getLogger(ENGINE_CONTEXT_LOGGER);
    engineContextLevel = logger.getLevel();
    logger.setLevel(Level.OFF);
  }

  @AfterAll
  void restoreTheEnginesRefusalLog() {
    ((Logger) LoggerFactory.getLogger(ENGINE_CONTEXT_LOGGER)).setLevel(engineContextLevel);
  }

  @BeforeEach
  void waitUntilTheEngineIsQuiet() {
    if (!quiet) {
      // fixtures of earlier tests may still have async steps running; they would change the counts
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (engine.getManagementService().createJobQuery().messages().executable().count() > 0
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
      quiet = true;
    }
  }

  static Stream<Case> applications() {
    List<Case> cases = new ArrayList<>();
    for (String file : List.of("missing.json", "wrong-type.json", "ranges.json", "credit-codes.json", "enums.json",
        "cross-field.json", "lengths.json", "html-text.json")) {
      read(DIR + file).get("cases").forEach(c -> cases.add(new Case(file, c.get("id").asText(),
          c.get("field").asText(), c)));
    }
    return cases.stream();
  }

  static Stream<Case> badApplications() {
    return applications().filter(c -> !c.valid());
  }

  static Stream<Case> validApplications() {
    return applications().filter(Case::valid);
  }

  static Stream<Case> taskValues() {
    List<Case> cases = new ArrayList<>();
    read(DIR + "tasks.json").get("cases").forEach(c -> cases.add(new Case(c.get("task").asText(),
        c.get("id").asText(), c.get("field").asText(), c)));
    return cases.stream();
  }

  @Test
  void theCorpusHoldsAtLeast200MalformedApplications() {
    assertThat(badApplications().count()).isGreaterThanOrEqualTo(200);
    assertThat(badApplications().map(Case::toString).distinct().count()).isEqualTo(badApplications().count());
    assertThat(taskValues().map(Case::file).distinct()).containsExactlyInAnyOrder(TASK_FIRST_REVIEW,
        TASK_INSPECTION, TASK_FALSE_MATERIALS, TASK_ORGANISE_EXPERTS, TASK_EXPERT_REVIEW, TASK_BUREAU_DECISION,
        TASK_HANDLE_OBJECTION, TASK_SUPPLEMENT, OBJECTIONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void malformedApplicationIsRefusedOnEveryPath(Case c) {
    ObjectNode application = application(c, Applications.newCreditCode());
    Task supplement = openTask(TASK_SUPPLEMENT);
    WebappSession tasklist = session(TASKLIST_USER);

    Snapshot before = snapshot();
    assertRefused("POST /api/applications", apiApply(APPLICANT_USER, apiBody(c, application)), c, before);
    assertRefused("engine REST start", rest(APPLICANT_USER).post(START_PATH, engineBody(c, application)), c, before);
    assertRefused("webapps' start form (submit-form)", tasklist.post(TASKLIST_START, engineBody(c, application)), c, before);

    if (leavesFieldsOutOnly(c)) {
      return; // a correction that leaves a field out keeps the value on file: not an error there
    }
    // the same application as the correction of a returned one (its credit code is reserved)
    ObjectNode correction = application(c, (String) engine.getRuntimeService()
        .getVariable(supplement.getProcessInstanceId(), CREDIT_CODE));
    assertRefused("supplementApplication completion",
        rest(APPLICANT_USER).post("/task/" + supplement.getId() + "/complete", engineBody(c, correction)), c, before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(supplement.getId()).count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validApplications")
  void htmlAndScriptInTextAreStoredExactlyAsTyped(Case c) {
    String typed = c.spec().get("set").get(c.field()).asText();

    // each application by the organisation account of its own credit code
    String code = Applications.newCreditCode();
    ObjectNode viaApi = application(c, code);
    uploadMaterials(OrganisationAccounts.ownerOf(engine, code), viaApi);
    HttpResponse<String> api = apiApply(OrganisationAccounts.ownerOf(engine, code), apiBody(c, viaApi));
    assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
    assertStoredAsTyped(json(api.body()).get("processInstanceId").asText(), c.field(), typed);

    code = Applications.newCreditCode();
    ObjectNode viaRest = application(c, code);
    uploadMaterials(OrganisationAccounts.ownerOf(engine, code), viaRest);
    HttpResponse<String> start = rest(OrganisationAccounts.ownerOf(engine, code)).post(START_PATH, engineBody(c, viaRest));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    assertStoredAsTyped(json(start.body()).get("id").asText(), c.field(), typed);

    code = Applications.newCreditCode();
    ObjectNode viaTasklist = application(c, code);
    uploadMaterials(OrganisationAccounts.ownerOf(engine, code), viaTasklist);
    HttpResponse<String> form = session(OrganisationAccounts.ownerOf(engine, code))
        .post(TASKLIST_START, engineBody(c, viaTasklist));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertStoredAsTyped(json(form.body()).get("id").asText(), c.field(), typed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskValues")
  void badTaskValuesAreRefusedAndTheTaskStaysOpen(Case c) {
    JsonNode variables = c.spec().get("variables");
    String body = engineBody(variables, c.spec().path("declare"), List.of());

    if (c.file().equals(OBJECTIONS)) {
      var instance = noticeInstance();
      Snapshot before = snapshot();
      String pi = instance.getId();
      long objections = engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).count();
      ObjectNode objection = JSON.createObjectNode();
      objection.put("applicationNumber", instance.getBusinessKey());
      objection.put("idNumber", VALID_ID_NUMBER);
      objection.setAll((ObjectNode) variables);
      assertRefused("POST /api/objections", objection(objection.toString()), c, before);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(TASK_HANDLE_OBJECTION).count()).isEqualTo(objections);
      return;
    }

    Task task = openTask(c.file());
    String user = workerOf(c.file());
    WebappSession tasklist = session(user);
    Snapshot before = snapshot();
    assertRefused(c.file() + " completion over REST",
        rest(user).post("/task/" + task.getId() + "/complete", body), c, before);
    assertRefused(c.file() + " completion in Tasklist",
        tasklist.post(TASKLIST_ENGINE + "/task/" + task.getId() + "/submit-form", body), c, before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open")
        .isEqualTo(1);
  }

  private static boolean leavesFieldsOutOnly(Case c) {
    return c.spec().has("remove") && !c.spec().has("set") && !c.spec().has("raw") && !c.spec().has("repeat");
  }

  // ------------------------------------------------------------------ checks

  private void assertRefused(String path, HttpResponse<String> response, Case c, Snapshot before) {
    assertThat(response.statusCode()).as("%s on %s: %s", c, path, abbreviate(response.body())).isEqualTo(400);
    String text = refusalText(response);
    assertThat(text).as("%s on %s: a Chinese message naming %s", c, path, c.field())
        .containsPattern(CHINESE).contains(c.field());
    assertThat(snapshot()).as("%s on %s left nothing behind", c, path).isEqualTo(before);
  }

  private void assertStoredAsTyped(String processInstanceId, String field, String typed) {
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, field)).isEqualTo(typed);
    HttpResponse<String> shown = rest("admin").get("/process-instance/" + processInstanceId + "/variables/" + field);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(json(shown.body()).get("value").asText()).as("the REST API returns the text unchanged").isEqualTo(typed);
  }

  // ------------------------------------------------------------------ bodies

  private static ObjectNode application(Case c, String creditCode) {
    ObjectNode app = BASE.deepCopy();
    app.put(CREDIT_CODE, creditCode);
    JsonNode spec = c.spec();
    spec.path("remove").forEach(f -> app.remove(f.asText()));
    spec.path("set").fields().forEachRemaining(e -> app.set(e.getKey(), e.getValue()));
    spec.path("raw").fieldNames().forEachRemaining(f -> app.put(f, placeholder(f)));
    spec.path("repeat").fields().forEachRemaining(e ->
        app.put(e.getKey(), e.getValue().get("text").asText().repeat(e.getValue().get("times").asInt())));
    return app;
  }

  private static String apiBody(Case c, ObjectNode application) {
    return withRawTokens(application.toString(), c.spec().path("raw"));
  }

  private static String engineBody(Case c, ObjectNode application) {
    List<String> raw = new ArrayList<>();
    c.spec().path("raw").fieldNames().forEachRemaining(raw::add);
    return withRawTokens(engineBody(application, c.spec().path("declare"), raw), c.spec().path("raw"));
  }

  /** Typed variables; a declared type overrides the inferred one; raw values go untyped. */
  private static String engineBody(JsonNode values, JsonNode declare, List<String> raw) {
    ObjectNode variables = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ObjectNode typed = typed(e.getValue());
      if (declare.has(e.getKey())) {
        typed.put("type", declare.get(e.getKey()).asText());
      }
      if (raw.contains(e.getKey())) {
        typed.remove("type");
      }
      variables.set(e.getKey(), typed);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("variables", variables);
    return root.toString();
  }

  private static String placeholder(String field) {
    return "__RAW_" + field + "__";
  }

  private static String withRawTokens(String json, JsonNode raw) {
    String out = json;
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out = out.replace("\"" + placeholder(e.getKey()) + "\"", e.getValue().asText());
    }
    return out;
  }

  // ------------------------------------------------------------------ fixtures

  /** One open task per kind, reused: refused completions do not consume it. */
  private Task openTask(String kind) {
    Task task = openTasks.get(kind);
    if (task == null || engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      task = fixtures.waitingAt(kind, "shuocheng");
      openTasks.put(kind, task);
    }
    return task;
  }

  /** An instance in its public notice, where objections may be correlated. */
  private ProcessInstance noticeInstance() {
    if (noticeInstance == null || engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(noticeInstance.getId()).count() == 0) {
      noticeInstance = fixtures.inPublicNotice("shuocheng");
    }
    return noticeInstance;
  }

  private static String workerOf(String taskKey) {
    return switch (taskKey) {
      case TASK_FIRST_REVIEW -> "shuocheng1";
      case TASK_INSPECTION -> "inspector1";
      case TASK_FALSE_MATERIALS, TASK_ORGANISE_EXPERTS, TASK_HANDLE_OBJECTION -> "city1";
      case TASK_EXPERT_REVIEW -> "expert1";
      case TASK_BUREAU_DECISION -> "leader1";
      case TASK_SUPPLEMENT -> APPLICANT_USER;
      default -> throw new IllegalArgumentException(taskKey);
    };
  }

  private WebappSession session(String user) {
    return sessions.computeIfAbsent(user, this::portalSession);
  }

  private static JsonNode read(String resource) {
    try {
      Resource r = new PathMatchingResourcePatternResolver().getResource("classpath:" + resource);
      try (InputStream in = r.getInputStream()) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
