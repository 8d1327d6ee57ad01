package cn.gov.shuozhou.makerspace.audit;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * A fingerprint of everything an auditor's write could change: instances, tasks, variables, jobs,
 * definitions, deployments, history, comments, identities, authorizations, filters. Two equal
 * fingerprints mean nothing was written. Read without an authenticated user (no checks).
 */
final class EngineState {

  private EngineState() {}

  /** The entries that differ: key → "before ⇒ after" (abbreviated). */
  static Map<String, String> difference(Map<String, Object> before, Map<String, Object> after) {
    Map<String, String> changed = new TreeMap<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      Object was = before.get(key);
      Object is = after.get(key);
      if (!java.util.Objects.equals(was, is)) {
        changed.put(key, abbreviate(String.valueOf(was)) + " => " + abbreviate(String.valueOf(is)));
      }
    }
    return changed;
  }

  private static String abbreviate(String text) {
    return text.length() < 200 ? text : text.substring(0, 200) + "…";
  }

  static Map<String, Object> of(ProcessEngine engine) {
    Map<String, Object> state = new TreeMap<>();
    var runtime = engine.getRuntimeService();
    var tasks = engine.getTaskService();
    var management = engine.getManagementService();
    var repository = engine.getRepositoryService();
    var history = engine.getHistoryService();
    var identity = engine.getIdentityService();

    for (ProcessInstance pi : runtime.createProcessInstanceQuery().list()) {
      state.put("instance " + pi.getId(), pi.isSuspended() + " " + pi.getBusinessKey()
          + " " + new TreeMap<>(runtime.getVariables(pi.getId())));
      state.put("instance " + pi.getId() + " executions",
          runtime.createExecutionQuery().processInstanceId(pi.getId()).count());
      state.put("instance " + pi.getId() + " subscriptions",
          runtime.createEventSubscriptionQuery().processInstanceId(pi.getId()).count());
    }
    for (Task t : tasks.createTaskQuery().list()) {
      state.put("task " + t.getId(), t.getName() + " assignee=" + t.getAssignee() + " owner=" + t.getOwner()
          + " priority=" + t.getPriority() + " due=" + t.getDueDate() + " follow=" + t.getFollowUpDate()
          + " suspended=" + t.isSuspended() + " delegation=" + t.getDelegationState()
          + " links=" + tasks.getIdentityLinksForTask(t.getId()).size()
          + " vars=" + new TreeMap<>(tasks.getVariablesLocal(t.getId()))
          + " comments=" + tasks.getTaskComments(t.getId()).size()
          + " attachments=" + tasks.getTaskAttachments(t.getId()).size());
    }
    for (Job j : management.createJobQuery().list()) {
      state.put("job " + j.getId(), "retries=" + j.getRetries() + " due=" + j.getDuedate()
          + " suspended=" + j.isSuspended() + " priority=" + j.getPriority());
    }
    for (JobDefinition d : management.createJobDefinitionQuery().list()) {
      state.put("job definition " + d.getId(), "suspended=" + d.isSuspended()
          + " priority=" + d.getOverridingJobPriority());
    }
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
      state.put("process definition " + d.getId(), "suspended=" + d.isSuspended()
          + " ttl=" + d.getHistoryTimeToLive());
    }
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
      state.put("decision definition " + d.getId(), "ttl=" + d.getHistoryTimeToLive());
    }
    state.put("deployments", repository.createDeploymentQuery().count());
    state.put("historic process instances", history.createHistoricProcessInstanceQuery().count());
    state.put("historic variables", history.createHistoricVariableInstanceQuery().count());
    state.put("historic details", history.createHistoricDetailQuery().count());
    state.put("historic decisions", history.createHistoricDecisionInstanceQuery().count());
    state.put("historic tasks", history.createHistoricTaskInstanceQuery().count());
    state.put("historic incidents", history.createHistoricIncidentQuery().count());
    state.put("operation log", history.createUserOperationLogQuery().count());
    state.put("operation log annotations", history.createUserOperationLogQuery().list().stream()
        .filter(e -> e.getAnnotation() != null).count());
    state.put("batches", management.createBatchQuery().count());
    state.put("incidents", runtime.createIncidentQuery().count());
    for (var pi : history.createHistoricProcessInstanceQuery().list()) {
      state.put("comments of " + pi.getId(), tasks.getProcessInstanceComments(pi.getId()).stream()
          .map(c -> c.getId() + ":" + c.getFullMessage()).sorted().toList());
    }
    for (User u : identity.createUserQuery().list()) {
      state.put("user " + u.getId(), u.getFirstName() + " " + u.getLastName() + " " + u.getEmail()
          + " groups=" + identity.createGroupQuery().groupMember(u.getId()).list().stream()
              .map(g -> g.getId()).sorted().toList());
    }
    state.put("auditor1 password unchanged", identity.checkPassword("auditor1", "auditor1"));
    state.put("groups", identity.createGroupQuery().count());
    state.put("tenants", identity.createTenantQuery().count());
    state.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().list().stream()
        .map(a -> a.getId() + ":" + a.getAuthorizationType() + ":" + a.getUserId() + ":" + a.getGroupId()
            + ":" + a.getResourceType() + ":" + a.getResourceId() + ":"
            + ((AuthorizationEntity) a).getPermissions())
        .sorted().toList());
    state.put("filters", engine.getFilterService().createFilterQuery().list().stream()
        .map(f -> f.getId() + ":" + f.getName() + ":" + f.getOwner() + ":" + f.getProperties())
        .sorted().toList());
    return state;
  }
}
