package cn.gov.shuozhou.makerspace.access;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.access.GroupDefinition;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.access.GroupDefinition;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Applies the table of {@link Capability}: finds the caller and refuses with one family of Chinese
 * texts (“无权{action}：只有{groups}有此权限…（用户 …）”). The caller is the engine's current authentication,
 * which every way in sets for the request (security/ApiAuthenticationFilter for {@code /api},
 * Camunda's filters for {@code /engine-rest} and the webapps) and which engine commands carry.
 */
public final class AccessPolicy {

  /** County bureaus' groups are {@code county-<county code>}. */
  private static final String COUNTY_GROUP_PREFIX = "county-";

  private AccessPolicy() {}

  /** The signed-in caller of the current request or command; null when nobody is signed in. */
  public static Caller current(IdentityService identity) {
    return caller(identity.getCurrentAuthentication());
  }

  /** The caller of an engine authentication; null for none or one without a user. */
  public static Caller caller(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return Caller.of(authentication.getUserId(), authentication.getGroupIds());
  }

  /**
   * The user and groups a Camunda webapp session holds for the engine: what Camunda's
   * authentication filter hands the engine for the webapps' requests, for filters that run before
   * it. Null when the session has none (not signed in, or invalidated).
   */
  public static Caller webappCaller(HttpSession session, String engineName) {
    if (session == null) {
      return null;
    }
    try {
      var authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
      if (authentication instanceof UserAuthentication user && user.getIdentityId() != null) {
        return Caller.of(user.getIdentityId(), user.getGroupIds());
      }
      return null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /** True when the engine authentication's groups hold {@code capability}. */
  public static boolean allows(Authentication authentication, Capability capability) {
    Caller caller = caller(authentication);
    return caller != null && caller.may(capability);
  }

  /**
   * The current caller when they hold {@code capability}; otherwise an {@link ApiRefusal}: 401 when
   * nobody is signed in, 403 with {@link #refusal} when the caller lacks it.
   */
  public static Caller require(IdentityService identity, Capability capability) {
    Caller caller = signedIn(identity);
    if (!caller.may(capability)) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, refusal(capability, caller.userId()));
    }
    return caller;
  }

  /**
   * Whether the caller completed a finished task whose assignee was {@code assignee}: only they open
   * it in 已办 and are told where its case went (tasks/DoneTaskDetails); nobody else, not even the
   * city bureau (it reads cases through Cockpit).
   */
  public static boolean completedBy(Caller caller, String assignee) {
    return caller != null && caller.userId() != null && caller.userId().equals(assignee);
  }

  /** The current caller; a 401 {@link ApiRefusal} when nobody is signed in. */
  public static Caller signedIn(IdentityService identity) {
    Caller caller = current(identity);
    if (caller == null) {
      throw new ApiRefusal(ProblemType.AUTHENTICATION_REQUIRED, "未登录：请先登录，或使用HTTP Basic认证");
    }
    return caller;
  }

  /**
   * The counties (codes as in {@code application/County}) whose organisation accounts a county-level
   * bureau oversees: its own county, or the development zone for the zone's bureau; none for others.
   */
  public static Set<String> counties(Caller caller) {
    Set<String> counties = new LinkedHashSet<>();
    for (GroupDefinition county : Groups.COUNTY_GROUPS) {
      if (caller.groups().contains(county.id())) {
        counties.add(county.id().substring(COUNTY_GROUP_PREFIX.length()));
      }
    }
    if (caller.groups().contains(Groups.DEVZONE_BUREAU)) {
      counties.add(County.devzone.name());
    }
    return counties;
  }

  /**
   * The areas (county codes) whose certified spaces the caller reads ({@link Capability#READ_AREA_SPACES});
   * null for every area ({@link Capability#READ_EVERY_AREA_SPACES}); empty for none.
   */
  public static Set<String> readableAreas(Caller caller) {
    if (caller.may(Capability.READ_EVERY_AREA_SPACES)) {
      return null;
    }
    return caller.may(Capability.READ_AREA_SPACES) ? counties(caller) : Set.of();
  }

  /** True when the caller reads the certified spaces of {@code county} (Art. 6). */
  public static boolean readsArea(Caller caller, String county) {
    Set<String> areas = readableAreas(caller);
    return areas == null || areas.contains(county);
  }

  /** True when the caller keeps the service record (服务台账) of the spaces of {@code county}: its own area only. */
  public static boolean servesArea(Caller caller, String county) {
    return caller.may(Capability.RECORD_SERVICES) && counties(caller).contains(county);
  }

  /** The Chinese 403 text for a space of another area. */
  public static String otherArea(String action, String userId) {
    return "无权" + action + "：该众创空间不在您所在县（区）科技局的管辖范围内，只能查看和服务本县（区）已认定的众创空间（用户 "
        + userId + "）";
  }

  /** The Chinese 403 text for a user refused {@code capability}. */
  public static String refusal(Capability capability, String userId) {
    String who = groupNames(capability);
    String text = capability.isLimit()
        ? "无权" + capability.action() + "：" + who + "只能查看"
        : "无权" + capability.action() + "：只有" + who + "有此权限";
    return text + (capability.hint() == null ? "" : "；" + capability.hint()) + "（用户 " + userId + "）";
  }

  /** The Chinese 403 text for an endpoint of the engine's API that is not on the caller's allow-list. */
  public static String refusedEndpoint(String method, String path, String api, String userId) {
    return "无权调用该接口：" + method + " " + path + " 不在您所属角色的 " + api + " 允许清单内（用户 " + userId + "）";
  }

  /** “规则管理员（rule-admins）和审计人员（auditors）”, in the order of the contract's groups. */
  static String groupNames(Capability capability) {
    List<String> names = Groups.ALL.stream().filter(g -> capability.groups().contains(g.id()))
        .map(AccessPolicy::name).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join("、", names.subList(0, names.size() - 1)) + "和" + names.get(names.size() - 1);
  }

  private static String name(GroupDefinition group) {
    return group.name() + "（" + group.id() + "）";
  }
}
