package cn.gov.shuozhou.makerspace.portal;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * The updates of the process variables of each instance, read once per request: what a variable
 * held when a task was asked or answered, also after the next cycle removed it. The caller reads
 * history without authorization checks and chooses what it shows.
 */
final class VariableHistory {

  /** A time after every update: the value a variable has now, or had when it was last removed. */
  static final Date LATEST = new Date(Long.MAX_VALUE);

  private final HistoryService history;
  private final Map<String, List<HistoricVariableUpdate>> byInstance = new HashMap<>();
  private final Map<String, Set<String>> processVariables = new HashMap<>();

  VariableHistory(HistoryService history) {
    this.history = history;
  }

  /**
   * The value the variable {@code name} of the process or one of its scopes had at {@code time}: the last
   * update not after it. A removal is recorded with the removed value, so a variable removed before
   * {@code time} still gives its last value.
   */
  Object valueAt(String processInstanceId, String name, Date time) {
    return valueAt(processInstanceId, name, time, update -> true);
  }

  /**
   * The same for a variable of the process itself, none of its scopes': an activity's input mapping
   * holds a local copy under the same name (the inspection's measured area as {@code totalArea}).
   */
  Object processValueAt(String processInstanceId, String name, Date time) {
    Set<String> own = processVariables.computeIfAbsent(processInstanceId, id -> history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(id).activityInstanceIdIn(id).includeDeleted().disableBinaryFetching()
        .disableCustomObjectDeserialization().list().stream()
        .map(HistoricVariableInstance::getId).collect(Collectors.toSet()));
    return valueAt(processInstanceId, name, time, update -> own.contains(update.getVariableInstanceId()));
  }

  private Object valueAt(String processInstanceId, String name, Date time, Predicate<HistoricVariableUpdate> scope) {
    Object value = null;
    for (HistoricVariableUpdate update : byInstance.computeIfAbsent(processInstanceId, this::read)) {
      if (name.equals(update.getVariableName()) && !update.getTime().after(time) && scope.test(update)) {
        value = update.getValue();
      }
    }
    return value;
  }

  private List<HistoricVariableUpdate> read(String processInstanceId) {
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery()
        .processInstanceId(processInstanceId).variableUpdates().orderByTime().asc()
        .orderPartiallyByOccurrence().asc().list()) { // updates of one millisecond in the order they were made
      // the variables of the process and of its scopes (a rectification's subprocess holds its reason,
      // deadline and report), not a task's local copy
      if (detail instanceof HistoricVariableUpdate update && update.getTaskId() == null) {
        updates.add(update);
      }
    }
    return updates;
  }
}
