package cn.gov.shuozhou.makerspace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.gov.shuozhou.makerspace.access.GroupDefinition;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoIdentitySetup;
import cn.gov.shuozhou.makerspace.identity.demo.DemoUser;
import cn.gov.shuozhou.makerspace.identity.demo.DemoUsers;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The identity setup on start: groups, demo users, the authorization matrix, idempotence. */
class IdentitySetupTest extends AbstractHttpTest {

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  DemoIdentitySetup demoIdentitySetup;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;

  @Test
  void everyGroupOfTheContractExistsWithItsChineseNameAndType() {
    assertThat(Groups.ALL).hasSize(16);
    for (GroupDefinition definition : Groups.ALL) {
      Group group = identityService.createGroupQuery().groupId(definition.id()).singleResult();
      assertThat(group).as(definition.id()).isNotNull();
      assertThat(group.getName()).isEqualTo(definition.name());
      assertThat(group.getType()).isEqualTo(
          definition.id().equals(Groups.CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
    }
  }

  @Test
  void demoUsersExistWithChineseNamesAndTheirGroups() {
    assertThat(DemoUsers.ALL).hasSize(23);
    for (DemoUser demoUser : DemoUsers.ALL) {
      User user = identityService.createUserQuery().userId(demoUser.id()).singleResult();
      assertThat(user).as(demoUser.id()).isNotNull();
      assertThat(user.getFirstName() + user.getLastName()).matches("\\p{IsHan}+");
      assertThat(user.getEmail()).isEqualTo(demoUser.id() + "@demo.local");
      assertThat(identityService.checkPassword(demoUser.id(), demoUser.id())).isTrue();
      Set<String> groups = identityService.createGroupQuery().groupMember(demoUser.id()).list()
          .stream().map(Group::getId).collect(Collectors.toSet());
      assertThat(groups).containsExactlyInAnyOrderElementsOf(demoUser.groups());
    }
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(User::getId).contains("admin");
  }

  @Test
  void runningTheSetupAgainCreatesNoDuplicates() {
    Snapshot before = snapshot();

    identitySetup.apply(processEngine);
    demoIdentitySetup.apply(processEngine);
    identitySetup.apply(processEngine);
    demoIdentitySetup.apply(processEngine);

    Snapshot after = snapshot();
    assertThat(after).isEqualTo(before);
    assertThat(filterService.createTaskFilterQuery().filterName(TaskFilters.MY_TASKS).count()).isEqualTo(1);
  }

  @Test
  void auditorsMayReadEverythingAndChangeNothing() {
    for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
        Resources.TASK, Resources.DEPLOYMENT, Resources.DECISION_DEFINITION,
        Resources.DECISION_REQUIREMENTS_DEFINITION)) {
      assertThat(allowed("auditor1", Groups.AUDITORS, Permissions.READ, resource, "any-id"))
          .as("READ %s", resource).isTrue();
    }
    assertThat(allowed("auditor1", Groups.AUDITORS, ProcessDefinitionPermissions.READ_HISTORY,
        Resources.PROCESS_DEFINITION, "whatever-process")).isTrue();
    assertThat(allowed("auditor1", Groups.AUDITORS, Permissions.READ_HISTORY,
        Resources.DECISION_DEFINITION, "article4-eligibility")).isTrue();

    Set<String> readOnly = Set.of("READ", "READ_HISTORY", "READ_INSTANCE", "READ_TASK",
        "READ_VARIABLE", "READ_INSTANCE_VARIABLE", "READ_TASK_VARIABLE", "READ_HISTORY_VARIABLE",
        "ACCESS", "NONE");
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .groupIdIn(Groups.AUDITORS).list()) {
      Permission[] granted = authorization.getPermissions(
          ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType()));
      for (Permission permission : granted) {
        assertThat(readOnly).as("auditors' %s on resource type %d", permission.getName(),
            authorization.getResourceType()).contains(permission.getName());
      }
    }
    assertThat(allowed("auditor1", Groups.AUDITORS, TaskPermissions.TASK_WORK, Resources.TASK, "t")).isFalse();
    assertThat(allowed("auditor1", Groups.AUDITORS, TaskPermissions.TASK_ASSIGN, Resources.TASK, "t")).isFalse();
    assertThat(allowed("auditor1", Groups.AUDITORS, Permissions.UPDATE, Resources.PROCESS_INSTANCE, "p")).isFalse();
    assertThat(allowed("auditor1", Groups.AUDITORS, Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isFalse();
  }

  @Test
  void operatorsMayStartAnApplicationButNotTheSupervision() {
    assertThat(allowed("operator1", Groups.OPERATORS, ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).isTrue();
    assertThat(allowed("operator1", Groups.OPERATORS, Permissions.CREATE,
        Resources.PROCESS_INSTANCE, ANY)).isTrue();
    assertThat(allowed("operator1", Groups.OPERATORS, ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.SUPERVISION_PROCESS)).isFalse();
    assertThat(allowed("operator1", Groups.OPERATORS, Permissions.READ, Resources.TASK, "t")).isFalse();
  }

  @Test
  void cityBureauMonitorsButNeitherStartsNorDeletesNorControlsTheCases() {
    for (String process : RoleAuthorizations.PROCESSES) {
      for (Permission permission : List.of(ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE)) {
        assertThat(allowed("city1", Groups.CITY_BUREAU, permission, Resources.PROCESS_DEFINITION, process))
            .as("%s on %s", permission.getName(), process).isTrue();
      }
      for (Permission permission : List.of(ProcessDefinitionPermissions.DELETE_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB)) {
        assertThat(allowed("city1", Groups.CITY_BUREAU, permission, Resources.PROCESS_DEFINITION, process))
            .as("%s on %s", permission.getName(), process).isFalse();
      }
    }
  }

  /** Issue 12: only camunda-admin runs timers, sets retries, signals or changes running cases. */
  @Test
  void noGrantButCamundaAdminsHoldsRightsOverRunningCases() {
    RoleAuthorizations.ADMIN_ONLY.forEach((resource, permissions) -> {
      for (Authorization grant : authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).list()) {
        if (!Groups.CAMUNDA_ADMIN.equals(grant.getGroupId())) {
          assertThat(permissions).as("grant %s/%s on %s", grant.getGroupId(), grant.getUserId(), grant.getResourceId())
              .noneMatch(grant::isPermissionGranted);
        }
      }
    });
  }

  @Test
  void aRightOverRunningCasesGrantedByAnEarlierReleaseIsRevokedOnTheNextStart() {
    Authorization bureau = authorizationService.createAuthorizationQuery().groupIdIn(Groups.CITY_BUREAU)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(RoleAuthorizations.CERTIFICATION_PROCESS).singleResult();
    bureau.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizationService.saveAuthorization(bureau);
    assertThat(allowed("city1", Groups.CITY_BUREAU, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).isTrue();

    identitySetup.apply(processEngine);

    assertThat(allowed("city1", Groups.CITY_BUREAU, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).isFalse();
    assertThat(allowed("city1", Groups.CITY_BUREAU, ProcessDefinitionPermissions.READ_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).isTrue();
  }

  /** Issue 16: organisation accounts work on 我的申请; the Tasklist grant of an earlier release goes on the next start. */
  @Test
  void operatorsHaveNoTasklistOrCockpitAndAnEarlierGrantIsRevoked() {
    for (String app : List.of(RoleAuthorizations.TASKLIST, RoleAuthorizations.COCKPIT)) {
      assertThat(allowed("operator1", Groups.OPERATORS, Permissions.ACCESS, Resources.APPLICATION, app)).as(app).isFalse();
    }
    AuthorizationGranter granter = new AuthorizationGranter(authorizationService);
    granter.grant(AuthorizationGrant.of(Groups.OPERATORS, Resources.APPLICATION, RoleAuthorizations.TASKLIST,
        Permissions.ACCESS));
    assertThat(allowed("operator1", Groups.OPERATORS, Permissions.ACCESS, Resources.APPLICATION,
        RoleAuthorizations.TASKLIST)).isTrue();

    identitySetup.apply(processEngine);

    assertThat(allowed("operator1", Groups.OPERATORS, Permissions.ACCESS, Resources.APPLICATION,
        RoleAuthorizations.TASKLIST)).isFalse();
    assertThat(allowed("inspector1", Groups.INSPECTION_TEAM, Permissions.ACCESS, Resources.APPLICATION,
        RoleAuthorizations.TASKLIST)).isTrue();
    assertThat(allowed("operator1", Groups.OPERATORS, ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).isTrue();
  }

  @Test
  void staffReadBothProcessDefinitionsButNoTaskGlobally() {
    for (String group : Groups.ids(Groups.STAFF_GROUPS)) {
      for (String process : RoleAuthorizations.PROCESSES) {
        assertThat(allowed("someone", group, ProcessDefinitionPermissions.READ,
            Resources.PROCESS_DEFINITION, process)).as("%s reads %s", group, process).isTrue();
      }
      assertThat(allowed("someone", group, Permissions.READ, Resources.TASK, "t")).as(group).isFalse();
      assertThat(allowed("someone", group, ProcessDefinitionPermissions.READ_TASK,
          Resources.PROCESS_DEFINITION, RoleAuthorizations.CERTIFICATION_PROCESS)).as(group).isFalse();
    }
  }

  @Test
  void ruleAdminsHaveNoWebappAndNoProcessAccess() {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      assertThat(allowed("ruleadmin1", Groups.RULE_ADMINS, Permissions.ACCESS, Resources.APPLICATION, app))
          .isFalse();
    }
    assertThat(allowed("ruleadmin1", Groups.RULE_ADMINS, Permissions.READ, Resources.DECISION_DEFINITION,
        "article4-eligibility")).isTrue();
    assertThat(allowed("ruleadmin1", Groups.RULE_ADMINS, Permissions.READ, Resources.PROCESS_DEFINITION,
        RoleAuthorizations.CERTIFICATION_PROCESS)).isFalse();
  }

  @Test
  void camundaAdminHoldsAllOnEveryResource() {
    for (Resources resource : Resources.values()) {
      Authorization authorization = authorizationService.createAuthorizationQuery()
          .groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource).resourceId(ANY).singleResult();
      assertThat(authorization).as(resource.resourceName()).isNotNull();
      assertThat(authorization.isEveryPermissionGranted()).as(resource.resourceName()).isTrue();
    }
  }

  @Test
  void usersMayReadAndUpdateThemselvesButNotDeleteThemselves() {
    for (DemoUser user : DemoUsers.ALL) {
      String group = user.groups().get(0);
      assertThat(allowed(user.id(), group, Permissions.READ, Resources.USER, user.id())).as(user.id()).isTrue();
      assertThat(allowed(user.id(), group, Permissions.UPDATE, Resources.USER, user.id())).as(user.id()).isTrue();
      assertThat(allowed(user.id(), group, Permissions.DELETE, Resources.USER, user.id()))
          .as("%s may delete their own user", user.id()).isEqualTo(group.equals(Groups.CAMUNDA_ADMIN));
    }
    var refused = rest("shuocheng1").delete("/user/shuocheng1");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("shuocheng1").count()).isEqualTo(1);
  }

  @Test
  void anOwnUserGrantOfAnEarlierReleaseLosesDeleteOnTheNextStart() {
    Authorization own = authorizationService.createAuthorizationQuery().userIdIn("inspector2")
        .resourceType(Resources.USER).resourceId("inspector2").singleResult();
    own.setPermissions(new Permission[] {Permissions.ALL});
    authorizationService.saveAuthorization(own);
    assertThat(allowed("inspector2", Groups.INSPECTION_TEAM, Permissions.DELETE, Resources.USER, "inspector2")).isTrue();

    identitySetup.apply(processEngine);

    assertThat(allowed("inspector2", Groups.INSPECTION_TEAM, Permissions.DELETE, Resources.USER, "inspector2")).isFalse();
    assertThat(allowed("inspector2", Groups.INSPECTION_TEAM, Permissions.UPDATE, Resources.USER, "inspector2")).isTrue();
  }

  private boolean allowed(String user, String group, Permission permission, Resource resource, String id) {
    return authorizationService.isUserAuthorized(user, List.of(group), permission, resource, id);
  }

  private Snapshot snapshot() {
    Set<String> authorizations = authorizationService.createAuthorizationQuery().list().stream()
        .map(a -> a.getAuthorizationType() + "|" + a.getGroupId() + "|" + a.getUserId() + "|"
            + a.getResourceType() + "|" + a.getResourceId() + "|" + ((AuthorizationEntity) a).getPermissions())
        .collect(Collectors.toSet());
    return new Snapshot(
        authorizationService.createAuthorizationQuery().count(),
        authorizations,
        identityService.createGroupQuery().count(),
        identityService.createUserQuery().count(),
        DemoUsers.ALL.stream()
            .mapToLong(u -> identityService.createGroupQuery().groupMember(u.id()).count()).sum(),
        filterService.createFilterQuery().list().stream().map(f -> f.getId() + "|" + f.getName())
            .collect(Collectors.toSet()));
  }

  private record Snapshot(long authorizationCount, Set<String> authorizations, long groups, long users,
      long memberships, Set<String> filters) {}
}
