package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.security.EngineHardeningPlugin;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Authentication and lockout, CSRF on the webapps, no script from any deployment, expressions
 * limited to the application's own beans, security headers on our own pages.
 */
class SecurityHardeningHttpTest extends HardeningHttpTest {

  private static final String PROBE = "lockprobe";
  private static final String PROBE_PASSWORD = "Lock-Probe-2026";

  @Autowired
  EngineHardeningPlugin hardening;
  @Autowired
  org.springframework.context.ApplicationContext context;

  @AfterEach
  void resetClockAndProbe() {
    ClockUtil.reset();
    engine.getIdentityService().deleteUser(PROBE);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void engineRestRefusesMissingWrongAndMalformedCredentials() {
    for (String header : new String[] {null, "Basic " + b64("admin:wrong"), "Basic " + b64("nobody:nobody"),
        "Basic !!!not-base64", "Basic " + b64("no-colon"), "Bearer abc.def.ghi", "Basic " + b64(":")}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(ENGINE_REST + "/process-definition")).GET();
      if (header != null) {
        request.header("Authorization", header);
      }
      HttpResponse<String> r = send(request);
      assertThat(r.statusCode()).as("Authorization: %s", header).isEqualTo(401);
    }
  }

  /** Changed with issue 12: the engine no longer locks accounts (security/LoginThrottle backs off per address instead). */
  @Test
  void wrongPasswordsNeverLockTheAccountOnAnyEntry() {
    createProbe();
    assertThat(rest(PROBE, PROBE_PASSWORD).get("/task").statusCode()).isEqualTo(200);

    // more wrong passwords than Camunda's default lockout (10) allows
    for (int i = 0; i < 12; i++) {
      assertThat(rest(PROBE, "wrong-" + i).get("/task").statusCode()).isEqualTo(401);
    }
    assertThat(configuration().getLoginDelayMaxTime()).as("no temporary lock either").isZero();
    assertThat((Date) lockOf(PROBE).get("LOCK_EXP_TIME_")).isBeforeOrEqualTo(ClockUtil.getCurrentTime());

    // the right password works at once, on every entry path, without an administrator
    assertThat(rest(PROBE, PROBE_PASSWORD).get("/task").statusCode()).isEqualTo(200);
    assertThat(webapp().login(PROBE, PROBE_PASSWORD, "welcome").statusCode()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/api/applications")).header("Authorization",
        "Basic " + b64(PROBE + ":" + PROBE_PASSWORD)).POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json")).statusCode()).isNotEqualTo(401);
    assertThat(((Number) lockOf(PROBE).get("ATTEMPTS_")).intValue()).isZero();
  }

  private void createProbe() {
    User user = engine.getIdentityService().newUser(PROBE);
    user.setPassword(PROBE_PASSWORD);
    engine.getIdentityService().saveUser(user);
  }

