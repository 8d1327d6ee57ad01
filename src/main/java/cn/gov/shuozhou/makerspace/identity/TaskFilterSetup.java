package cn.gov.shuozhou.makerspace.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each filter of {@link TaskFilters} once (found by name, so an administrator may edit it
 * in Tasklist without it being recreated) and makes sure its reader groups may read it.
 */
class TaskFilterSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFilterSetup.class);

  private static final String VARIABLES = "variables";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGranter granter;

  TaskFilterSetup(FilterService filterService, TaskService taskService, AuthorizationGranter granter) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.granter = granter;
  }

  void createMissingFilters(List<TaskFilterDefinition> definitions) {
    for (TaskFilterDefinition definition : definitions) {
      Filter filter = findOrCreate(definition);
      for (String group : definition.readerGroups()) {
        granter.grant(AuthorizationGrant.of(group, Resources.FILTER, filter.getId(), Permissions.READ));
      }
    }
  }

  private Filter findOrCreate(TaskFilterDefinition definition) {
    List<Filter> existing = filterService.createTaskFilterQuery().filterName(definition.name()).list();
    if (!existing.isEmpty()) {
      return withCardVariables(existing.get(0));
    }
    Filter filter = filterService.newTaskFilter(definition.name())
        .setProperties(definition.properties())
        .setQuery(definition.query().apply(taskService));
    LOG.info("Creating Tasklist filter {}", definition.name());
    return filterService.saveFilter(filter);
  }

  /**
   * Gives a filter of an earlier release the current card variables: the first release's are
   * replaced, the administrator's own kept (first), everything else of the filter left as it is.
   */
  private Filter withCardVariables(Filter filter) {
    Map<String, Object> properties = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
    List<Map<String, String>> variables = new ArrayList<>();
    if (properties.get(VARIABLES) instanceof List<?> existing) {
      existing.stream().filter(Map.class::isInstance).map(v -> stringMap((Map<?, ?>) v))
          .filter(v -> !TaskFilterDefinition.REPLACED_LIST_VARIABLES.contains(v))
          .forEach(variables::add);
    }
    boolean replaced = properties.get(VARIABLES) instanceof List<?> before && before.size() != variables.size();
    List<Map<String, String>> missing = TaskFilterDefinition.LIST_VARIABLES.stream()
        .filter(wanted -> variables.stream().noneMatch(v -> wanted.get("name").equals(v.get("name"))))
        .toList();
    if (missing.isEmpty() && !replaced) {
      return filter;
    }
    variables.addAll(missing);
    properties.put(VARIABLES, variables);
    LOG.info("Adding card variables {} to Tasklist filter {}", missing, filter.getName());
    return filterService.saveFilter(filter.setProperties(properties));
  }

  private static Map<String, String> stringMap(Map<?, ?> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    return copy;
  }
}
