package cn.gov.shuozhou.makerspace.security;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT_OPINIONS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_EXPERT_REVIEW;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Confidential variables. Expert votes are confidential until the panel has decided. An expert's {@code score},
 * {@code recommend} and {@code comment} live in the scope of their own {@code expertReview}
 * (input mappings of the multi-instance task). Authorizations cannot tell one expert's scope from
 * another's within a case they may read, so this engine interceptor removes those three values from
 * every read of variables (runtime and task variables, form variables, the history's variable
 * instances and details), whichever door asked, unless the reader
 * <ul>
 *   <li>is that review's expert (the assignee of its task),
 *   <li>belongs to {@code city-bureau}, {@code bureau-leaders} or {@code auditors} and no review of
 *       the case is still open, or
 *   <li>is a system administrator.
 * </ul>
 * The panel's opinions as one text ({@code expertOpinions}, written once the panel is done) are read
 * by the same three groups. The objector's identity ({@code objectorName}, {@code objectorPhone}) is
 * read only by the city bureau, which handles the objection, the auditors and administrators, on the
 * same paths.
 *
 * <p>Variable-instance queries (runtime and history) and the history's details leave such rows out
 * before paging and counting, so that a count, its pages and a single result agree with what the
 * reader sees. Other lists leave them out of what they return; a single value asked for by id or
 * name is answered as not found. The engine's own work (no user, or checks off) sees all.
 */
final class ConfidentialVariablesGuard extends CommandInterceptor {

