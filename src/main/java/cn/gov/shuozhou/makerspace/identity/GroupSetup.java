package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.access.GroupDefinition;
import cn.gov.shuozhou.makerspace.access.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the groups of {@link Groups#ALL} that do not exist yet; existing ones are left as they are. */
class GroupSetup {

  private static final Logger LOG = LoggerFactory.getLogger(GroupSetup.class);

  private final IdentityService identityService;

  GroupSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  void createMissingGroups() {
    for (GroupDefinition definition : Groups.ALL) {
      if (identityService.createGroupQuery().groupId(definition.id()).count() == 0) {
        Group group = identityService.newGroup(definition.id());
        group.setName(definition.name());
        group.setType(definition.type());
        identityService.saveGroup(group);
        LOG.info("Created group {} ({})", definition.id(), definition.name());
      }
    }
  }
}
