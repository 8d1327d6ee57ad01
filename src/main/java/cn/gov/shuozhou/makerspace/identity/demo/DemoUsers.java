package cn.gov.shuozhou.makerspace.identity.demo;

import cn.gov.shuozhou.makerspace.access.Groups;
import java.util.List;

/** The demo users of the contract, one or more per role. */
public final class DemoUsers {

  private static final String[] ORDINALS = {"一", "二", "三", "四", "五"};

  public static final List<DemoUser> ALL = List.of(
      user("admin", "系统", "管理员", Groups.CAMUNDA_ADMIN),
      user("shuocheng1", "朔城区", "审核员一", Groups.COUNTY_SHUOCHENG),
      user("pinglu1", "平鲁区", "审核员一", Groups.COUNTY_PINGLU),
      user("huairen1", "怀仁市", "审核员一", Groups.COUNTY_HUAIREN),
      user("shanyin1", "山阴县", "审核员一", Groups.COUNTY_SHANYIN),
      user("yingxian1", "应县", "审核员一", Groups.COUNTY_YINGXIAN),
      user("youyu1", "右玉县", "审核员一", Groups.COUNTY_YOUYU),
      user("devzone1", "经济开发区", "审核员一", Groups.DEVZONE_BUREAU),
      user("edu1", "市教育局", "审核员一", Groups.EDU_BUREAU),
      user("city1", "市科技局", "工作人员一", Groups.CITY_BUREAU),
      user("inspector1", "考察小组", "组员一", Groups.INSPECTION_TEAM),
      user("inspector2", "考察小组", "组员二", Groups.INSPECTION_TEAM),
      expert(1), expert(2), expert(3), expert(4), expert(5),
      user("leader1", "局领导", "一", Groups.BUREAU_LEADERS),
      user("operator1", "运营机构", "申报人一", Groups.OPERATORS),
      user("operator2", "运营机构", "申报人二", Groups.OPERATORS),
      user("ruleadmin1", "规则", "管理员一", Groups.RULE_ADMINS),
      user("ruleadmin2", "规则", "管理员二", Groups.RULE_ADMINS),
      user("auditor1", "审计", "人员一", Groups.AUDITORS));

  private DemoUsers() {}

  private static DemoUser user(String id, String firstName, String lastName, String group) {
    return new DemoUser(id, firstName, lastName, List.of(group));
  }

  private static DemoUser expert(int number) {
    return user("expert" + number, "评审专家", ORDINALS[number - 1], Groups.EXPERTS);
  }
}
