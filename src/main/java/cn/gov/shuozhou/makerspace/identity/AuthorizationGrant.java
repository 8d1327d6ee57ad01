package cn.gov.shuozhou.makerspace.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * "Members of {@code groupId} hold at least {@code permissions} on {@code resource}/{@code resourceId}"
 * ({@code resourceId} {@code "*"} means every resource of that type).
 */
public record AuthorizationGrant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

  public AuthorizationGrant {
    permissions = List.copyOf(permissions);
  }

  public static AuthorizationGrant of(String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new AuthorizationGrant(groupId, resource, resourceId, List.of(permissions));
  }
}
