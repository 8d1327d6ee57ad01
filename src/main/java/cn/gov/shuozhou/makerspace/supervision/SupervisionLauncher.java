package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startSupervision} of the certification: a certified space enters the annual
 * supervision cycle (process {@link SupervisionProcess#KEY}, business key = certificate number). The
 * two instances point at each other through {@code supervisionInstanceId} /
 * {@code certificationInstanceId}. Without the supervision model the step fails (an incident a
 * retry resolves once it is deployed) rather than leave a certified space unsupervised.
 */
@Component("supervisionLauncher")
public class SupervisionLauncher implements JavaDelegate {

  /** What the supervision takes over from the certification, under the same names. */
  private static final List<String> HANDED_OVER = List.of(SupervisionProcess.CERTIFICATE_NUMBER,
      SupervisionProcess.CERTIFIED_ON, SupervisionProcess.VALID_UNTIL, SupervisionProcess.CREDIT_CODE,
      SupervisionProcess.OPERATOR_NAME, SupervisionProcess.SPACE_NAME, SupervisionProcess.COUNTY,
      SupervisionProcess.APPLICANT, CertificationProcess.HOST_TYPE, CertificationProcess.SPACE_FOCUS);

  private final RuntimeService runtime;
  private final RepositoryService repository;

  public SupervisionLauncher(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(SupervisionProcess.KEY).count() == 0) {
      throw new IllegalStateException("年度管理流程（" + SupervisionProcess.KEY + "）未部署：无法开始认定后的年度管理");
    }
    Map<String, Object> vars = new HashMap<>();
    HANDED_OVER.forEach(name -> vars.put(name, execution.getVariable(name)));
    vars.put(SupervisionProcess.CERTIFICATION_INSTANCE_ID, execution.getProcessInstanceId());
    vars.put(SupervisionProcess.APPLICATION_NUMBER, execution.getProcessBusinessKey());
    ProcessInstance supervision = runtime.startProcessInstanceByKey(SupervisionProcess.KEY,
        (String) execution.getVariable(SupervisionProcess.CERTIFICATE_NUMBER), vars);
    execution.setVariable(CertificationProcess.SUPERVISION_INSTANCE_ID, supervision.getId());
  }
}
