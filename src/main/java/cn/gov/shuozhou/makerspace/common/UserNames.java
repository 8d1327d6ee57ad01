package cn.gov.shuozhou.makerspace.common;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;

/**
 * How the system writes a user's name: in the order Camunda's own header writes it (first name,
 * then last name: 评审专家一), so that a person reads the same name in Tasklist and in our texts;
 * the user id when the account has no name.
 */
public final class UserNames {

  /** The properties of the user operation log whose values are users (claim, 转办, 委派, 交回). */
  private static final Set<String> PEOPLE_PROPERTIES = Set.of("assignee", "owner");

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

  /**
   * {@link #withId(User)} for a user known by id, read without authorization: a message names the
   * colleague (the claim holder, who proposed a rule change) also to whom may not list users. The id
   * when there is no such user.
   */
  public static String withId(ProcessEngine engine, String userId) {
    User user = WithoutAuthorization.call(engine,
        () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
    return user == null ? userId : withId(user);
  }

  /**
   * A user as a page names them: the id and a label, the name ({@link #of}) or, where staff choose a
   * colleague (转办, 委派, 加签), the name with the id ({@link #withId}).
   */
  public record Person(String id, String label) {}

  /**
   * The users a history names, by id: who acted in {@code log} (and to whom a task was assigned or
   * delegated there) and who wrote {@code comments}.
   */
  public static Set<String> actors(Collection<UserOperationLogEntry> log, Collection<Comment> comments) {
    Set<String> ids = new HashSet<>();
    for (UserOperationLogEntry entry : log) {
      ids.add(entry.getUserId());
      if (entry.getProperty() != null && PEOPLE_PROPERTIES.contains(entry.getProperty())) {
        ids.add(entry.getOrgValue());
        ids.add(entry.getNewValue());
      }
    }
    comments.forEach(comment -> ids.add(comment.getUserId()));
    ids.remove(null);
    return ids;
  }

  /** The existing users among {@code ids}, by id, named as {@link #of} names them (the caller reads the users). */
  public static List<Person> named(IdentityService identity, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).orderByUserId().asc().list().stream()
        .map(user -> new Person(user.getId(), of(user)))
        .toList();
  }

  private static String text(String part) {
    return part == null ? "" : part;
  }
}
