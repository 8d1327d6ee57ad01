package cn.gov.shuozhou.makerspace.sanction;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.Applications;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;

/** Certified spaces under supervision, as the certification's last two steps leave them, for the hearing tests. */
final class SupervisedSpaces {

  private SupervisedSpaces() {}

  /** Issues a certificate of {@code operator}'s space today and starts its supervision; returns the certificate number. */
  static String start(RuntimeService runtime, CertificateRegistry certificates, String operator) {
    LocalDate today = EngineClock.today();
    String applicationNumber = "SQ-HEARING-" + UUID.randomUUID();
    Certificate c = certificates.issue(new Certification(applicationNumber, new Space(Applications.newCreditCode(), "山阴创客空间",
        "山阴县岱岳镇创业路1号"), "朔州市众创孵化有限公司", "shanyin", operator, today, today.plusYears(3).minusDays(1), "hearing-test"));
    Map<String, Object> vars = new HashMap<>();
    vars.put(SupervisionProcess.CERTIFICATE_NUMBER, c.certificateNumber());
    vars.put(SupervisionProcess.CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    vars.put(SupervisionProcess.VALID_UNTIL, EngineClock.startOf(c.validUntil()));
    vars.put(SupervisionProcess.CREDIT_CODE, c.creditCode());
    vars.put(SupervisionProcess.OPERATOR_NAME, c.operatorName());
    vars.put(SupervisionProcess.SPACE_NAME, c.spaceName());
    vars.put(SupervisionProcess.COUNTY, c.county());
    vars.put(SupervisionProcess.APPLICANT, operator);
    vars.put(SupervisionProcess.CERTIFICATION_INSTANCE_ID, "hearing-test");
    vars.put(SupervisionProcess.APPLICATION_NUMBER, applicationNumber);
    runtime.startProcessInstanceByKey(SupervisionProcess.KEY, c.certificateNumber(), vars);
    return c.certificateNumber();
  }

  /** The open task {@code key} of the case (supervision or its hearing), or null. */
  static Task task(org.camunda.bpm.engine.TaskService tasks, String number, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
  }

  /** Waits until the job executor (on in the HTTP tests) has revoked the certificate. */
  static void awaitRevoked(CertificateRegistry certificates, String number) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (certificates.find(number).orElseThrow().status() == cn.gov.shuozhou.makerspace.registry.CertificateStatus.REVOKED) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not revoked: " + number);
  }
}
