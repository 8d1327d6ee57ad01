package cn.gov.shuozhou.makerspace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.identity.demo.DemoUser;
import cn.gov.shuozhou.makerspace.identity.demo.DemoUsers;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every demo user logs in over HTTP (CSRF dance) and reaches exactly the webapps of its role. */
class WebappAccessTest extends AbstractHttpTest {

  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");

  /** The apps each role needs (issue 2): staff Tasklist, auditors and city bureau Cockpit, admin all. */
  private static final Map<String, Set<String>> APPS_BY_USER = Map.ofEntries(
      Map.entry("admin", Set.of("tasklist", "cockpit", "admin")),
      Map.entry("shuocheng1", Set.of("tasklist")),
      Map.entry("pinglu1", Set.of("tasklist")),
      Map.entry("huairen1", Set.of("tasklist")),
      Map.entry("shanyin1", Set.of("tasklist")),
      Map.entry("yingxian1", Set.of("tasklist")),
      Map.entry("youyu1", Set.of("tasklist")),
      Map.entry("devzone1", Set.of("tasklist")),
      Map.entry("edu1", Set.of("tasklist")),
      Map.entry("city1", Set.of("tasklist", "cockpit")),
      Map.entry("inspector1", Set.of("tasklist")),
      Map.entry("inspector2", Set.of("tasklist")),
      Map.entry("expert1", Set.of("tasklist")),
      Map.entry("expert2", Set.of("tasklist")),
      Map.entry("expert3", Set.of("tasklist")),
      Map.entry("expert4", Set.of("tasklist")),
      Map.entry("expert5", Set.of("tasklist")),
      Map.entry("leader1", Set.of("tasklist")),
      // organisation accounts work on 我的申请 (/portal/), never in Tasklist (issue 16)
      Map.entry("operator1", Set.of()),
      Map.entry("operator2", Set.of()),
      Map.entry("ruleadmin1", Set.of()),
      Map.entry("ruleadmin2", Set.of()),
      Map.entry("auditor1", Set.of("cockpit")));

  static Stream<Arguments> userAndApp() {
    List<Arguments> cases = new ArrayList<>();
    for (DemoUser user : DemoUsers.ALL) {
      for (String app : APPS) {
        cases.add(Arguments.of(user.id(), app, APPS_BY_USER.get(user.id()).contains(app)));
      }
    }
    return cases.stream();
  }

  @Test
  void theTableCoversEveryDemoUser() {
    assertThat(APPS_BY_USER.keySet())
        .containsExactlyInAnyOrderElementsOf(DemoUsers.ALL.stream().map(DemoUser::id).toList());
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("userAndApp")
  void demoUserReachesExactlyTheAppsOfItsRole(String user, String app, boolean allowed) {
    WebappSession session = webapp();

    HttpResponse<String> login = session.login(user, app);

    assertThat(login.statusCode()).as("login of %s to %s", user, app).isEqualTo(allowed ? 200 : 403);
    if (allowed) {
      assertThat(login.body()).contains("\"userId\":\"" + user + "\"");
      HttpResponse<String> current = session.get("/camunda/api/admin/auth/user/default");
      assertThat(current.statusCode()).isEqualTo(200);
      for (String other : APPS) {
        boolean expected = APPS_BY_USER.get(user).contains(other);
        assertThat(current.body().contains("\"" + other + "\"")).as("%s may use %s", user, other)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void everyDemoUserMayUseTheWelcomePage() {
    for (DemoUser user : DemoUsers.ALL) {
      assertThat(webapp().login(user.id(), "welcome").statusCode()).as(user.id()).isEqualTo(200);
    }
  }

  @Test
  void tasklistSessionWorksWithTheNewCsrfToken() {
    WebappSession session = webapp();
    assertThat(session.login("city1", "tasklist").statusCode()).isEqualTo(200);

    HttpResponse<String> filters = session.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body()).contains(TaskFilters.MY_TASKS, TaskFilters.MY_GROUP_TASKS,
        TaskFilters.ALL_CITY_BUREAU_TASKS);

    HttpResponse<String> count = session.post(
        "/camunda/api/engine/engine/default/task/count", "{\"candidateGroup\":\"city-bureau\"}");
    assertThat(count.statusCode()).isEqualTo(200);
  }

  @Test
  void filtersShowOnlyToTheirRoles() {
    WebappSession inspector = webapp();
    assertThat(inspector.login("inspector1", "tasklist").statusCode()).isEqualTo(200);

    String filters = inspector.get("/camunda/api/engine/engine/default/filter?resourceType=Task").body();

    assertThat(filters).contains(TaskFilters.MY_TASKS, TaskFilters.MY_GROUP_TASKS)
        .doesNotContain(TaskFilters.ALL_CITY_BUREAU_TASKS);
  }
}
