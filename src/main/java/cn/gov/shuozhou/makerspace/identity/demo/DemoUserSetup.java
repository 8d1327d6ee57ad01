package cn.gov.shuozhou.makerspace.identity.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing demo users (password = user id) and memberships. An existing user is not
 * touched, so a password changed in Admin survives a restart.
 */
class DemoUserSetup {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUserSetup.class);

  private final IdentityService identityService;

  DemoUserSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  void createMissingUsers(List<DemoUser> users) {
    for (DemoUser demoUser : users) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.email());
        user.setPassword(demoUser.id());
        identityService.saveUser(user);
        LOG.info("Created demo user {}", demoUser.id());
      }
      for (String group : demoUser.groups()) {
        if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demoUser.id(), group);
        }
      }
    }
  }
}
