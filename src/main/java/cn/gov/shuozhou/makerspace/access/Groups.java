package cn.gov.shuozhou.makerspace.access;

import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Every group of the public contract. The ids are binding: never rename one. */
public final class Groups {

  public static final String COUNTY_SHUOCHENG = "county-shuocheng";
  public static final String COUNTY_PINGLU = "county-pinglu";
  public static final String COUNTY_HUAIREN = "county-huairen";
  public static final String COUNTY_SHANYIN = "county-shanyin";
  public static final String COUNTY_YINGXIAN = "county-yingxian";
  public static final String COUNTY_YOUYU = "county-youyu";
  public static final String DEVZONE_BUREAU = "devzone-bureau";
  public static final String EDU_BUREAU = "edu-bureau";
  public static final String CITY_BUREAU = "city-bureau";
  public static final String INSPECTION_TEAM = "inspection-team";
  public static final String EXPERTS = "experts";
  public static final String BUREAU_LEADERS = "bureau-leaders";
  public static final String OPERATORS = "operators";
  public static final String RULE_ADMINS = "rule-admins";
  public static final String AUDITORS = "auditors";
  public static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** The six county (district) science and technology bureaus. */
  public static final List<GroupDefinition> COUNTY_GROUPS = List.of(
      workflow(COUNTY_SHUOCHENG, "朔城区科技局"),
      workflow(COUNTY_PINGLU, "平鲁区科技局"),
      workflow(COUNTY_HUAIREN, "怀仁市科技局"),
      workflow(COUNTY_SHANYIN, "山阴县科技局"),
      workflow(COUNTY_YINGXIAN, "应县科技局"),
      workflow(COUNTY_YOUYU, "右玉县科技局"));

  /** Groups that may hold the first review: the counties, the development zone, the education bureau. */
  public static final List<GroupDefinition> FIRST_REVIEW_GROUPS = concat(COUNTY_GROUPS, List.of(
      workflow(DEVZONE_BUREAU, "朔州经济开发区经济发展局"),
      workflow(EDU_BUREAU, "市教育局")));

  /** Government staff and experts who work on tasks in Tasklist. */
  public static final List<GroupDefinition> STAFF_GROUPS = concat(FIRST_REVIEW_GROUPS, List.of(
      workflow(CITY_BUREAU, "市科技局"),
      workflow(INSPECTION_TEAM, "考察小组"),
      workflow(EXPERTS, "评审专家"),
      workflow(BUREAU_LEADERS, "局领导")));

  /** Every group of the contract. */
  public static final List<GroupDefinition> ALL = concat(STAFF_GROUPS, List.of(
      workflow(OPERATORS, "运营机构"),
      workflow(RULE_ADMINS, "规则管理员"),
      workflow(AUDITORS, "审计人员"),
      new GroupDefinition(CAMUNDA_ADMIN, "系统管理员", GROUP_TYPE_SYSTEM)));

  private Groups() {}

  /** Ids of the given groups. */
  public static List<String> ids(List<GroupDefinition> groups) {
    return groups.stream().map(GroupDefinition::id).toList();
  }

  /** A contract group's Chinese name (考察小组); another group by its id. */
  public static String nameOf(String groupId) {
    return ALL.stream().filter(group -> group.id().equals(groupId)).map(GroupDefinition::name).findFirst()
        .orElse(groupId);
  }

  /**
   * How a task held by one person is named to others (where a case went): by the kind of person,
   * never the person: 申报单位 for an organisation account, 评审专家 for an expert, else 指定人员.
   */
  public static String holderKind(Collection<String> groupIds) {
    return groupIds.contains(OPERATORS) ? applicantKind() : groupIds.contains(EXPERTS) ? "评审专家" : "指定人员";
  }

  /** {@link #holderKind} of an organisation account: 申报单位. */
  public static String applicantKind() {
    return "申报单位";
  }

  private static GroupDefinition workflow(String id, String name) {
    return new GroupDefinition(id, name, GROUP_TYPE_WORKFLOW);
  }

  private static List<GroupDefinition> concat(List<GroupDefinition> first, List<GroupDefinition> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
