package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startSupervision}: a certified space enters the annual supervision cycle
 * (process {@code maker-space-supervision}, business key = certificate number). The two instances
 * point at each other through {@code supervisionInstanceId} / {@code certificationInstanceId}.
 */
@Component("supervisionLauncher")
public class SupervisionLauncher implements JavaDelegate {

  public static final String SUPERVISION_KEY = "maker-space-supervision";

  private final RuntimeService runtime;
  private final RepositoryService repository;

  public SupervisionLauncher(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(SUPERVISION_KEY).count() == 0) {
      // The supervision model is not deployed yet: the certificate stands, supervision starts later.
      return;
    }
    Map<String, Object> vars = new HashMap<>();
    for (String name : new String[] {CERTIFICATE_NUMBER, CERTIFIED_ON, VALID_UNTIL, CREDIT_CODE, OPERATOR_NAME,
        SPACE_NAME, COUNTY, APPLICANT, HOST_TYPE, SPACE_FOCUS}) {
      vars.put(name, execution.getVariable(name));
    }
    vars.put("certificationInstanceId", execution.getProcessInstanceId());
    vars.put("applicationNumber", execution.getProcessBusinessKey());
    ProcessInstance supervision = runtime.startProcessInstanceByKey(SUPERVISION_KEY,
        (String) execution.getVariable(CERTIFICATE_NUMBER), vars);
    execution.setVariable(SUPERVISION_INSTANCE_ID, supervision.getId());
  }
}
