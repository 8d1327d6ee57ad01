package cn.gov.shuozhou.makerspace.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Applies {@link AuthorizationGrant}s idempotently. The engine allows one grant authorization per
 * group, resource type and resource id, so a missing permission is added to the existing row
 * instead of creating a second one; permissions granted by hand in Admin are never removed.
 */
public class AuthorizationGranter {

  private final AuthorizationService authorizationService;

  public AuthorizationGranter(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantAll(Collection<AuthorizationGrant> grants) {
    grants.forEach(this::grant);
  }

  public void grant(AuthorizationGrant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      changed = true;
    }
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  /**
   * Takes {@code permissions} on {@code resource} away from every grant but those of
   * {@code keptGroups}: for rights that must stay with the administrators even if an earlier
   * release or an administrator in Admin gave them to another group.
   */
  public void revokeFromAllBut(Set<String> keptGroups, Resource resource, Permission... permissions) {
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).list()) {
      if (keptGroups.contains(authorization.getGroupId())) {
        continue;
      }
      removeFrom(authorization, permissions);
    }
  }

  /** Takes {@code permissions} on one resource away from the grants of {@code groups}: rights an earlier release gave them. */
  public void revokeFrom(Set<String> groups, Resource resource, String resourceId, Permission... permissions) {
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groups.toArray(String[]::new)).resourceType(resource)
        .resourceId(resourceId).list()) {
      removeFrom(authorization, permissions);
    }
  }

  /** Saves {@code authorization} without those of {@code permissions} it granted, when it granted any. */
  private void removeFrom(Authorization authorization, Permission... permissions) {
    boolean changed = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
