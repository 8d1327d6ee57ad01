package cn.gov.shuozhou.makerspace.common;

import org.camunda.bpm.engine.identity.User;

/**
 * How the system writes a user's name: in the order Camunda's own header writes it (first name,
 * then last name: 评审专家一), so that a person reads the same name in Tasklist and in our texts;
 * the user id when the account has no name.
 */
public final class UserNames {

  private UserNames() {}

  /** The user's name, 评审专家一; the id when there is none. */
  public static String of(User user) {
    String name = (text(user.getFirstName()) + text(user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The name with the id, 评审专家一（expert1）, where staff choose a colleague by name. */
  public static String withId(User user) {
    String name = of(user);
    return name.equals(user.getId()) ? name : name + "（" + user.getId() + "）";
  }

  private static String text(String part) {
    return part == null ? "" : part;
  }
}
