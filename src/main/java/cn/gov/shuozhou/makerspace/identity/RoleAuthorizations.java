package cn.gov.shuozhou.makerspace.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The authorization matrix of the roles. Task permissions are not here:
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

  public static List<AuthorizationGrant> all() {
    List<AuthorizationGrant> grants = new ArrayList<>();
    grants.addAll(administrators());
    grants.addAll(staff());
    grants.addAll(cityBureau());
    grants.addAll(operators());
    grants.addAll(ruleAdmins());
    grants.addAll(auditors());
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

  /** camunda-admin: everything, as Camunda's own admin setup grants it. */
  static List<AuthorizationGrant> administrators() {
    List<AuthorizationGrant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(AuthorizationGrant.of(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  /** Reviewers, inspectors, experts, leaders: Tasklist and the definitions it shows. */
  static List<AuthorizationGrant> staff() {
    List<AuthorizationGrant> grants = new ArrayList<>();
    for (String group : Groups.ids(Groups.STAFF_GROUPS)) {
      grants.add(AuthorizationGrant.of(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      for (String process : PROCESSES) {
        grants.add(AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, process,
            ProcessDefinitionPermissions.READ));
      }
    }
    return grants;
  }

  /**
   * 市科技局: monitoring in Cockpit. No {@code UPDATE_INSTANCE}: it would let the bureau run,
   * reschedule or delete timers and signal executions; objections and reports are commands of the
   * application API ({@code /api/objections}, {@code /api/false-materials-reports},
   * {@code /api/violation-reports}), which correlate the message on the server.
   */
  static List<AuthorizationGrant> cityBureau() {
    String group = Groups.CITY_BUREAU;
    List<AuthorizationGrant> grants = new ArrayList<>();
    grants.add(AuthorizationGrant.of(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    for (String process : PROCESSES) {
      grants.add(AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, process,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE));
    }
    // evaluating a decision on its own (POST /engine-rest/decision-definition/key/{key}/evaluate) changes no case
    grants.add(AuthorizationGrant.of(group, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.CREATE_INSTANCE));
    grants.add(AuthorizationGrant.of(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    return grants;
  }

  /** 运营机构: Tasklist, start an application, work on the tasks assigned to them. */
  static List<AuthorizationGrant> operators() {
    String group = Groups.OPERATORS;
    return List.of(
        AuthorizationGrant.of(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
        AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, CERTIFICATION_PROCESS,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
        AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, SUPERVISION_PROCESS,
            ProcessDefinitionPermissions.READ),
        AuthorizationGrant.of(group, Resources.PROCESS_DEFINITION, SANCTION_HEARING_PROCESS,
            ProcessDefinitionPermissions.READ),
        AuthorizationGrant.of(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
  }

  /** 规则管理员: read the decisions; deploying rules is granted by the rules feature. No webapp. */
  static List<AuthorizationGrant> ruleAdmins() {
    String group = Groups.RULE_ADMINS;
    return List.of(
        AuthorizationGrant.of(group, Resources.DECISION_DEFINITION, ANY,
            Permissions.READ, Permissions.CREATE_INSTANCE),
        AuthorizationGrant.of(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
  }

  /** 审计人员: read and read-history on everything the processes and decisions produce; nothing else. */
  static List<AuthorizationGrant> auditors() {
    String group = Groups.AUDITORS;
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
}
