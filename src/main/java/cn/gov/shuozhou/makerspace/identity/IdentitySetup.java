package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.access.Capability;
import org.camunda.bpm.engine.ProcessEngine;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start, in every profile: the groups of the contract, the authorizations of their roles,
 * users' rights on themselves without DELETE ({@link OwnUserPermissions}) and the shared Tasklist filters. Idempotent: what exists is kept, what is missing is added;
 * the rights over running cases ({@link RoleAuthorizations#ADMIN_ONLY}) are taken from every group but {@code camunda-admin}.
 * Runs as an engine plugin, so it is done before the web server accepts a request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class IdentitySetup extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new OwnUserPermissions());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    apply(processEngine);
  }

  /** Brings groups, authorizations and filters up to date; safe to call any number of times. */
  public void apply(ProcessEngine processEngine) {
    AuthorizationGranter granter = new AuthorizationGranter(processEngine.getAuthorizationService());
    new GroupSetup(processEngine.getIdentityService()).createMissingGroups();
    granter.grantAll(RoleAuthorizations.all());
    RoleAuthorizations.ADMIN_ONLY.forEach((resource, permissions) ->
        granter.revokeFromAllBut(Capability.ADMINISTER_ENGINE.groups(), resource, permissions.toArray(Permission[]::new)));
    // an earlier release let organisation accounts into Tasklist; they work on 我的申请 only
    for (String app : List.of(RoleAuthorizations.TASKLIST, RoleAuthorizations.COCKPIT)) {
      granter.revokeFrom(Capability.PORTAL_ONLY.groups(), Resources.APPLICATION, app, Permissions.ACCESS);
    }
    OwnUserPermissions.reduceExisting(processEngine.getAuthorizationService());
    new TaskFilterSetup(processEngine.getFilterService(), processEngine.getTaskService(), granter)
        .createMissingFilters(TaskFilters.all());
  }
}
