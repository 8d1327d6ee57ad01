package cn.gov.shuozhou.makerspace.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * A user may read and update their own user (name, e-mail, password) but not delete it: Camunda's
 * default gives every new user ALL on themselves, so a reviewer or an auditor could delete their own
 * account and with it the trail of who did what. Users created from now on get READ and UPDATE;
 * {@link #reduceExisting} takes the extra rights from users created before.
 */
public class OwnUserPermissions extends DefaultAuthorizationProvider {

  static final List<Permission> GRANTED = List.of(Permissions.READ, Permissions.UPDATE);

  @Override
  public AuthorizationEntity[] newUser(User user) {
    AuthorizationEntity[] defaults = super.newUser(user);
    for (AuthorizationEntity authorization : defaults) {
      if (authorization.getResourceType() == Resources.USER.resourceType()
          && user.getId().equals(authorization.getResourceId())) {
        authorization.setPermissions(GRANTED.toArray(Permission[]::new));
      }
    }
    return defaults;
  }

  /** Existing users' grants on themselves: anything beyond READ and UPDATE is taken away. Idempotent. */
  static void reduceExisting(AuthorizationService authorizations) {
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.USER).list()) {
      if (a.getUserId() == null || !a.getUserId().equals(a.getResourceId())) {
        continue;
      }
      if (a.isPermissionGranted(Permissions.DELETE) || a.isPermissionGranted(Permissions.CREATE)) {
        a.setPermissions(GRANTED.toArray(Permission[]::new));
        authorizations.saveAuthorization(a);
      }
    }
  }
}