  static final Set<String> REVIEW_VARIABLES = Capability.READ_REVIEWS_AFTER_PANEL.variables();
  private static final String REVIEW_SCOPE = TASK_EXPERT_REVIEW + ":";
  /** Who objected during the public notice: the city bureau, which handles objections, and the auditors. */
  static final Set<String> OBJECTOR_VARIABLES = Capability.READ_OBJECTORS.variables();
  /** The whole panel's votes as one text (the bureau decision form), written once the panel is done. */
  static final Set<String> PANEL_VARIABLES = Set.of(EXPERT_OPINIONS);
  /** Every name the guard may hide: rows of other names are never hidden. */
  private static final List<String> CONFIDENTIAL = Stream.of(REVIEW_VARIABLES, OBJECTOR_VARIABLES, PANEL_VARIABLES)
      .flatMap(Set::stream).sorted().toList();

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    Authentication user = Guards.checkedUser(context);
    if (user == null || AccessPolicy.allows(user, Capability.READ_ALL_VARIABLES)) {
      return next.execute(command);
    }
    Reader reader = new Reader(context, user);
    if (command instanceof VariableInstanceQueryImpl || command instanceof HistoricVariableInstanceQueryImpl
        || command instanceof HistoricDetailQueryImpl) {
      AbstractQuery<?, ?> query = (AbstractQuery<?, ?>) command;
      Set<String> hidden = reader.hiddenRows(query);
      return hidden.isEmpty() ? next.execute(command) : reader.runWithout(query, hidden);
    }
    T result = next.execute(command);
    return result == null ? null : reader.filter(command, result);
  }

  /** One command's reader, with what it may see per review scope remembered for the command. */
  private static final class Reader {

    private final CommandContext context;
    private final Authentication user;
    private final Map<String, Boolean> visibleScopes = new HashMap<>();

    Reader(CommandContext context, Authentication user) {
      this.context = context;
      this.user = user;
    }

    /**
     * The ids of the rows of a variable query that this reader may not see: the query narrowed to
     * the confidential names (its own conditions kept), unpaged, as the reader (authorizations apply).
     */
    @SuppressWarnings("unchecked")
    Set<String> hiddenRows(AbstractQuery<?, ?> query) {
      if (query instanceof HistoricDetailQueryImpl) {
        return hiddenDetails(query);
      }
      boolean historic = query instanceof HistoricVariableInstanceQueryImpl;
      String namesField = historic ? "variableNameIn" : "variableNames";
      Object asked = Guards.field(query, namesField);
      List<String> askedNames = asked == null ? null
          : historic ? (List<String>) asked : Arrays.asList((String[]) asked);
      List<String> names = CONFIDENTIAL.stream().filter(n -> askedNames == null || askedNames.contains(n)).toList();
      if (names.isEmpty()) {
        return Set.of();
      }
      Guards.setField(query, namesField, historic ? names : names.toArray(String[]::new));
      try {
        return hiddenAmong(query);
      } finally {
        Guards.setField(query, namesField, asked);
      }
    }

    /** Details can be narrowed by one name pattern only: once per confidential name, or not at all. */
    private Set<String> hiddenDetails(AbstractQuery<?, ?> query) {
      if (Guards.field(query, "variableNameLike") != null) {
        return hiddenAmong(query);
      }
      Set<String> hidden = new HashSet<>();
      try {
        for (String name : CONFIDENTIAL) {
          Guards.setField(query, "variableNameLike", name);
          hidden.addAll(hiddenAmong(query));
        }
      } finally {
        Guards.setField(query, "variableNameLike", null);
      }
      return hidden;
    }

    /** The ids of the rows of the query, unpaged, that this reader may not see. */
    private Set<String> hiddenAmong(AbstractQuery<?, ?> query) {
      int first = query.getFirstResult();
      int max = query.getMaxResults();
      query.setFirstResult(0);
      query.setMaxResults(Integer.MAX_VALUE);
      try {
        return query.executeList(context, null).stream().filter(row -> !visibleRow(row))
            .map(Reader::idOf).collect(Collectors.toSet());
      } finally {
        query.setFirstResult(first);
        query.setMaxResults(max);
      }
    }

    /** The query as the reader sees it: hidden rows left out before paging and not counted. */
    @SuppressWarnings("unchecked")
    <T> T runWithout(AbstractQuery<?, ?> query, Set<String> hidden) {
      String type = Guards.<Enum<?>>field(query, "resultType").name(); // AbstractQuery.ResultType is protected
      if ("COUNT".equals(type)) {
        return (T) Long.valueOf(query.executeCount(context) - hidden.size());
      }
      int first = query.getFirstResult();
      int max = query.getMaxResults();
      // at most hidden.size() rows of the first (first + max + hidden) are left out
      query.setFirstResult(0);
      query.setMaxResults((int) Math.min(Integer.MAX_VALUE, (long) first + max + hidden.size()));
      List<?> visible;
      try {
        visible = query.executeList(context, null).stream().filter(row -> !hidden.contains(idOf(row))).toList();
      } finally {
        query.setFirstResult(first);
        query.setMaxResults(max);
      }
      if ("SINGLE_RESULT".equals(type)) {
        if (visible.size() > 1) {
          throw new ProcessEngineException("Query return " + visible.size() + " results instead of max 1");
        }
        return visible.isEmpty() ? null : (T) visible.get(0);
      }
      int from = Math.min(first, visible.size());
      return (T) new ArrayList<>(visible.subList(from, (int) Math.min(visible.size(), (long) first + max)));
    }

    private static String idOf(Object row) {
      if (row instanceof HistoricDetail d) {
        return d.getId();
      }
      return row instanceof HistoricVariableInstance v ? v.getId() : ((VariableInstance) row).getId();
    }

    @SuppressWarnings("unchecked")
    <T> T filter(Command<T> command, T result) {
      if (result instanceof List<?> rows && rows.stream().anyMatch(Reader::isRow)) {
        return (T) new ArrayList<>(rows.stream().filter(this::visibleRow).toList());
      }
      if (isRow(result)) {
        return visibleRow(result) ? result : null;
      }
      if (!(result instanceof VariableMap) && !isVariableRead(command)) {
        return result;
      }
      Set<String> hidden = new HashSet<>();
      if (!readsObjectors()) {
        hidden.addAll(OBJECTOR_VARIABLES);
      }
      if (!readsAfterPanel()) {
        hidden.addAll(PANEL_VARIABLES);
      }
      String scope = reviewScopeOf(command);
      if (scope != null && !visible(scope)) {
        hidden.addAll(REVIEW_VARIABLES);
      }
      if (result instanceof VariableMap variables) {
        VariableMap visible = Variables.createVariables();
        variables.keySet().stream().filter(name -> !hidden.contains(name))
            .forEach(name -> visible.putValueTyped(name, variables.getValueTyped(name)));
        return (T) visible;
      }
      String name = Guards.field(command, "variableName");
      return hidden.contains(name) ? null : result;
    }

    private static boolean isVariableRead(Command<?> command) {
      return command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped
          || command instanceof GetExecutionVariableCmd || command instanceof GetExecutionVariableTypedCmd;
    }

    private boolean readsObjectors() {
      return AccessPolicy.allows(user, Capability.READ_OBJECTORS);
    }

    private boolean readsAfterPanel() {
      return AccessPolicy.allows(user, Capability.READ_REVIEWS_AFTER_PANEL);
    }

    private static boolean isRow(Object o) {
      return o instanceof HistoricVariableInstance || o instanceof HistoricDetail || o instanceof VariableInstance;
    }

    private boolean visibleRow(Object row) {
      String name;
      String scope;
      if (row instanceof HistoricVariableInstance v) {
        name = v.getName();
        scope = v.getActivityInstanceId();
      } else if (row instanceof HistoricVariableUpdate u) {
        name = u.getVariableName();
        scope = u.getActivityInstanceId();
      } else if (row instanceof HistoricFormField f) {
        name = f.getFieldId();
        scope = f.getActivityInstanceId();
      } else if (row instanceof VariableInstance v) {
        name = v.getName();
        scope = REVIEW_VARIABLES.contains(name) ? scopeOfVariable(v.getId()) : null;
      } else {
        return true;
      }
      if (OBJECTOR_VARIABLES.contains(name)) {
        return readsObjectors();
      }
      if (PANEL_VARIABLES.contains(name)) {
        return readsAfterPanel();
      }
      return !REVIEW_VARIABLES.contains(name) || scope == null || !scope.startsWith(REVIEW_SCOPE) || visible(scope);
    }

    /**
     * The scope a runtime variable was created in. A finished review's execution stays until the
     * whole panel is done, but no longer names its activity instance: its history does (a runtime
     * variable and its history share the id).
     */
    private String scopeOfVariable(String variableId) {
      HistoricVariableInstance created = WithoutAuthorization.call(() -> context.getProcessEngineConfiguration()
          .getHistoryService().createHistoricVariableInstanceQuery().variableId(variableId)
          .disableBinaryFetching().disableCustomObjectDeserialization().singleResult());
      return created == null ? null : created.getActivityInstanceId();
    }

    /** The review scope of an execution, also of a finished review's execution (see above). */
    private String scopeOfExecution(ExecutionEntity execution) {
      if (execution.getActivityInstanceId() != null) {
        return execution.getActivityInstanceId();
      }
      List<VariableInstance> reviewValues = WithoutAuthorization.call(() -> context.getProcessEngineConfiguration()
          .getRuntimeService().createVariableInstanceQuery().executionIdIn(execution.getId())
          .variableNameIn(REVIEW_VARIABLES.toArray(String[]::new)).disableBinaryFetching()
          .disableCustomObjectDeserialization().list());
      return reviewValues.isEmpty() ? null : scopeOfVariable(reviewValues.get(0).getId());
    }

    /** The review scope a task or execution variable read is about; null when it is no review's. */
    private String reviewScopeOf(Command<?> command) {
      ExecutionEntity execution = null;
      if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskVariableCmd
          || command instanceof GetTaskVariableCmdTyped
          || (command instanceof AbstractGetFormVariablesCmd && !(command instanceof GetStartFormVariablesCmd))) {
        String taskId = command instanceof AbstractGetFormVariablesCmd form ? form.resourceId : Guards.field(command, "taskId");
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        execution = task == null ? null : task.getExecution();
      } else if (command instanceof GetExecutionVariablesCmd || command instanceof GetExecutionVariableCmd
          || command instanceof GetExecutionVariableTypedCmd) {
        String executionId = Guards.field(command, "executionId");
        execution = executionId == null ? null : context.getExecutionManager().findExecutionById(executionId);
      }
      String scope = execution == null ? null : scopeOfExecution(execution);
      return scope != null && scope.startsWith(REVIEW_SCOPE) ? scope : null;
    }

    private boolean visible(String reviewScope) {
      return visibleScopes.computeIfAbsent(reviewScope, this::decide);
    }

    private boolean decide(String reviewScope) {
      HistoryService history = context.getProcessEngineConfiguration().getHistoryService();
      List<HistoricTaskInstance> review = WithoutAuthorization.call(() ->
          history.createHistoricTaskInstanceQuery().activityInstanceIdIn(reviewScope).list());
      if (review.stream().anyMatch(task -> user.getUserId().equals(task.getAssignee()))) {
        return true;
      }
      if (review.isEmpty() || !readsAfterPanel()) {
        return false;
      }
      String processInstanceId = review.get(0).getProcessInstanceId();
      return WithoutAuthorization.call(() -> history.createHistoricActivityInstanceQuery()
          .processInstanceId(processInstanceId).activityId(TASK_EXPERT_REVIEW).unfinished().count()) == 0;
    }
  }
}
