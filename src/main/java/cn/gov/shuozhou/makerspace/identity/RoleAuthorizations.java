package cn.gov.shuozhou.makerspace.identity;

import static cn.gov.shuozhou.makerspace.access.Capability.ADMINISTER_ENGINE;
import static cn.gov.shuozhou.makerspace.access.Capability.AUDIT;
import static cn.gov.shuozhou.makerspace.access.Capability.EVALUATE_DECISIONS;
import static cn.gov.shuozhou.makerspace.access.Capability.MONITOR_CASES;
import static cn.gov.shuozhou.makerspace.access.Capability.START_APPLICATIONS;
import static cn.gov.shuozhou.makerspace.access.Capability.WORK_ON_OWN_TASKS;
import static cn.gov.shuozhou.makerspace.access.Capability.WORK_ON_TASKS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.gov.shuozhou.makerspace.access.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * The engine-resource part of the access policy: the Camunda grants each capability of
 * {@link Capability} needs, given to the groups the policy names for it. Task permissions are not here:
 * the engine grants READ + TASK_WORK to a task's candidates and assignee
 * ({@code defaultUserPermissionNameForTask}), so staff see only their own tasks.
 */
public final class RoleAuthorizations {

  public static final String CERTIFICATION_PROCESS = "maker-space-certification";
  public static final String SUPERVISION_PROCESS = "maker-space-supervision";
  /** Called by both for a revocation, sanction or ban (Art. 8–10): the operator is heard, the leaders decide. */
  public static final String SANCTION_HEARING_PROCESS = "maker-space-sanction-hearing";
  /** Art. 9 after the title expired: a report still leads, after review and hearing, to the ban. */
  public static final String ENDED_TITLE_FALSE_MATERIALS_PROCESS = "maker-space-ended-title-false-materials";
  public static final List<String> PROCESSES = List.of(CERTIFICATION_PROCESS, SUPERVISION_PROCESS,
      SANCTION_HEARING_PROCESS, ENDED_TITLE_FALSE_MATERIALS_PROCESS);

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private RoleAuthorizations() {}

  /** Every grant, per capability of the access policy, for each group holding it. */
  public static List<AuthorizationGrant> all() {
    List<AuthorizationGrant> grants = new ArrayList<>();
    grants.addAll(forGroups(ADMINISTER_ENGINE, RoleAuthorizations::administrators));
    grants.addAll(forGroups(WORK_ON_TASKS, RoleAuthorizations::taskWork));
    grants.addAll(forGroups(START_APPLICATIONS, RoleAuthorizations::applicants));
    grants.addAll(forGroups(WORK_ON_OWN_TASKS, RoleAuthorizations::ownTaskWork));
    grants.addAll(forGroups(MONITOR_CASES, RoleAuthorizations::monitoring));
    grants.addAll(forGroups(EVALUATE_DECISIONS, RoleAuthorizations::decisions));
    grants.addAll(forGroups(AUDIT, RoleAuthorizations::auditors));
    return List.copyOf(grants);
  }

  /**
   * Rights over a running case that only {@code camunda-admin} holds: with them a user runs,
   * reschedules or deletes timers, sets job retries, creates incidents, signals executions,
   * correlates messages, suspends and changes instances. Revoked from every other grant on start.
   */
  public static final Map<Resources, List<Permission>> ADMIN_ONLY = Map.of(
      Resources.PROCESS_DEFINITION, List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE,
          ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
          ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.UPDATE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE),
      Resources.PROCESS_INSTANCE, List.of(ProcessInstancePermissions.UPDATE,
          ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.SUSPEND,
          ProcessInstancePermissions.UPDATE_VARIABLE));

  /** Administrators: everything, as Camunda's own admin setup grants it. */
  static List<AuthorizationGrant> administrators(String group) {
    List<AuthorizationGrant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(AuthorizationGrant.of(group, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  /**
   * Reviewers, inspectors, experts and leaders: Tasklist and the definitions it shows. The tasks
   * themselves: see the class comment.
   */
  static List<AuthorizationGrant> taskWork(String group) {
    List<AuthorizationGrant> grants = new ArrayList<>();
    grants.add(AuthorizationGrant.of(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    for (String process : PROCESSES) {
      grants.add(AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ));
    }
    return grants;
  }

  /** 运营机构: start a certification (for their own organisation: application/ApplicationIntakeListener). */
  static List<AuthorizationGrant> applicants(String group) {
    return List.of(
        AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, CERTIFICATION_PROCESS,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        AuthorizationGrant.of(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
  }

  /**
   * 运营机构: their own tasks on 我的申请 (the tasks themselves: see the class comment) need the
   * definitions read: a completion and the forms (the start form of 在线申报 too) read them. No
   * Tasklist.
   */
  static List<AuthorizationGrant> ownTaskWork(String group) {
    return PROCESSES.stream().map(process -> AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, process,
        ProcessDefinitionPermissions.READ)).toList();
  }

  /**
   * 市科技局: monitoring in Cockpit. No {@code UPDATE_INSTANCE}: it would let the bureau run,
   * reschedule or delete timers and signal executions; objections and reports are commands of the
   * application API ({@code /api/objections}, {@code /api/false-materials-reports},
   * {@code /api/violation-reports}), which correlate the message on the server.
   */
  static List<AuthorizationGrant> monitoring(String group) {
    List<AuthorizationGrant> grants = new ArrayList<>();
    grants.add(AuthorizationGrant.of(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    for (String process : PROCESSES) {
      grants.add(AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE));
    }
    return grants;
  }

  /**
   * The city bureau and rule administrators read the decisions and evaluate one on its own
   * ({@code POST /engine-rest/decision-definition/key/{key}/evaluate} changes no case); deploying
   * rules is granted by the rules feature.
   */
  static List<AuthorizationGrant> decisions(String group) {
    return List.of(
        AuthorizationGrant.of(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE),
        AuthorizationGrant.of(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
  }

  /** 审计人员: read and read-history on everything the processes and decisions produce; nothing else. */
  static List<AuthorizationGrant> auditors(String group) {
    return List.of(
        AuthorizationGrant.of(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS),
        AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, ANY,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE,
            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
        AuthorizationGrant.of(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
        AuthorizationGrant.of(group, Resources.TASK, ANY,
            TaskPermissions.READ, TaskPermissions.READ_VARIABLE, TaskPermissions.READ_HISTORY),
        AuthorizationGrant.of(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
            HistoricProcessInstancePermissions.READ),
        AuthorizationGrant.of(group, Resources.HISTORIC_TASK, ANY,
            HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE),
        AuthorizationGrant.of(group, Resources.DECISION_DEFINITION, ANY,
            Permissions.READ, Permissions.READ_HISTORY),
        AuthorizationGrant.of(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
        AuthorizationGrant.of(group, Resources.DEPLOYMENT, ANY, Permissions.READ),
        AuthorizationGrant.of(group, Resources.OPERATION_LOG_CATEGORY, ANY,
            UserOperationLogCategoryPermissions.READ));
  }

  private static List<AuthorizationGrant> forGroups(Capability capability,
      Function<String, List<AuthorizationGrant>> grants) {
    return capability.groups().stream().sorted().flatMap(group -> grants.apply(group).stream()).toList();
  }
}
