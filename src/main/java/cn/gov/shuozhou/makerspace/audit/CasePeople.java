package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * The people a case's history names (who started it, to whom each task went, who acted in the
 * operation log, who commented), by name: the Cockpit history page reads 朔城区审核员一 instead of an
 * id, also for an auditor, whom the engine does not let read user profiles. Only for a case whose
 * history the caller's own authorizations let them read, so a name says nothing they could not see.
 */
@Service
public class CasePeople {

  private final ProcessEngine engine;

  public CasePeople(ProcessEngine engine) {
    this.engine = engine;
  }

  public List<Person> of(String processInstanceId) {
    AccessPolicy.require(engine.getIdentityService(), Capability.READ_CASE_PEOPLE);
    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      throw new ApiRefusal(ProblemType.NOT_FOUND, "流程实例不存在或无权查看：" + processInstanceId);
    }
    Set<String> ids = UserNames.actors(
        asProcess(() -> history.createUserOperationLogQuery().processInstanceId(processInstanceId).list()),
        asProcess(() -> engine.getTaskService().getProcessInstanceComments(processInstanceId)));
    ids.add(instance.getStartUserId());
    for (HistoricTaskInstance task : asProcess(() -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).list())) {
      ids.add(task.getAssignee());
      ids.add(task.getOwner());
    }
    ids.remove(null);
    return asProcess(() -> UserNames.named(engine.getIdentityService(), ids));
  }

  private <T> T asProcess(Supplier<T> work) {
    return WithoutAuthorization.call(engine, work);
  }
}