  private Map<String, Object> lockOf(String user) {
    return jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", user);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ CSRF

  @Test
  void webappWritesWithoutTheCsrfTokenAreRefusedAndEndTheSession() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> loginWithoutToken = browser.send(login("city1").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loginWithoutToken.statusCode()).as("login without the token").isEqualTo(403);

    String count = TASKLIST_ENGINE + "/task/count";
    for (String given : new String[] {null, "", "0123456789ABCDEF0123456789ABCDEF", "forged"}) {
      String token = loggedIn(browser, "city1");
      HttpRequest.Builder write = HttpRequest.newBuilder(uri(count)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}"));
      if (given != null) {
        write.header("X-XSRF-TOKEN", given);
      }
      assertThat(browser.send(write.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("token %s", given).isEqualTo(403);
      assertThat(token).isNotEqualTo(given);
      // Camunda ends the session of a request with a wrong token: the next call is logged out
      HttpResponse<String> after = browser.send(HttpRequest.newBuilder(uri(count))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(after.statusCode()).as("session ended after a forged write").isIn(401, 403);
    }

    String token = loggedIn(browser, "city1");
    HttpResponse<String> ok = browser.send(HttpRequest.newBuilder(uri(count)).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    // our own API accepts the webapp session too, under the same rule
    HttpResponse<String> api = browser.send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(403);
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
  }

  private HttpRequest.Builder login(String user) {
    String form = "username=" + user + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  /** Logs in with the CSRF token dance and returns the new session's token. */
  private String loggedIn(HttpClient browser, String user) throws Exception {
    String token = csrfToken(browser);
    assertThat(browser.send(login(user).header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    return csrfToken(browser);
  }

  private String csrfToken(HttpClient browser) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri(WebappSession.WELCOME_PAGE)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
  }

  // ------------------------------------------------------------------ no scripts

  static final String BPMN_HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://example">
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
      """;
  static final String BPMN_TAIL = """
        </bpmn:process>
      </bpmn:definitions>
      """;

  static String bpmn(String processId, String body) {
    return BPMN_HEAD.formatted(processId) + body + BPMN_TAIL;
  }

  static String dmn(String decisionAttributes, String inputLanguage, String outputLanguage) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://example"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" %s>
          <decision id="probe" name="探测" camunda:historyTimeToLive="1">
            <decisionTable id="t">
              <input id="i"><inputExpression id="ie" typeRef="string" %s><text>x</text></inputExpression></input>
              <output id="o" name="y" typeRef="string" />
              <rule id="r"><inputEntry id="e"><text>-</text></inputEntry>
                <outputEntry id="oe" %s><text>"1"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(decisionAttributes, inputLanguage, outputLanguage);
  }

  static final Map<String, String> SCRIPTED = Map.ofEntries(
      Map.entry("script-task-groovy.bpmn", bpmn("s1", """
          <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
          <bpmn:scriptTask id="t" scriptFormat="groovy"><bpmn:script>'touch /tmp/pwned'.execute()</bpmn:script></bpmn:scriptTask>
          """)),
      Map.entry("script-task-javascript.bpmn", bpmn("s2", """
          <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
          <bpmn:scriptTask id="t" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
          """)),
      Map.entry("script-task-juel.bpmn", bpmn("s3", """
          <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
          <bpmn:scriptTask id="t" scriptFormat="juel"><bpmn:script>${dataSource}</bpmn:script></bpmn:scriptTask>
          """)),
      Map.entry("script-execution-listener.bpmn", bpmn("s4", """
          <bpmn:startEvent id="s"><bpmn:extensionElements><camunda:executionListener event="start">
            <camunda:script scriptFormat="groovy">System.exit(1)</camunda:script>
          </camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>
          """)),
      Map.entry("script-task-listener.bpmn", bpmn("s5", """
          <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="u" />
          <bpmn:userTask id="u"><bpmn:extensionElements><camunda:taskListener event="create">
            <camunda:script scriptFormat="javascript">1</camunda:script>
          </camunda:taskListener></bpmn:extensionElements></bpmn:userTask>
          """)),
      Map.entry("script-condition.bpmn", bpmn("s6", """
          <bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" />
          <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g" />
          <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="e">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
          </bpmn:sequenceFlow><bpmn:endEvent id="e" />
          """)),
      Map.entry("external-script-condition.bpmn", bpmn("s7", """
          <bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" />
          <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g" />
          <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="e">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript"
              camunda:resource="deployment://cond.js" />
          </bpmn:sequenceFlow><bpmn:endEvent id="e" />
          """)),
      Map.entry("script-input-parameter.bpmn", bpmn("s8", """
          <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
          <bpmn:serviceTask id="t" camunda:expression="${true}"><bpmn:extensionElements><camunda:inputOutput>
            <camunda:inputParameter name="x"><camunda:script scriptFormat="python">1</camunda:script></camunda:inputParameter>
          </camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
          """)),
      Map.entry("groovy-default.dmn", dmn("expressionLanguage=\"groovy\"", "", "")),
      Map.entry("javascript-input.dmn", dmn("", "expressionLanguage=\"javascript\"", "")),
      Map.entry("juel-output.dmn", dmn("", "", "expressionLanguage=\"juel\"")),
      Map.entry("juel-input.dmn", dmn("", "expressionLanguage=\"JUEL\"", "")),
      Map.entry("python-default.dmn", dmn("expressionLanguage=\"python\"", "", "")),
      Map.entry("embedded-form.html", "<form><script cam-script>alert(1)</script></form>"),
      Map.entry("helper.js", "java.lang.System.exit(1)"),
      Map.entry("diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
      Map.entry("case.cmmn", "<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\"/>"),
      Map.entry("doctype.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
          + "<x>&e;</x>"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"script-task-groovy.bpmn", "script-task-javascript.bpmn", "script-task-juel.bpmn",
      "script-execution-listener.bpmn", "script-task-listener.bpmn", "script-condition.bpmn",
      "external-script-condition.bpmn", "script-input-parameter.bpmn", "groovy-default.dmn", "javascript-input.dmn",
      "juel-output.dmn", "juel-input.dmn", "python-default.dmn", "embedded-form.html", "helper.js", "diagram.svg",
      "case.cmmn", "doctype.bpmn"})
  void anAdministratorCannotDeployAScript(String resource) {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    HttpResponse<String> r = new Multipart().field("deployment-name", "script-probe")
        .file(resource, SCRIPTED.get(resource)).post("admin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(refusalText(r)).containsPattern(CHINESE).contains(resource);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aScriptHiddenBesideAHarmlessModelRefusesTheWholeDeployment() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    HttpResponse<String> r = new Multipart().field("deployment-name", "mixed")
        .file("harmless.bpmn", bpmn("harmless-mixed", "<bpmn:startEvent id=\"s\" />"))
        .file("helper.js", SCRIPTED.get("helper.js")).post("admin");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void modelsWithoutScriptsDeployAndThePackagedModelsPassedTheSameGuard() {
    HttpResponse<String> r = new Multipart().field("deployment-name", "harmless")
        .file("harmless.bpmn", bpmn("harmless-probe", """
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
            <bpmn:endEvent id="e" />
            """))
        .file("feel.dmn", dmn("", "expressionLanguage=\"feel\"", "")).post("admin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    engine.getRepositoryService().deleteDeployment(json(r.body()).get("id").asText(), true);

    for (String key : List.of("maker-space-certification", "maker-space-supervision")) {
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
          .as("packaged model %s deployed through the guard", key).isPositive();
    }
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void noScriptRunsEvenIfOneReachedTheDatabase() {
    for (String language : List.of("groovy", "javascript", "juel", "python")) {
      assertThatThrownBy(() -> configuration().getCommandExecutorTxRequired().execute(context ->
          configuration().getScriptingEngines().getScriptEngineForLanguage(language)))
          .as(language).hasMessageContaining("禁止执行脚本");
    }
    assertThatThrownBy(() -> configuration().getCommandExecutorTxRequired().execute(context -> {
      DmnDecision juel = configuration().getDmnEngine().parseDecision("probe", new java.io.ByteArrayInputStream(
          dmn("", "expressionLanguage=\"juel\"", "").getBytes(StandardCharsets.UTF_8)));
      return configuration().getDmnEngine().evaluateDecisionTable(juel, Variables.createVariables().putValue("x", "a"));
    })).hasStackTraceContaining("只允许使用FEEL");
  }

  @Test
  void feelCannotCallJava() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://example"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn">
          <decision id="feel-java-probe" name="探测" camunda:historyTimeToLive="1">
            <variable id="v" name="feel-java-probe" typeRef="string" />
            <literalExpression id="l"><text>(function(s) external { java: { class: "java.lang.System",
              method signature: "getProperty(java.lang.String)" } })("user.home")</text></literalExpression>
          </decision>
        </definitions>
        """;
    // Since issue 12 the deployment itself is refused (function definitions are a rule limit,
    // rules/RuleLimits); before, it deployed and the call returned null at run time.
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    HttpResponse<String> deployed = new Multipart().field("deployment-name", "feel-java-probe")
        .file("feel-java-probe.dmn", dmn).post("admin");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(400);
    assertThat(deployed.body()).contains("feel-java-probe.dmn").contains("function").doesNotContain(
        System.getProperty("user.home") + "\"");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ expressions

  @Test
  void expressionsReachOnlyTheBeansThePackagedModelsName() {
    var exposed = hardening.expressionBeans().names();
    assertThat(exposed).contains("applicationIntake", "expertPanel", "workingDays", "outcomes", "supervisionLauncher")
        .doesNotContain("dataSource", "processEngineConfiguration", "processEngine", "identityService",
            "runtimeService", "jdbcTemplate", "applicationValidator", "engineHardeningPlugin");
    assertThat(exposed).allSatisfy(name -> assertThat(context.getType(name).getName())
        .startsWith("cn.gov.shuozhou.makerspace."));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"${dataSource}", "${processEngineConfiguration}", "${processEngine}", "${identityService}",
      "${jdbcTemplate.queryForList('SELECT 1')}", "${applicationValidator}",
      "${execution.processEngineServices.identityService}", "${execution.getProcessEngine()}",
      "${execution.processEngine.processEngineConfiguration.dataSource}",
      "${''.getClass().forName('java.lang.Runtime')}", "${applicationIntake.getClass().getClassLoader()}",
      "${workingDays.class}", "${S('{}').mapTo('java.lang.ProcessBuilder')}"})
  void aDeployedModelCannotReachOtherBeansOrReflection(String expression) {
    String key = "expression-probe";
    HttpResponse<String> deployed = new Multipart().field("deployment-name", key)
        .file(key + ".bpmn", bpmn(key, """
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <bpmn:serviceTask id="t" camunda:expression="%s" camunda:resultVariable="leak" />
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" /><bpmn:endEvent id="e" />
            """.formatted(expression.replace("'", "&apos;")))).post("admin");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    try {
      long instances = historicInstances();
      HttpResponse<String> r = rest("admin").post("/process-definition/key/" + key + "/start", "{}");
      assertThat(r.statusCode()).as("%s must not evaluate: %s", expression, abbreviate(r.body()))
          .isGreaterThanOrEqualTo(400);
      assertThat(historicInstances()).isEqualTo(instances);
    } finally {
      engine.getRepositoryService().deleteDeployment(json(deployed.body()).get("id").asText(), true);
    }
  }

  @Test
  void theApplicationsOwnBeansStillResolve() {
    String key = "expression-allowed-probe";
    HttpResponse<String> deployed = new Multipart().field("deployment-name", key)
        .file(key + ".bpmn", bpmn(key, """
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <bpmn:serviceTask id="t" camunda:expression="${workingDays != null and now() != null}"
              camunda:resultVariable="ok" />
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="u" /><bpmn:userTask id="u" />
            """)).post("admin");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    try {
      HttpResponse<String> r = rest("admin").post("/process-definition/key/" + key + "/start", "{}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(engine.getRuntimeService().getVariable(json(r.body()).get("id").asText(), "ok")).isEqualTo(true);
    } finally {
      engine.getRepositoryService().deleteDeployment(json(deployed.body()).get("id").asText(), true);
    }
  }

  @Test
  void expressionsInTheOrPartOfATaskQueryAreRefused() {
    String payload = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/or-query-probe')}";
    String query = "{\"orQueries\":[{\"dueAfterExpression\":" + JSON.valueToTree(payload) + "}]}";
    for (String path : List.of("/task", "/task/count")) {
      HttpResponse<String> r = rest("operator1").post(path, query);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(refusalText(r)).containsPattern(CHINESE).contains("dueAfterExpression");
    }
    WebappSession tasklist = portalSession("operator1");
    assertThat(tasklist.post(TASKLIST_ENGINE + "/task", query).statusCode()).isEqualTo(400);
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/or-query-probe"))).isFalse();

    // plain or-queries still work; top-level expressions stay refused by the engine itself
    assertThat(rest("operator1").post("/task", "{\"orQueries\":[{\"assignee\":\"operator1\"},{\"name\":\"x\"}]}")
        .statusCode()).isEqualTo(200);
    assertThat(rest("operator1").post("/task", "{\"assigneeExpression\":\"${currentUser()}\"}").statusCode())
        .isIn(400, 403);
  }

  @Test
  void evenAnExpressionThatSlipsThroughCannotUseReflection() {
    for (String expression : List.of("${''.getClass()}", "${''.class}", "${dataSource}",
        "${'x'.getClass().forName('java.lang.Runtime')}", "${workingDays.getClass()}")) {
      assertThatThrownBy(() -> evaluate(expression)).as(expression)
          .hasMessageMatching("(?s).*(表达式不允许访问|Cannot resolve identifier).*");
    }
    assertThat(evaluate("${'朔州'.length()}")).isEqualTo(2);
    assertThat(evaluate("${workingDays != null}")).isEqualTo(true);
  }

  /** Evaluates an expression inside an engine command, as the engine would (no variables in scope). */
  private Object evaluate(String expression) {
    return configuration().getCommandExecutorTxRequired().execute(context ->
        configuration().getExpressionManager().createExpression(expression).getValue(null));
  }

  @Test
  void camundaAdminSetupIsClosedOnceAnyUserExists() {
    String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
        + "\"credentials\":{\"password\":\"Intruder-2026\"}}";
    HttpResponse<String> r = webapp().post("/camunda/api/admin/setup/default/user/create", user);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  // ------------------------------------------------------------------ headers

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/rules", "/api/applications", "/api/calendar", "/rules/", "/rules/app.js",
      "/calendar/", "/calendar/calendar.js", "/actuator/health", "/engine-rest/task", "/engine-rest/process-definition"})
  void ourOwnPagesAndApisSendSecurityHeaders(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("ruleadmin1")).GET());
    var headers = r.headers();
    assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
        assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
    if (path.startsWith("/rules/") || path.startsWith("/calendar/")) {
      assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'", "object-src 'none'").doesNotContain("script-src 'self' 'unsafe-inline'");
    }
  }

  @Test
  void refusalsCarryTheHeadersTooAndTheCamundaWebappsKeepTheirOwnPolicy() {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/rules")).GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<String> welcome = send(HttpRequest.newBuilder(uri(WebappSession.WELCOME_PAGE)).GET());
    assertThat(welcome.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).doesNotContain("default-src 'none'"));
  }
}
