package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
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
   * Variables shown on every task card of our filters (a card lists those its case has: a
   * certification its application number, a supervision its certificate number); Tasklist's search
   * offers them by label too. The due date Tasklist shows by itself.
   */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", CertificationProcess.APPLICATION_NUMBER, "label", "申请编号"),
      Map.of("name", CertificationProcess.CERTIFICATE_NUMBER, "label", "证书编号"),
      Map.of("name", CertificationProcess.SPACE_NAME, "label", "众创空间名称"),
      Map.of("name", CertificationProcess.COUNTY_NAME, "label", "所在县区"),
      Map.of("name", CertificationProcess.OPERATOR_NAME, "label", "运营机构名称"));

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
