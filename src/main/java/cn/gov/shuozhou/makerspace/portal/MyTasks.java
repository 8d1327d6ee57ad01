package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The applicant's own tasks on its case page: the task's Camunda Form (the very definition staff
 * forms and Tasklist use, {@code bpmn/forms/*.form}) with the values it shows, and its completion
 * as the applicant. The completion goes through the engine with the caller's authentication, so
 * the engine's own checks apply as on every other door: the assignee's right to work on the task,
 * exactly the form's writable fields ({@code security/DeclaredFieldsGuard}: anything else 400
 * naming the field, nothing stored) and the task's input listener (400 per field).
 */
@Service
public class MyTasks {

  /**
   * A task and its form as the page renders it; {@code previous}: for the annual report, what the
   * organisation declared last, shown beside its fields (null otherwise).
   */
  public record TaskForm(String taskId, String kind, String name, Instant due, JsonNode form,
      Map<String, Object> values, Previous previous) {}

  /** What was declared before: where it comes from ({@code 2027年度报告}, {@code 认定申请}) and the values by field. */
  public record Previous(String source, Map<String, Object> values) {}

  /** A variable named in a text's template expression: its first name ({@code policy} of {@code {{policy.banYears}}}). */
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)");

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final LastReport lastReport;

  public MyTasks(ProcessEngine engine, ObjectMapper json, LastReport lastReport) {
    this.engine = engine;
    this.json = json;
    this.lastReport = lastReport;
  }

  public TaskForm form(String taskId, String userId) {
    Task task = own(taskId, userId);
    JsonNode form = read(taskId);
    List<String> keys = new ArrayList<>();
    keys(form, keys);
    Map<String, Object> values = new LinkedHashMap<>(engine.getTaskService().getVariables(taskId, keys));
    values.values().removeIf(value -> value == null);
    return new TaskForm(task.getId(), task.getTaskDefinitionKey(), task.getName(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(), form, values, lastReport.of(task));
  }

  /** Completes the caller's task with exactly what it sent (numbers as the engine stores them). */
  public void complete(String taskId, String userId, Map<String, Object> fields) {
    own(taskId, userId);
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((name, value) -> variables.put(name, value instanceof Number number
        && !(value instanceof Integer || value instanceof Long || value instanceof Double) ? number.doubleValue() : value));
    engine.getTaskService().complete(taskId, variables);
  }

  /** The open task assigned to the caller; 404 for any other (someone else's, done, or none). */
  private Task own(String taskId, String userId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).taskAssignee(userId).singleResult();
    if (task == null) {
      throw new ApiRefusal(ProblemType.NOT_FOUND, "本单位没有该项待办事项，或已办理完毕：" + taskId);
    }
    return task;
  }

  private JsonNode read(String taskId) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      return json.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable form of task " + taskId, e);
    }
  }

  /** Every component key of the form and every variable its texts name ({{policy.banYears}}), nested groups included. */
  private static void keys(JsonNode container, List<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      Matcher template = TEMPLATE.matcher(component.path("text").asText(""));
      while (template.find()) {
        keys.add(template.group(1));
      }
      keys(component, keys);
    }
  }
}
