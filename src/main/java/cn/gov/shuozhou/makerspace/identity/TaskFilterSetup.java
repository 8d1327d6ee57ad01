package cn.gov.shuozhou.makerspace.identity;

import java.util.List;
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
      return existing.get(0);
    }
    Filter filter = filterService.newTaskFilter(definition.name())
        .setProperties(definition.properties())
        .setQuery(definition.query().apply(taskService));
    LOG.info("Creating Tasklist filter {}", definition.name());
    return filterService.saveFilter(filter);
  }
}
