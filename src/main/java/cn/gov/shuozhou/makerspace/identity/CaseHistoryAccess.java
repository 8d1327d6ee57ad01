package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A reviewer reads the history of the cases they worked on. The engine grants the candidates and
 * the assignee of a task READ on that task's history only ({@code enable-historic-instance-permissions});
 * this plugin adds, when a staff member's task is created, READ on the whole case's history
 * ({@code HISTORIC_PROCESS_INSTANCE}) for the task's staff candidate groups and its staff assignee
 * (counties, development zone, education bureau, inspection team, experts, leaders). Applicants
 * get no such grant. What is confidential inside a case (expert votes, who objected) stays hidden
 * by security/ConfidentialVariablesGuard.
 */
@Component
public class CaseHistoryAccess extends AbstractProcessEnginePlugin {

  private static final Set<String> STAFF = Set.copyOf(Groups.ids(Groups.STAFF_GROUPS));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CaseHistoryAccess::grant);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void grant(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    String caseId = task.getProcessInstanceId();
    WithoutAuthorization.call(() -> {
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && STAFF.contains(link.getGroupId())) {
          groups.add(link.getGroupId());
        }
      }
      groups.forEach(group -> grantOnce(authorizations, caseId, group, null));
      String assignee = task.getAssignee();
      if (assignee != null
          && identity.createGroupQuery().groupMember(assignee).groupIdIn(STAFF.toArray(String[]::new)).count() > 0) {
        grantOnce(authorizations, caseId, null, assignee);
      }
      return null;
    });
  }

  private static void grantOnce(AuthorizationService authorizations, String caseId, String group, String user) {
    var existing = authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(caseId);
    if ((group != null ? existing.groupIdIn(group) : existing.userIdIn(user)).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    grant.setResourceId(caseId);
    if (group != null) {
      grant.setGroupId(group);
    } else {
      grant.setUserId(user);
    }
    grant.addPermission(HistoricProcessInstancePermissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
