package cn.gov.shuozhou.makerspace.letters;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Who may read the letters of a case ({@link Capability#READ_LETTERS}): the applicant's own
 * organisation account, the staff who may read the case's history (the engine's grants: the
 * candidates and assignees of its tasks, see identity/CaseHistoryAccess), and the holders of
 * {@link Capability#READ_LETTERS_OF_EVERY_CASE}. Everyone else is answered as if the case or letter did not
 * exist (404): case numbers are sequential, and a 403 would tell another organisation which exist.
 */
@Component
public class LetterAccess {

  private final IdentityService identity;
  private final ProcessEngine engine;
  private final Organisations organisations;

  public LetterAccess(IdentityService identity, ProcessEngine engine, Organisations organisations) {
    this.identity = identity;
    this.engine = engine;
    this.organisations = organisations;
  }

  /**
   * Returns when the current caller may read the letters of the case with these numbers and the
   * applicant's credit code; throws {@link ApiRefusal} otherwise: 401 or 403 for a caller who reads no
   * letters at all, {@code notFound} (the answer to an unknown case or letter) for one who may not read these.
   */
  public void require(String applicationNumber, String certificateNumber, String creditCode,
      Supplier<ApiRefusal> notFound) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_LETTERS);
    if (caller.may(Capability.READ_LETTERS_OF_EVERY_CASE)
        || organisations.creditCodeOf(caller.userId()).filter(own -> own.equals(creditCode)).isPresent()
        || readsHistoryOf(applicationNumber, certificateNumber)) {
      return;
    }
    throw notFound.get();
  }

  static ApiRefusal caseNotFound(String applicationNumber) {
    return new ApiRefusal(ProblemType.NOT_FOUND, "未找到申请：" + applicationNumber);
  }

  /** The applicant of a case that has no letter yet, read by the system (operators hold no history right). */
  String creditCodeOf(String applicationNumber) {
    HistoryService history = engine.getHistoryService();
    return WithoutAuthorization.call(engine, () -> history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(CertificationProcess.KEY).processInstanceBusinessKey(applicationNumber).list().stream()
            .flatMap(p -> history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
                .variableName(CertificationProcess.CREDIT_CODE).list().stream())
            .map(v -> String.valueOf(v.getValue())).findFirst())
        .orElseThrow(() -> caseNotFound(applicationNumber));
  }

  /** Asked with the caller's own authentication, so the engine's history grants decide. */
  private boolean readsHistoryOf(String applicationNumber, String certificateNumber) {
    return Stream.of(applicationNumber, certificateNumber).filter(Objects::nonNull)
        .anyMatch(key -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
            .count() > 0);
  }
}
