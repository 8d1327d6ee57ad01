package cn.gov.shuozhou.makerspace.security;

import static cn.gov.shuozhou.makerspace.access.Capability.ADMINISTER_ENGINE;
import static cn.gov.shuozhou.makerspace.access.Capability.AUDIT;
import static cn.gov.shuozhou.makerspace.access.Capability.EVALUATE_DECISIONS;
import static cn.gov.shuozhou.makerspace.access.Capability.MONITOR_CASES;
import static cn.gov.shuozhou.makerspace.access.Capability.START_APPLICATIONS;
import static cn.gov.shuozhou.makerspace.access.Capability.WORK_ON_OWN_TASKS;
import static cn.gov.shuozhou.makerspace.access.Capability.WORK_ON_TASKS;

import cn.gov.shuozhou.makerspace.access.Capability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which group may call which endpoint of {@code /engine-rest}: one table of (groups, method, path
 * pattern); anything not in it is refused (403) before the engine sees it. The engine's
 * authorizations and guards still decide on each object; this table only keeps every role to the
 * part of the API its documented work needs (docs/security.md, "Allow-list of /engine-rest").
 *
 * <p>Paths are those inside the API ({@code /task/count}, also under {@code /engine/{name}}),
 * canonical by the time they are compared ({@link CanonicalPathFilter}). {@code {self}} stands for
 * the calling user's id, {@code {id}} for one path segment, {@code READ} for every read
 * ({@link EngineApiRequests#isRead}: GET, and POST queries). A rule with an {@code own} criterion
 * matches only when the request's {@link Criteria} name the caller there, and nobody else.
 */
public final class EngineRestAllowList {

  /** Any of the methods, or {@link #READ}; {@code own}: null, or the criterion that must name the caller alone. */
  record Rule(Set<String> groups, Set<String> methods, Pattern path, String own) {}

  static final String READ = "READ";
  /** Every signed-in user, also one without any group. */
  static final String ANYONE = "*";

  private static final String ID = "[^/]+";
  // the groups come from the access policy's table (access/Capability)
  private static final Set<String> TASK_WORKERS = WORK_ON_TASKS.groups();
  private static final Set<String> TASK_API_USERS = Capability.groupsOf(WORK_ON_TASKS, WORK_ON_OWN_TASKS);
  private static final Set<String> DECISION_USERS = EVALUATE_DECISIONS.groups();
  private static final Set<String> READERS = Capability.groupsOf(MONITOR_CASES, AUDIT);
  private static final Set<String> APPLICANTS = START_APPLICATIONS.groups();
  private static final Set<String> ADMINISTRATORS = ADMINISTER_ENGINE.groups();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^/engine/" + ID);

  static final List<Rule> RULES = List.of(
      // every signed-in user: who am I, change my own password, my tasks
      rule(Set.of(ANYONE), "GET", "/version|/user/{self}/profile|/identity/groups"),
      rule(Set.of(ANYONE), "PUT", "/user/{self}/credentials"),
      // the welcome page's profile: my name, my groups, the password policy
      rule(Set.of(ANYONE), "PUT", "/user/{self}/profile"),
      rule(Set.of(ANYONE), "GET POST", "/identity/password-policy"),
      own(rule(Set.of(ANYONE), "GET POST", "/group|/group/count"), "member"),
      rule(Set.of(ANYONE), "GET POST", "/task|/task/count"),
      // Tasklist's work over REST: the tasks a role works on, their forms, comments, attachments;
      // organisation accounts' integrations their own tasks (no Tasklist: no filter, definition, history)
      rule(TASK_API_USERS, "GET", "/task/{id}(/(variables|localVariables)(/{id})?|/form|/form-variables"
          + "|/deployed-form|/rendered-form|/identity-links|/comment(/{id})?|/attachment(/{id}(/data)?)?)?"),
      rule(TASK_API_USERS, "POST", "/task/{id}/(claim|unclaim|complete|submit-form|resolve|comment/create"
          + "|attachment/create)"),
      rule(TASK_WORKERS, "GET", "/process-definition(/count)?|/process-definition/{id}(/xml|/form-variables"
          + "|/startForm|/deployed-start-form|/rendered-form)?|/process-definition/key/{id}(/xml|/form-variables"
          + "|/startForm|/deployed-start-form|/rendered-form)?|/process-instance/{id}/comment"),
      rule(TASK_WORKERS, "GET", "/filter(/count)?|/filter/{id}(/(list|count|singleResult))?"),
      rule(TASK_WORKERS, "POST", "/filter/{id}/(list|count|singleResult)"),
      // Tasklist asks which filter actions it may offer
      rule(TASK_WORKERS, "OPTIONS", "/filter"),
      // the history of what one worked on (the engine's authorizations say which rows)
      rule(TASK_WORKERS, "GET POST", "/history/(task|process-instance|activity-instance|variable-instance|detail"
          + "|identity-link-log|user-operation)(/count)?"),
      rule(TASK_WORKERS, "GET", "/history/(task|process-instance|activity-instance|variable-instance|detail)/{id}"),
      // applicants start a certification (integrators); the portal's 在线申报 shows its start form
      rule(APPLICANTS, "POST", "/process-definition/(key/maker-space-certification|{id})/(start|submit-form)"),
      rule(APPLICANTS, "GET", "/process-definition/key/maker-space-certification/deployed-start-form"),
      // city bureau (Cockpit) and auditors read everything the engine lets them read
      rule(READERS, READ, ".*"),
      // decisions: read and evaluate on their own
      rule(DECISION_USERS, "GET", "/decision-definition(/count)?|/decision-definition/{id}(/xml)?"
          + "|/decision-definition/key/{id}(/xml)?|/decision-requirements-definition(/.*)?"),
      rule(DECISION_USERS, "POST", "/decision-definition/({id}|key/{id})/evaluate"),
      // system administrators: everything
      rule(ADMINISTRATORS, "GET POST PUT DELETE OPTIONS HEAD", ".*"));

  private EngineRestAllowList() {}

  /**
   * What an {@code own} rule reads of a request: the query parameters of a GET, the top-level text
   * fields of a POST's JSON body (where a POST query carries its criteria). The body is read only
   * when such a rule is asked, after every rule on the path alone has said no.
   */
  @FunctionalInterface
  public interface Criteria {

    Criteria NONE = name -> List.of();

    /** The values the request gives {@code name}; empty when none. */
    List<String> values(String name);

    /** The criteria of a request; {@code body} supplies at most {@link #MAX_BODY} + 1 bytes. */
    static Criteria of(String method, String rawQuery, Supplier<byte[]> body) {
      if (!"POST".equalsIgnoreCase(method)) {
        return name -> queryValues(rawQuery, name);
      }
      byte[][] read = {null};
      return name -> {
        if (read[0] == null) {
          read[0] = body.get(); // a stream is read once
        }
        return bodyValues(read[0], name);
      };
    }
  }

  /** The largest body an {@code own} rule reads; a larger one names nobody. */
  public static final int MAX_BODY = 64 * 1024;

  /** True when a user of {@code groups} may send {@code method} to {@code enginePath}, whatever its query and body. */
  public static boolean allows(String userId, Collection<String> groups, String method, String enginePath) {
    return allows(userId, groups, method, enginePath, Criteria.NONE);
  }

  /** True when a user of {@code groups} may send {@code method} to {@code enginePath} with these criteria. */
  public static boolean allows(String userId, Collection<String> groups, String method, String enginePath,
      Criteria criteria) {
    String path = ENGINE_PREFIX.matcher(enginePath).replaceFirst("");
    String verb = method.toUpperCase(Locale.ROOT);
    return RULES.stream().anyMatch(rule -> rule.own() == null && applies(rule, userId, groups, verb, path))
        || RULES.stream().anyMatch(rule -> rule.own() != null && applies(rule, userId, groups, verb, path)
            && criteria.values(rule.own()).equals(List.of(userId)));
  }

  private static boolean applies(Rule rule, String userId, Collection<String> groups, String verb, String path) {
    boolean member = rule.groups().contains(ANYONE) || groups.stream().anyMatch(rule.groups()::contains);
    boolean verbAllowed = rule.methods().contains(verb)
        || (rule.methods().contains(READ) && EngineApiRequests.isRead(verb, path));
    return member && verbAllowed && matches(rule.path(), path, userId);
  }

  private static boolean matches(Pattern pattern, String path, String userId) {
    String regex = pattern.pattern();
    if (regex.contains("\\{self\\}")) {
      regex = regex.replace("\\{self\\}", Pattern.quote(userId));
    }
    return Pattern.matches(regex, path);
  }

  private static List<String> queryValues(String query, String name) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
        .filter(pair -> decode(pair[0]).equals(name)).map(pair -> pair.length < 2 ? "" : decode(pair[1])).toList();
  }

  /** A text field of a JSON object names its value; any other value of the field names nobody. */
  private static List<String> bodyValues(byte[] body, String name) {
    if (body == null || body.length > MAX_BODY) {
      return List.of();
    }
    try {
      JsonNode field = JSON.readTree(body).path(name);
      return field.isMissingNode() ? List.of() : List.of(field.isTextual() ? field.asText() : "");
    } catch (IOException notJson) {
      return List.of();
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }

  private static Rule rule(Set<String> groups, String methods, String paths) {
    String regex = "(" + paths.replace("{self}", "\\{self\\}").replace("{id}", ID) + ")";
    return new Rule(groups, Set.of(methods.split(" ")), Pattern.compile(regex), null);
  }

  private static Rule own(Rule rule, String parameter) {
    return new Rule(rule.groups(), rule.methods(), rule.path(), parameter);
  }
}
