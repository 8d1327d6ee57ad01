package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.VALIDITY_YEARS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code certify} (async, retried): issues the certificate number and validity. */
@Component("certify")
public class CertifyDelegate implements JavaDelegate {

  private final CertificationService certification;

  public CertifyDelegate(CertificationService certification) {
    this.certification = certification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CertificationService.Case filed = new CertificationService.Case(execution.getProcessBusinessKey(),
        (String) execution.getVariable(APPLICANT), execution.getProcessInstanceId());
    Certificate c = certification.certify(filed, Application.of(execution), EngineClock.today(),
        Policy.of(execution).number(VALIDITY_YEARS));
    execution.setVariable(CERTIFICATE_NUMBER, c.certificateNumber());
    execution.setVariable(CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    execution.setVariable(VALID_UNTIL, EngineClock.startOf(c.validUntil()));
  }
}
