package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.identity.demo.DemoUser;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.MaterialDrafts;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import cn.gov.shuozhou.makerspace.identity.demo.DemoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The role × action matrix: every cell of {@code src/test/resources/security/role-matrix.csv}
 * ({@code Y} allowed, {@code N} refused) is one test over HTTP as that role's demo user, and
 * {@code docs/security.md} must show exactly this table, so the documentation and the tests cannot
 * drift apart. An allowed action acts on a fixture of its own; refused ones share one per action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixHttpTest extends HardeningHttpTest {

  static final String MATRIX = "security/role-matrix.csv";
  static final Path DOC = Path.of("docs/security.md");
  static final String DOC_BEGIN = "<!-- role-matrix:begin (generated from src/test/resources/security/role-matrix.csv; RoleMatrixHttpTest checks it) -->";
  static final String DOC_END = "<!-- role-matrix:end -->";

  record Row(String action, String description, Map<String, Boolean> allowed) {}

  static final String SUPERVISION_SUFFIX = "@supervision";

  private final Map<String, Task> sharedTasks = new HashMap<>();
  private final Map<String, ProcessInstance> sharedInstances = new HashMap<>();
  private final List<Runnable> cleanUps = new ArrayList<>();
  @Autowired
  CertificateRegistry certificates;
  private SupervisionFixtures supervision;

  @BeforeEach
  void createSupervisionFixtures() {
    supervision = new SupervisionFixtures(engine, certificates, fixtures);
  }

  // ------------------------------------------------------------------ the table

  static List<String> users() {
    return Arrays.asList(lines().get(0).split(",")).subList(2, lines().get(0).split(",").length);
  }

  static List<Row> rows() {
    List<String> users = users();
    List<Row> rows = new ArrayList<>();
    for (String line : lines().subList(1, lines().size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).as(line).hasSize(users.size() + 2);
      Map<String, Boolean> allowed = new LinkedHashMap<>();
      for (int i = 0; i < users.size(); i++) {
        assertThat(cells[i + 2]).as(line).isIn("Y", "N");
        allowed.put(users.get(i), "Y".equals(cells[i + 2]));
      }
      rows.add(new Row(cells[0], cells[1], allowed));
    }
    return rows;
  }

  private static List<String> lines() {
    try (InputStream in = new ClassPathResource(MATRIX).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> cells() {
    return rows().stream().flatMap(row -> row.allowed().entrySet().stream()
        .map(cell -> Arguments.of(row.action(), cell.getKey(), cell.getValue())));
  }

  /** The Markdown table docs/security.md must contain between its markers. */
  static String markdown() {
    List<String> users = users();
    Map<String, String> groupOf = DemoUsers.ALL.stream()
        .collect(Collectors.toMap(DemoUser::id, u -> u.groups().get(0)));
    StringBuilder md = new StringBuilder();
    md.append("| action | ").append(String.join(" | ", users)).append(" |\n");
    md.append("|---|").append("---|".repeat(users.size())).append("\n");
    md.append("| *group* | ").append(users.stream().map(u -> "`" + groupOf.get(u) + "`")
        .collect(Collectors.joining(" | "))).append(" |\n");
    for (Row row : rows()) {
      md.append("| ").append(row.description()).append(" <br>`").append(row.action()).append("` | ")
          .append(users.stream().map(u -> row.allowed().get(u) ? "✅" : "—").collect(Collectors.joining(" | ")))
          .append(" |\n");
    }
    return md.toString();
  }

  @Test
  void theDocumentShowsExactlyThisMatrix() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(DOC_BEGIN);
    int end = doc.indexOf(DOC_END);
    assertThat(begin).as("%s has the marker %s", DOC, DOC_BEGIN).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    assertThat(doc.substring(begin + DOC_BEGIN.length(), end).strip())
        .as("the matrix in %s (regenerate it from %s)", DOC, MATRIX).isEqualTo(markdown().strip());
  }

  @Test
  void theMatrixHasOneUserPerGroupAndEveryTaskKind() {
    Set<String> groups = new TreeSet<>();
    for (String user : users()) {
      DemoUser demo = DemoUsers.ALL.stream().filter(u -> u.id().equals(user)).findFirst().orElseThrow();
      groups.addAll(demo.groups());
    }
    assertThat(groups).containsExactlyInAnyOrderElementsOf(Groups.ids(Groups.ALL));

    Set<String> actions = rows().stream().map(Row::action).collect(Collectors.toSet());
    for (String taskKey : userTasks(KEY)) {
      assertThat(actions).as("task kind %s of %s is in the matrix", taskKey, KEY)
          .contains("see." + taskKey, "complete." + taskKey);
    }
    for (String taskKey : userTasks(SupervisionProcess.KEY)) {
      String object = supervisionObject(taskKey);
      assertThat(actions).as("task kind %s of %s is in the matrix", taskKey, SupervisionProcess.KEY)
          .contains("see." + object, "complete." + object);
    }
    assertThat(SupervisionFixtures.TASKS).containsExactlyInAnyOrderElementsOf(userTasks(SupervisionProcess.KEY));
  }

  /** Supervision task kinds in the matrix; a key both processes use carries "@supervision". */
  private Set<String> certificationTaskKeys() {
    return userTasks(KEY);
  }

  private String supervisionObject(String taskKey) {
    return certificationTaskKeys().contains(taskKey) ? taskKey + SUPERVISION_SUFFIX : taskKey;
  }

  private Set<String> userTasks(String processKey) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    try (InputStream in = engine.getRepositoryService().getProcessModel(definition.getId())) {
      return Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).stream()
          .map(UserTask::getId).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ the cells

  @ParameterizedTest(name = "{0} × {1} → {2}")
  @MethodSource("cells")
  void roleMayDoExactlyWhatTheMatrixSays(String action, String user, boolean expected) {
    boolean actual = attempt(action, user, expected);
    assertThat(actual).as("%s may %s", user, action).isEqualTo(expected);
  }

  @AfterEach
  void cleanUp() {
    cleanUps.forEach(Runnable::run);
    cleanUps.clear();
  }

  private boolean attempt(String action, String user, boolean expected) {
    String[] parts = action.split("\\.", 2);
    String verb = parts[0];
    String object = parts.length > 1 ? parts[1] : "";
    return switch (verb) {
      case "see" -> see(object, user, expected);
      case "claim" -> claim(object, user, expected);
      case "complete" -> complete(object, user, expected);
      case "start" -> start(object, user);
      case "objection" -> fileObjection(user);
      case "report" -> "list".equals(object) ? allowedOr403(get("/api/supervision-reports", user))
          : report(object, user, expected);
      case "message" -> correlateOverTheEngine(user, expected);
      case "job" -> controlTimer(object, user, expected);
      case "execution" -> signal(user, expected);
      case "history" -> readHistory(user);
      case "decision" -> evaluateDecision(user);
      case "rules" -> rules(object, user);
      case "calendar" -> calendar(object, user);
      case "deploy" -> deploy(user);
      case "instance" -> "suspend".equals(object) ? suspendInstance(user, expected) : deleteInstance(user, expected);
      case "variable" -> setVariable(user, expected);
      case "definition" -> suspendDefinition(user);
      case "user" -> createUser(user);
      case "organisation" -> switch (object) {
        case "list" -> allowedOr403(get("/api/organisations", user));
        case "disable" -> disableOrganisation(user);
        default -> createOrganisation(user);
      };
      case "my" -> switch (object) {
        case "case" -> allowedOr403(get("/api/my/applications/" + engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task("supplementApplication", false).getProcessInstanceId()).singleResult().getBusinessKey(), user));
        case "task" -> allowedOr403(get("/api/my/tasks/" + task("supplementApplication", false).getId(), user));
        default -> allowedOr403(get("/api/my/applications", user));
      };
      case "materials" -> "upload".equals(object) ? uploadMaterial(user) : allowedOr403(send(HttpRequest.newBuilder(
          uri(materialOfOperator1())).header("Authorization", basic(user)).GET()));
      case "county" -> switch (object) {
        case "list" -> allowedOr403(get("/api/county/spaces", user));
        case "space" -> allowedOr403(get("/api/county/spaces/" + instance("supervised", false).getBusinessKey(), user));
        default -> allowedOr403(apiPost(user, "/api/county/spaces/" + instance("supervised", false).getBusinessKey()
            + "/services", "{\"servedOn\":\"" + cn.gov.shuozhou.makerspace.common.EngineClock.today()
            + "\",\"kind\":\"policy\",\"description\":\"宣讲科技政策\"}"));
      };
      // who reads evidence does not depend on the case (ObjectionEvidenceHttpTest reads real evidence)
      case "evidence" -> allowedOr403(send(HttpRequest.newBuilder(uri("/api/objection-evidence?caseNumber=SQ-2026-000001"))
          .header("Authorization", basic(user)).GET()));
      case "letters" -> readLetters(user);
      case "mailbox" -> allowedOr403(send(HttpRequest.newBuilder(uri("/api/mailbox"))
          .header("Authorization", basic(user)).header("Accept", "application/json").GET()));
      case "inbox" -> allowedOr403(send(HttpRequest.newBuilder(uri("/api/my/inbox"))
          .header("Authorization", basic(user)).header("Accept", "application/json").GET()));
      case "statistics" -> switch (object) {
        case "read" -> allowedOr403(get("/api/statistics", user));
        case "remind" -> allowedOr403(postJson("/api/statistics/campaign/reminders", user,
            "{\"year\": " + EngineClock.today().getYear() + ", \"county\": \"shuocheng\"}"));
        default -> allowedOr403(postJson("/api/statistics/rebuild", user, "{}"));
      };
      default -> throw new IllegalArgumentException(action);
    };
  }

  private boolean see(String taskKey, String user, boolean expected) {
    Task task = task(taskKey, false);
    HttpResponse<String> r = rest(user).get("/task?processInstanceId=" + task.getProcessInstanceId()
        + "&taskDefinitionKey=" + taskKey(taskKey));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    boolean seen = false;
    for (JsonNode t : json(r.body())) {
      seen |= t.get("id").asText().equals(task.getId());
    }
    if (seen) {
      assertThat(rest(user).get("/task/" + task.getId()).statusCode()).isEqualTo(200);
    }
    return seen;
  }

  private boolean claim(String taskKey, String user, boolean expected) {
    Task task = task(taskKey, expected);
    HttpResponse<String> r = rest(user).post("/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
    return allowedOr403(r);
  }

  private boolean complete(String taskKey, String user, boolean expected) {
    Task task = task(taskKey, expected);
    HttpResponse<String> r = rest(user).post("/task/" + task.getId() + "/complete", completion(taskKey));
    boolean done = allowedOr403(r);
    if (!done) {
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
    return done;
  }

  private boolean start(String path, String user) {
    Map<String, Object> application = Applications.valid("huairen");
    if (DemoOrganisations.ALL.stream().anyMatch(o -> o.userId().equals(user))) {
      // an organisation account files for its own credit code only
      OrganisationAccounts.withdrawOpenApplications(engine, user);
      application.put(CREDIT_CODE, DemoOrganisations.creditCodeOf(user));
    }
    MaterialDrafts.of(engine).uploadRequired(user, application);
    HttpResponse<String> r = "api".equals(path)
        ? apiApply(user, JSON.valueToTree(application).toString())
        : rest(user).post(START_PATH, engineVariables(application));
    return allowedOr403(r);
  }

  /** Public: the Basic credentials a demo user sends along change nothing. */
  private boolean fileObjection(String user) {
    ProcessInstance notice = instance("notice", false);
    ObjectNode body = JSON.createObjectNode();
    body.put("applicationNumber", notice.getBusinessKey());
    body.put("name", "张三");
    body.put("idNumber", VALID_ID_NUMBER);
    body.put("phone", "1370000%04d".formatted(users().indexOf(user)));
    body.put("reasons", "公示材料与实际不符（" + user + "）");
    return allowedOr403(apiPost(user, "/api/objections", body.toString()));
  }

  private boolean report(String kind, String user, boolean expected) {
    ProcessInstance supervised = instance("supervised", expected);
    ObjectNode body = JSON.createObjectNode();
    body.put(SupervisionProcess.CERTIFICATE_NUMBER, supervised.getBusinessKey());
    boolean violation = "violation".equals(kind);
    body.put(violation ? SupervisionProcess.VIOLATION_DESCRIPTION : SupervisionProcess.REPORT_TEXT, "擅自改变场地用途");
    return allowedOr403(apiPost(user, violation ? "/api/violation-reports" : "/api/false-materials-reports", body.toString()));
  }

  private boolean correlateOverTheEngine(String user, boolean expected) {
    ProcessInstance supervised = instance("supervised", expected);
    ObjectNode body = JSON.createObjectNode();
    body.put("messageName", SupervisionProcess.MESSAGE_VIOLATION);
    body.put("businessKey", supervised.getBusinessKey());
    body.set("processVariables", json(engineVariables(Map.of(SupervisionProcess.VIOLATION_DESCRIPTION, "擅自改变场地用途")))
        .get("variables"));
    var decisions = engine.getTaskService().createTaskQuery().processInstanceId(supervised.getId())
        .taskDefinitionKey(SupervisionProcess.TASK_SANCTION);
    long before = decisions.count();
    boolean allowed = allowedOr403(rest(user).post("/message", body.toString()));
    if (!allowed) {
      assertThat(decisions.count()).as("no violation reached the case").isEqualTo(before);
    }
    return allowed;
  }

  /** The expiry timer of a supervised space (always in the future): executed, moved, given no retries or deleted. */
  private boolean controlTimer(String what, String user, boolean expected) {
    Job timer = expiryTimer(instance("supervised", expected));
    String path = "/job/" + timer.getId();
    HttpResponse<String> r = switch (what) {
      case "execute" -> rest(user).post(path + "/execute", "");
      case "duedate" -> rest(user).put(path + "/duedate", "{\"duedate\": \"2099-12-31T00:00:00.000+0800\"}");
      case "retries" -> rest(user).put(path + "/retries", "{\"retries\": 0}");
      case "delete" -> rest(user).delete(path);
      default -> throw new IllegalArgumentException(what);
    };
    boolean allowed = allowedOr403(r);
    if (!allowed) {
      assertTimerUnchanged(timer);
    }
    return allowed;
  }

  private boolean signal(String user, boolean expected) {
    Job timer = expiryTimer(instance("supervised", expected));
    boolean allowed = allowedOr403(rest(user).post("/execution/" + timer.getExecutionId() + "/signal", "{}"));
    if (!allowed) {
      assertTimerUnchanged(timer);
    }
    return allowed;
  }

  private Job expiryTimer(ProcessInstance supervised) {
    return engine.getManagementService().createJobQuery().processInstanceId(supervised.getId()).timers()
        .activityId("validityEnds").singleResult();
  }

  private void assertTimerUnchanged(Job before) {
    Job now = engine.getManagementService().createJobQuery().jobId(before.getId()).singleResult();
    assertThat(now).as("the timer is still there").isNotNull();
    assertThat(now.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(now.getRetries()).isEqualTo(before.getRetries());
  }

  private boolean readHistory(String user) {
    ProcessInstance pi = instance("history", false);
    HttpResponse<String> r = rest(user).get("/history/process-instance?processInstanceId=" + pi.getId());
    if (r.statusCode() == 403) { // a role without any history (the /engine-rest allow-list)
      return false;
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).size() == 1;
  }

  /** The letters of a case filed by another organisation than operator1's (its receipt at least). */
  private boolean readLetters(String user) {
    ProcessInstance pi = instance("history", false);
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/my/applications/" + pi.getBusinessKey() + "/letters"))
        .header("Authorization", basic(user)).header("Accept", "application/json").GET());
    boolean allowed = allowedOr403(r);
    if (allowed) {
      assertThat(json(r.body()).size()).as("the acceptance receipt at least: %s", r.body()).isPositive();
    }
    return allowed;
  }

  private boolean evaluateDecision(String user) {
    return allowedOr403(rest(user).post("/decision-definition/key/first-review-routing/evaluate",
        engineVariables(Map.of(HOST_TYPE, "other", COUNTY, "pinglu"))));
  }

  private boolean rules(String what, String user) {
    HttpResponse<String> r;
    if ("read".equals(what)) {
      r = send(HttpRequest.newBuilder(uri("/api/rules")).header("Authorization", basic(user))
          .header("Accept", "application/json").GET());
    } else {
      r = send(HttpRequest.newBuilder(uri("/api/rules/first-review-routing/check"))
          .header("Authorization", basic(user)).header("Accept", "application/json")
          .header("Content-Type", "application/xml")
          .POST(HttpRequest.BodyPublishers.ofString(classpath("dmn/first-review-routing.dmn"), StandardCharsets.UTF_8)));
    }
    return allowedOr403(r);
  }

  private boolean calendar(String what, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/calendar" + ("read".equals(what) ? "" : "/check")))
        .header("Authorization", basic(user)).header("Accept", "application/json");
    if (!"read".equals(what)) { // stores nothing, whoever asks
      request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"baseRevision\": 0, \"reason\": \"权限探测\"}", StandardCharsets.UTF_8));
    }
    return allowedOr403(send(request));
  }

  private boolean deploy(String user) {
    String processId = "matrix-probe-" + user;
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).name("权限探测")
        .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    HttpResponse<String> r = new Multipart().field("deployment-name", "matrix-probe")
        .file(processId + ".bpmn", bpmn).post(user);
    boolean allowed = allowedOr403(r);
    if (allowed) {
      String id = json(r.body()).get("id").asText();
      cleanUps.add(() -> engine.getRepositoryService().deleteDeployment(id, true));
    }
    return allowed;
  }

  private boolean deleteInstance(String user, boolean expected) {
    ProcessInstance pi = instance("delete", expected);
    return allowedOr403(rest(user).delete("/process-instance/" + pi.getId()));
  }

  private boolean suspendInstance(String user, boolean expected) {
    ProcessInstance pi = instance("suspend", expected);
    boolean allowed = allowedOr403(rest(user).put("/process-instance/" + pi.getId() + "/suspended", "{\"suspended\": true}"));
    if (allowed) {
      engine.getRuntimeService().activateProcessInstanceById(pi.getId());
    } else {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .isSuspended()).isFalse();
    }
    return allowed;
  }

  private boolean setVariable(String user, boolean expected) {
    ProcessInstance pi = instance("variable", expected);
    Object before = engine.getRuntimeService().getVariable(pi.getId(), TOTAL_AREA);
    boolean allowed = allowedOr403(rest(user).put("/process-instance/" + pi.getId() + "/variables/" + TOTAL_AREA,
        "{\"value\": 99999, \"type\": \"Double\"}"));
    if (!allowed) {
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), TOTAL_AREA)).isEqualTo(before);
    }
    return allowed;
  }

  private boolean suspendDefinition(String user) {
    HttpResponse<String> r = rest(user).put("/process-definition/key/" + KEY + "/suspended",
        "{\"suspended\":true,\"includeProcessInstances\":false}");
    boolean allowed = allowedOr403(r);
    if (allowed) {
      engine.getRepositoryService().activateProcessDefinitionByKey(KEY);
    }
    return allowed;
  }

  private boolean createUser(String user) {
    String id = "matrixprobe" + user;
    HttpResponse<String> r = rest(user).post("/user/create", "{\"profile\":{\"id\":\"" + id
        + "\",\"firstName\":\"探测\",\"lastName\":\"用户\"},\"credentials\":{\"password\":\"Probe-2026-secret\"}}");
    boolean allowed = allowedOr403(r);
    if (allowed) {
      cleanUps.add(() -> engine.getIdentityService().deleteUser(id));
    }
    return allowed;
  }

  private boolean uploadMaterial(String user) {
    HttpResponse<String> r = uploadAs(user, "REGISTRATION", "licence.pdf");
    boolean allowed = allowedOr403(r);
    if (allowed) { // leaves operator1 no draft for its next filing
      String id = json(r.body()).get("fileId").asText();
      cleanUps.add(() -> send(HttpRequest.newBuilder(uri("/api/materials/" + id)).header("Authorization", basic(user))
          .DELETE()));
    }
    return allowed;
  }

  private HttpResponse<String> uploadAs(String user, String code, String name) {
    cn.gov.shuozhou.makerspace.materials.Multipart body = cn.gov.shuozhou.makerspace.materials.Multipart
        .of("application", code).file(name, cn.gov.shuozhou.makerspace.materials.Multipart.pdf(code));
    return send(HttpRequest.newBuilder(uri("/api/materials")).header("Authorization", basic(user))
        .header("Accept", "application/json").header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())));
  }

  private String materialUrl;

  /**
   * A submitted file of a case in 朔城区 at its first review that operator1 filed in the portal with
   * its materials (a space of its own, so that operator1's other fixture cases are not in its way).
   */
  private String materialOfOperator1() {
    if (materialUrl == null) {
      Map<String, Object> application = Applications.valid("shuocheng");
      application.put(CREDIT_CODE, DemoOrganisations.creditCodeOf("operator1"));
      application.put(SPACE_NAME, "朔城材料权限测试空间");
      HttpResponse<String> checklist = send(HttpRequest.newBuilder(uri("/api/materials/checklist?premises=leased"
          + "&hostType=other&convertedOldBuilding=false&spaceFocus=maker")).header("Authorization", basic("operator1")).GET());
      for (JsonNode item : json(checklist.body()).get("items")) {
        if (item.get("required").asBoolean()) {
          assertThat(uploadAs("operator1", item.get("code").asText(), "材料.pdf").statusCode()).isEqualTo(201);
        }
      }
      HttpResponse<String> filed = apiPost("operator1", "/api/my/applications", JSON.valueToTree(application).toString());
      assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
      String number = json(filed.body()).get(APPLICATION_NUMBER).asText();
      HttpResponse<String> files = send(HttpRequest.newBuilder(uri("/api/materials?caseNumber=" + number))
          .header("Authorization", basic("operator1")).GET());
      materialUrl = json(files.body()).get(0).get("downloadUrl").asText();
    }
    return materialUrl;
  }

  private HttpResponse<String> postJson(String path, String user, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Accept", "application/json").GET());
  }

  /** Disables a fresh organisation account (enabled again afterwards). */
  private boolean disableOrganisation(String user) {
    String account = OrganisationAccounts.ownerOf(engine, Applications.newCreditCode());
    boolean allowed = allowedOr403(send(HttpRequest.newBuilder(uri("/api/organisations/" + account + "/disable"))
        .header("Authorization", basic(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))));
    cleanUps.add(() -> api("admin").post("/api/organisations/" + account + "/enable", "{}"));
    return allowed;
  }

  private boolean createOrganisation(String user) {
    Map<String, Object> body = OrganisationAccountsHttpTest.valid();
    return allowedOr403(send(HttpRequest.newBuilder(uri("/api/organisations"))
        .header("Authorization", basic(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(body).toString(), StandardCharsets.UTF_8))));
  }

  /**
   * 2xx: allowed. 403: refused. 404: refused too, where the user may not even read the object
   * (a definition or decision invisible to them is "not found"). Anything else is a defect, not an
   * answer of the matrix.
   */
  private static boolean allowedOr403(HttpResponse<String> r) {
    if (r.statusCode() / 100 == 2) {
      return true;
    }
    assertThat(r.statusCode()).as("refusal expected to be 403 (or 404 for an invisible object): %s",
        abbreviate(r.body())).isIn(403, 404);
    return false;
  }

  // ------------------------------------------------------------------ fixtures

  /** A fresh task for an allowed (state-changing) cell; a shared one, while still untouched, otherwise. */
  private Task task(String object, boolean fresh) {
    if (fresh) {
      return newTask(object);
    }
    Task shared = sharedTasks.get(object);
    Task current = shared == null ? null
        : engine.getTaskService().createTaskQuery().taskId(shared.getId()).singleResult();
    if (current == null || (current.getAssignee() != null && !current.getAssignee().equals(shared.getAssignee()))) {
      shared = newTask(object);
      sharedTasks.put(object, shared);
    }
    return shared;
  }

  private Task newTask(String object) {
    if (isSupervision(object)) {
      return supervision.waitingAt(taskKey(object));
    }
    return fixtures.waitingAt(object, "shuocheng");
  }

  private boolean isSupervision(String object) {
    return object.endsWith(SUPERVISION_SUFFIX)
        || (SupervisionFixtures.TASKS.contains(object) && !certificationTaskKeys().contains(object));
  }

  private static String taskKey(String object) {
    return object.replace(SUPERVISION_SUFFIX, "");
  }

  private ProcessInstance instance(String purpose, boolean fresh) {
    ProcessInstance shared = sharedInstances.get(purpose);
    boolean gone = shared == null || engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(shared.getId()).count() == 0;
    if (fresh || gone) {
      ProcessInstance created = switch (purpose) {
        case "notice" -> fixtures.inPublicNotice("shuocheng");
        case "supervised" -> supervision.supervised();
        default -> fixtures.apply("shuocheng");
      };
      if (fresh && !gone) {
        return created;
      }
      sharedInstances.put(purpose, created);
      return created;
    }
    return shared;
  }

  private String completion(String object) {
    if (isSupervision(object)) {
      return engineVariables(SupervisionFixtures.validCompletion(taskKey(object)));
    }
    String taskKey = object;
    Map<String, Object> values = new HashMap<>(CertificationDriver.validCompletion(taskKey));
    if (TASK_ORGANISE_EXPERTS.equals(taskKey)) {
      return "{\"variables\":{\"experts\":{\"type\":\"Json\",\"value\":\"[\\\"expert1\\\",\\\"expert2\\\",\\\"expert3\\\"]\"}}}";
    }
    return engineVariables(values);
  }

  private static String classpath(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
