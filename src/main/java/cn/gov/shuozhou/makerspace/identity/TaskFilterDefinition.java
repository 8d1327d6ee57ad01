package cn.gov.shuozhou.makerspace.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter: its Chinese name (the idempotency key), the Tasklist properties
 * (colour, priority, description, variables shown in the list), the task query, and the groups
 * whose members may use it.
 */
public record TaskFilterDefinition(
    String name,
    String description,
    String color,
    int priority,
    Function<TaskService, TaskQuery> query,
    List<String> readerGroups) {

  /** Variables shown on every task card of our filters. */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "spaceName", "label", "众创空间名称"),
      Map.of("name", "operatorName", "label", "运营机构名称"));

  public TaskFilterDefinition {
    readerGroups = List.copyOf(readerGroups);
  }

  /** The filter properties Tasklist reads. */
  public Map<String, Object> properties() {
    return Map.of(
        "color", color,
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", LIST_VARIABLES);
  }
}
