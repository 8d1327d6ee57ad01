package cn.gov.shuozhou.makerspace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.access.GroupDefinition;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoIdentitySetup;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile: groups and authorizations exist, no user and no password does; the
 * first administrator is created on Camunda's own Admin setup page and then reaches Admin.
 */
@ActiveProfiles("production-test")
class ProductionIdentityTest extends AbstractHttpTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  ApplicationContext context;

  @Test
  void noDemoUserExistsButEveryGroupDoes() {
    assertThat(context.getBeanNamesForType(DemoIdentitySetup.class)).isEmpty();
    assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
    assertThat(identityService.createUserQuery().userId("shuocheng1").count()).isZero();
    for (GroupDefinition group : Groups.ALL) {
      assertThat(identityService.createGroupQuery().groupId(group.id()).count()).as(group.id()).isEqualTo(1);
    }
    assertThat(rest("admin").get("/task").statusCode()).isEqualTo(401);
  }

  @Test
  void firstAdministratorIsCreatedOnTheSetupPageAndReachesAdmin() {
    WebappSession session = webapp();
    String user = """
        {"profile": {"id": "chief", "firstName": "系统", "lastName": "管理员", "email": "chief@example.gov.cn"},
         "credentials": {"password": "Chief-Secret-2026"}}
        """;

    assertThat(session.post("/camunda/api/admin/setup/default/user/create", user).statusCode())
        .isEqualTo(204);
    assertThat(webapp().login("chief", "Chief-Secret-2026", "admin").statusCode()).isEqualTo(200);
    assertThat(rest("chief", "Chief-Secret-2026").get("/authorization/count").statusCode()).isEqualTo(200);
    assertThat(session.post("/camunda/api/admin/setup/default/user/create",
        user.replace("chief", "second")).statusCode()).isEqualTo(403);
  }
}
