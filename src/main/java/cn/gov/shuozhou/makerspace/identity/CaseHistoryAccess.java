package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.common.ParseListeners;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reviewer reads the history of the cases they worked on. The engine grants the candidates and
 * the assignee of a task READ on that task's history only ({@code enable-historic-instance-permissions});
 * this plugin adds, when a staff member's task is created, READ on the whole case's history
 * ({@code HISTORIC_PROCESS_INSTANCE}) for the task's staff candidate groups and its staff assignee
 * (counties, development zone, education bureau, inspection team, experts, leaders; the city bureau
 * reads every case's history anyway). Applicants
 * get no such grant. What is confidential inside a case (expert votes, who objected) stays hidden
 * by security/ConfidentialVariablesGuard.
 */
@Component
public class CaseHistoryAccess extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CaseHistoryAccess.class);
  private static final String GROUP = "group:";
  private static final String USER = "user:";

  /** Staff whose grant adds something: the city bureau reads every case's history already. */
  private static final Set<String> STAFF = Capability.READ_HISTORY_OF_WORKED_CASES.groups();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, CaseHistoryAccess::grant);
  }

  /**
   * Collects the readers when the task is created and grants after the task's transaction has
   * committed, each grant in a transaction of its own: a transaction that loses a race (two people
   * completing the previous task at once) grants nothing and fails as before, with the engine's
   * optimistic locking error, not on the grants' unique key.
   */
  static void grant(DelegateTask task) {
    String caseId = task.getProcessInstanceId();
    Set<String> readers = WithoutAuthorization.call(() -> staffReaders(task));
    if (readers.isEmpty()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    CommandExecutor ownTransaction = context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
      for (String reader : readers) {
        try {
          ownTransaction.execute(grantContext -> WithoutAuthorization.call(() -> {
            grantOnce(grantContext.getProcessEngineConfiguration().getAuthorizationService(), caseId, reader);
            return null;
          }));
        } catch (ProcessEngineException concurrentGrant) {
          LOG.debug("History of case {} already granted to {}", caseId, reader, concurrentGrant);
        }
      }
    });
  }

  /** The task's staff candidate groups ("group:" + id) and its assignee when a staff member ("user:" + id). */
  private static Set<String> staffReaders(DelegateTask task) {
    Set<String> readers = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && STAFF.contains(link.getGroupId())) {
        readers.add(GROUP + link.getGroupId());
      }
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    String assignee = task.getAssignee();
    if (assignee != null
        && identity.createGroupQuery().groupMember(assignee).groupIdIn(STAFF.toArray(String[]::new)).count() > 0) {
      readers.add(USER + assignee);
    }
    return readers;
  }

  /** One grant per case and group or user (a unique key of the engine's table). */
  private static void grantOnce(AuthorizationService authorizations, String caseId, String reader) {
    boolean group = reader.startsWith(GROUP);
    String id = reader.substring(group ? GROUP.length() : USER.length());
    var stored = authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(caseId);
    if ((group ? stored.groupIdIn(id) : stored.userIdIn(id)).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    grant.setResourceId(caseId);
    if (group) {
      grant.setGroupId(id);
    } else {
      grant.setUserId(id);
    }
    grant.addPermission(HistoricProcessInstancePermissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
