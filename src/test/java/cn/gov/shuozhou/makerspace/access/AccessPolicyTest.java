package cn.gov.shuozhou.makerspace.access;

import static cn.gov.shuozhou.makerspace.access.Groups.AUDITORS;
import static cn.gov.shuozhou.makerspace.access.Groups.BUREAU_LEADERS;
import static cn.gov.shuozhou.makerspace.access.Groups.CAMUNDA_ADMIN;
import static cn.gov.shuozhou.makerspace.access.Groups.CITY_BUREAU;
import static cn.gov.shuozhou.makerspace.access.Groups.EXPERTS;
import static cn.gov.shuozhou.makerspace.access.Groups.OPERATORS;
import static cn.gov.shuozhou.makerspace.access.Groups.RULE_ADMINS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.identity.AuthorizationGrant;
import cn.gov.shuozhou.makerspace.identity.RoleAuthorizations;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The table of capabilities and how the policy reads it. */
class AccessPolicyTest {

  private static final Set<String> CONTRACT_GROUPS = Set.copyOf(Groups.ids(Groups.ALL));

  @Test
  void everyCapabilityNamesContractGroupsAndAChineseAction() {
    for (Capability capability : Capability.values()) {
      assertThat(capability.groups()).as(capability.name()).isNotEmpty();
      assertThat(CONTRACT_GROUPS).as(capability.name()).containsAll(capability.groups());
      assertThat(capability.action()).as(capability.name()).containsPattern("\\p{IsHan}");
    }
  }

  @Test
  void whatOnlyAdministratorsMayDoIsHeldByNoOtherGroup() {
    List<Capability> administrative = List.of(Capability.ADMINISTER_ENGINE, Capability.CONTROL_PROCESSES,
        Capability.CHANGE_CASE_DATA, Capability.START_AT_INNER_ACTIVITY, Capability.COMPLETE_TASKS_CLAIMED_BY_OTHERS,
        Capability.READ_ALL_VARIABLES, Capability.FILE_FOR_ANY_ORGANISATION, Capability.CHANGE_CALENDAR,
        Capability.CREATE_ORGANISATION_ACCOUNTS);
    for (Capability capability : administrative) {
      assertThat(capability.groups()).as(capability.name()).containsExactly(CAMUNDA_ADMIN);
    }
  }

  @Test
  void theTableSaysWhoWorksMonitorsAuditsAndReadsWhichVariables() {
    // organisation accounts work on 我的申请, not in Tasklist (issue 16)
    assertThat(Capability.WORK_ON_TASKS.groups()).containsExactlyInAnyOrderElementsOf(Groups.ids(Groups.STAFF_GROUPS))
        .doesNotContain(OPERATORS, AUDITORS, RULE_ADMINS, CAMUNDA_ADMIN);
    assertThat(Capability.PORTAL_ONLY.groups()).containsExactly(OPERATORS);
    assertThat(Capability.WORK_ON_OWN_TASKS.groups()).containsExactly(OPERATORS);
    assertThat(Capability.READ_HISTORY_OF_WORKED_CASES.groups()).contains(EXPERTS).doesNotContain(CITY_BUREAU, OPERATORS);
    assertThat(Capability.READ_RULES.groups()).containsExactlyInAnyOrder(RULE_ADMINS, AUDITORS);
    assertThat(Capability.CHANGE_RULES.groups()).containsExactly(RULE_ADMINS);
    assertThat(Capability.READ_OBJECTORS.variables()).containsExactlyInAnyOrder("objectorName", "objectorPhone");
    assertThat(Capability.READ_REVIEWS_AFTER_PANEL.variables())
        .containsExactlyInAnyOrder("score", "recommend", "comment", "falseMaterialsGrounds");
    assertThat(Capability.READ_REVIEWS_AFTER_PANEL.groups()).containsExactlyInAnyOrder(CITY_BUREAU, BUREAU_LEADERS, AUDITORS);
    assertThat(Capability.ONLY_READ_ENGINE.isLimit()).isTrue();
    assertThat(Arrays.stream(Capability.values()).filter(Capability::isLimit))
        .containsExactlyInAnyOrder(Capability.ONLY_READ_ENGINE, Capability.PORTAL_ONLY);
  }

