package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startSupervision} of the certification: a certified space enters the annual
 * supervision cycle (process {@link SupervisionProcess#KEY}, business key = certificate number) with
 * its application as filed ({@link Application}, read back there with {@code Application.of}; its
 * Art. 4 figures are a cycle's variables, asked again by every annual report) and its certificate
 * as registered. The two instances point at each other through
 * {@code supervisionInstanceId} / {@code certificationInstanceId}. Without the supervision model or
 * the registered certificate the step fails (an incident a retry resolves once it is deployed)
 * rather than leave a certified space unsupervised.
 */
@Component("supervisionLauncher")
public class SupervisionLauncher implements JavaDelegate {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final CertificateRegistry certificates;

  public SupervisionLauncher(RuntimeService runtime, RepositoryService repository, CertificateRegistry certificates) {
    this.runtime = runtime;
    this.repository = repository;
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      throw new IllegalStateException("年度管理流程（" + KEY + "）未部署：无法开始认定后的年度管理");
    }
    String number = (String) execution.getVariable(CERTIFICATE_NUMBER);
    Certificate certificate = certificates.find(number).orElseThrow(() -> new IllegalStateException(
        "认定证书 " + number + " 未登记：无法开始认定后的年度管理"));
    Map<String, Object> vars = new HashMap<>(Application.of(execution).variables());
    vars.putAll(title(certificate));
    ProcessInstance supervision = runtime.startProcessInstanceByKey(KEY, certificate.certificateNumber(), vars);
    execution.setVariable(CertificationProcess.SUPERVISION_INSTANCE_ID, supervision.getId());
  }

  /** The certificate's variables under the supervision's names. */
  private static Map<String, Object> title(Certificate c) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(CERTIFICATE_NUMBER, c.certificateNumber());
    vars.put(CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    vars.put(VALID_UNTIL, EngineClock.startOf(c.validUntil()));
    vars.put(APPLICATION_NUMBER, c.applicationNumber());
    vars.put(APPLICANT, c.applicant());
    vars.put(CERTIFICATION_INSTANCE_ID, c.certificationInstanceId());
    return vars;
  }
}
