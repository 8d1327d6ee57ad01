package cn.gov.shuozhou.makerspace.bench;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certification lifecycle of {@link Lifecycle} over the engine's REST API, each request as the
 * person who makes it (HTTP Basic), against the running application with its own job executor:
 * only the public-notice timer is executed early (by the administrator, as an operator could in
 * Cockpit), everything asynchronous is left to the job executor.
 */
final class RestLifecycle {

  private final String app;
  private final String base;

  RestLifecycle(String baseUrl) {
    this.app = baseUrl;
    this.base = baseUrl + "/engine-rest";
  }

  String run() throws InterruptedException {
    Map<String, Object> application = Applications.valid("shuocheng");
    Map<String, Object> start = Map.of("variables", typed(application));
    String pi = as(organisationOf((String) application.get(CREDIT_CODE))).post("/process-definition/key/" + KEY + "/start", start).get("id").asText();
    groupTask(pi, TASK_FIRST_REVIEW, "shuocheng1", Map.of(FIRST_REVIEW_DECISION, "approve", FIRST_REVIEW_COMMENT, "材料齐全，同意上报"));
    groupTask(pi, TASK_INSPECTION, "inspector1", Applications.inspection(true, false));
    Map<String, Object> panel = new LinkedHashMap<>();
    panel.put(EXPERTS, Map.of("type", "Json", "value", "[\"expert1\",\"expert2\",\"expert3\"]"));
    groupTask(pi, TASK_ORGANISE_EXPERTS, "city1", panel);
    for (String expert : CertificationDriver.PANEL) {
      Http http = as(expert);
      JsonNode tasks = http.get("/task?processInstanceId=" + pi + "&taskDefinitionKey=" + TASK_EXPERT_REVIEW + "&assignee=" + expert);
      http.post("/task/" + tasks.get(0).get("id").asText() + "/complete",
          Map.of("variables", typed(Map.of(SCORE, 86.0, RECOMMEND, true, COMMENT, "运营规范，服务能力较强"))));
    }
    groupTask(pi, TASK_BUREAU_DECISION, "leader1", Map.of(BUREAU_DECISION, "approve"));
    Http admin = as("admin");
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (admin.get("/process-instance/count?processInstanceIds=" + pi).get("count").asLong() == 0) {
        return pi;
      }
      for (JsonNode job : admin.get("/job?processInstanceId=" + pi)) {
        String due = job.path("dueDate").asText(null);
        boolean timer = due != null && !due.equals("null")
            && Instant.parse(due.replaceFirst("(\\+|-)(\\d\\d)(\\d\\d)$", "$1$2:$3")).isAfter(Instant.now().plusSeconds(60));
        if (timer) {
          try {
            admin.post("/job/" + job.get("id").asText() + "/execute", Map.of());
          } catch (Http.HttpError e) {
            // executed by the job executor meanwhile, or locked: look again
          }
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("lifecycle " + pi + " did not end within 2 minutes");
  }

  private void groupTask(String pi, String taskKey, String user, Map<String, Object> variables) {
    Http http = as(user);
    JsonNode tasks = http.get("/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey);
    if (tasks.size() != 1) {
      throw new IllegalStateException(user + " sees " + tasks.size() + " tasks " + taskKey + " of " + pi);
    }
    String id = tasks.get(0).get("id").asText();
    http.post("/task/" + id + "/claim", Map.of("userId", user));
    http.post("/task/" + id + "/complete", Map.of("variables", typed(variables)));
  }

  /** An organisation account for the credit code (password = user id), created by the administrator. */
  private String organisationOf(String creditCode) {
    String userId = "o" + creditCode.toLowerCase(java.util.Locale.ROOT);
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("userId", userId);
    account.put("password", userId);
    account.put("creditCode", creditCode);
    account.put("organisationName", "基准测试运营机构" + creditCode);
    account.put("contactName", "王明");
    account.put("phone", "13903491234");
    account.put("email", userId + "@bench.local");
    account.put("county", "shuocheng");
    new Http(app, "admin").post("/api/organisations", account);
    return userId;
  }

  private Http as(String user) {
    return new Http(base, user);
  }

  /** REST's typed variables: {"name": {"value": ..., "type": "Double"}}. */
  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    variables.forEach((k, v) -> {
      if (v instanceof Map<?, ?> already) {
        out.put(k, already);
      } else {
        String type = v instanceof Double ? "Double" : v instanceof Integer ? "Integer" : v instanceof Boolean ? "Boolean"
            : v instanceof Long ? "Long" : "String";
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", v);
        value.put("type", type);
        out.put(k, value);
      }
    });
    return out;
  }
}