  @Test
  void aCallerMayWhatOneOfTheirGroupsMay() {
    assertThat(Caller.of("auditor1", List.of(AUDITORS)).may(Capability.READ_RULES)).isTrue();
    assertThat(Caller.of("x", List.of(OPERATORS, RULE_ADMINS)).may(Capability.CHANGE_RULES)).isTrue();
    assertThat(Caller.of("auditor1", List.of(AUDITORS)).may(Capability.CHANGE_RULES)).isFalse();
    assertThat(Caller.of("nogroup", null).may(Capability.WORK_ON_TASKS)).isFalse();
    assertThat(AccessPolicy.allows(new Authentication("admin", List.of(CAMUNDA_ADMIN)), Capability.CONTROL_PROCESSES)).isTrue();
    assertThat(AccessPolicy.allows(new Authentication("city1", List.of(CITY_BUREAU)), Capability.CONTROL_PROCESSES)).isFalse();
    assertThat(AccessPolicy.allows(null, Capability.WORK_ON_TASKS)).isFalse();
    assertThat(AccessPolicy.caller(new Authentication(null, List.of(CAMUNDA_ADMIN)))).isNull();
  }

  @Test
  void everyRefusalIsOneChineseSentenceNamingTheActionTheGroupsAndTheUser() {
    assertThat(AccessPolicy.refusal(Capability.READ_RULES, "city1"))
        .isEqualTo("无权查看决策规则：只有规则管理员（rule-admins）和审计人员（auditors）有此权限（用户 city1）");
    assertThat(AccessPolicy.refusal(Capability.CONTROL_PROCESSES, "city1"))
        .startsWith("无权干预流程运行").contains("只有系统管理员（camunda-admin）有此权限；异议和举报请通过 /api/objections")
        .endsWith("（用户 city1）");
    assertThat(AccessPolicy.refusal(Capability.ONLY_READ_ENGINE, "auditor1"))
        .isEqualTo("无权修改数据：审计人员（auditors）只能查看（用户 auditor1）");
    assertThat(AccessPolicy.groupNames(Capability.READ_REVIEWS_AFTER_PANEL))
        .isEqualTo("市科技局（city-bureau）、局领导（bureau-leaders）和审计人员（auditors）");
  }

  /** The Camunda grants are the engine-resource part of the table: only groups it names get them. */
  @Test
  void theEngineGrantsGoOnlyToGroupsTheTableNames() {
    Set<String> named = Arrays.stream(Capability.values()).flatMap(c -> c.groups().stream()).collect(Collectors.toSet());
    List<AuthorizationGrant> grants = RoleAuthorizations.all();
    assertThat(grants).allSatisfy(grant -> assertThat(named).contains(grant.groupId()));
    assertThat(groupsGranted(grants, Resources.APPLICATION, RoleAuthorizations.TASKLIST))
        .isEqualTo(Capability.WORK_ON_TASKS.groups());
    assertThat(groupsGranted(grants, Resources.APPLICATION, RoleAuthorizations.COCKPIT))
        .isEqualTo(Capability.groupsOf(Capability.MONITOR_CASES, Capability.AUDIT));
    assertThat(groupsGranted(grants, Resources.DEPLOYMENT, "*"))
        .isEqualTo(Capability.groupsOf(Capability.ADMINISTER_ENGINE, Capability.AUDIT));
  }

  private static Set<String> groupsGranted(List<AuthorizationGrant> grants, Resources resource, String resourceId) {
    return grants.stream().filter(g -> g.resource() == resource && g.resourceId().equals(resourceId))
        .map(AuthorizationGrant::groupId).collect(Collectors.toSet());
  }
}
