package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.tasks.CaseCard;
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

  /**
   * Variables shown on every task card of our filters: the task's copy of its case's card
   * (tasks/CaseCard; a certification has an application number, a supervision also a certificate
   * number). The due date Tasklist shows by itself.
   */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", CaseCard.CARD_APPLICATION_NUMBER, "label", "申请编号"),
      Map.of("name", CaseCard.CARD_CERTIFICATE_NUMBER, "label", "证书编号"),
      Map.of("name", CaseCard.CARD_SPACE_NAME, "label", "众创空间名称"),
      Map.of("name", CaseCard.CARD_COUNTY_NAME, "label", "所在县区"),
      Map.of("name", CaseCard.CARD_OPERATOR_NAME, "label", "运营机构名称"),
      Map.of("name", CaseCard.CARD_OBJECTION_NUMBER, "label", "异议受理编号"));

  /** The card variables of the first release: process variables, which staff may not read. */
  static final List<Map<String, String>> REPLACED_LIST_VARIABLES = List.of(
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
