package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERTS;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The expert panel: who may sit on it (members of group {@code experts}) and the list the
 * organiser chose, which arrives as a JSON array from Camunda Forms and REST clients or as a Java
 * list from process tests. Used in BPMN as {@code ${expertPanel.ids(experts)}}.
 */
@Component("expertPanel")
public class ExpertPanel {

  private final IdentityService identity;

  public ExpertPanel(IdentityService identity) {
    this.identity = identity;
  }

  /** The experts' user ids, in the order chosen; refuses anything that is not a list of ids. */
  public List<String> ids(Object experts) {
    List<String> ids = new ArrayList<>();
    if (experts instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode e : json.elements()) {
        ids.add(e.isString() ? e.stringValue() : null);
      }
    } else if (experts instanceof Collection<?> list) {
      list.forEach(e -> ids.add(e instanceof String s ? s : null));
    } else {
      throw new InvalidInputException(EXPERTS, "评审专家（experts）应为专家用户ID的列表");
    }
    if (ids.contains(null)) {
      throw new InvalidInputException(EXPERTS, "评审专家（experts）应为专家用户ID的列表");
    }
    return ids;
  }

  /** Checks a chosen panel: at least {@code minExperts}, no one twice, everyone in group experts. */
  public List<String> validate(Object experts, int minExperts) {
    List<String> ids = ids(experts);
    Set<String> seen = new HashSet<>();
    List<String> duplicates = ids.stream().filter(id -> !seen.add(id)).distinct().toList();
    if (!duplicates.isEmpty()) {
      throw new InvalidInputException(EXPERTS, "评审专家（experts）不得重复：" + String.join("、", duplicates));
    }
    if (ids.size() < minExperts) {
      throw new InvalidInputException(EXPERTS, "评审专家（experts）至少应有" + minExperts + "名，当前" + ids.size() + "名");
    }
    Set<String> members = candidates().keySet();
    List<String> strangers = ids.stream().filter(id -> !members.contains(id)).toList();
    if (!strangers.isEmpty()) {
      throw new InvalidInputException(EXPERTS, "以下用户不是评审专家组成员：" + String.join("、", strangers));
    }
    return ids;
  }

  /** Members of group experts: user id to display name. */
  public Map<String, String> candidates() {
    List<User> users = WithoutAuthorization.call(() ->
        identity.createUserQuery().memberOfGroup(Groups.EXPERTS).orderByUserId().asc().list());
    Map<String, String> out = new LinkedHashMap<>();
    for (User u : users) {
      out.put(u.getId(), UserNames.withId(u));
    }
    return out;
  }
}
