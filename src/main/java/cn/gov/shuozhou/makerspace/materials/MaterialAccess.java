package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who reads which materials: an organisation account its own organisation's files (drafts too); a
 * member of the groups of {@link Capability#READ_CASE_MATERIALS} the submitted files of the cases
 * the engine lets them read — the same authorizations as the case's history (the reviewers of the
 * case, the city bureau, auditors) — and a county's bureau those of the certified spaces of its area
 * (Art. 6, read-only; it uploads only its service records' attachments). Objectors and the public
 * never read materials.
 */
@Component
public class MaterialAccess {

  private final ProcessEngine engine;
  private final Organisations organisations;
  private final MaterialFiles files;
  private final CertificateRegistry certificates;

  public MaterialAccess(ProcessEngine engine, Organisations organisations, MaterialFiles files,
      CertificateRegistry certificates) {
    this.engine = engine;
    this.organisations = organisations;
    this.files = files;
    this.certificates = certificates;
  }

  /**
   * The account uploading: an organisation account (its user and credit code), or the bureau of an
   * area for its service records (Art. 6); 401, or 403 for anyone else.
   */
  public Caller uploader() {
    Caller caller = signedIn();
    if (!caller.may(Capability.UPLOAD_MATERIALS) && caller.may(Capability.RECORD_SERVICES)) {
      return caller;
    }
    AccessPolicy.require(engine.getIdentityService(), Capability.UPLOAD_MATERIALS);
    ownCreditCode(caller).orElseThrow(() -> new ApiRefusal(ProblemType.FORBIDDEN, "当前账号未关联运营机构：只有申报单位（运营机构）账号可以上传申报材料"));
    return caller;
  }

  /**
   * The credit code an upload of {@code step} is stored under: the organisation's own; for an
   * attachment of a service record, the space's, when the space is one of the uploader's area (else 403).
   */
  public String uploadCreditCode(Caller caller, String step, String caseNumber) {
    Optional<String> own = ownCreditCode(caller);
    boolean service = MaterialStep.SERVICE_RECORD.code().equals(step);
    if (own.isPresent() && !service) {
      return own.get();
    }
    if (own.isPresent()) {
      throw new InvalidInputException(MaterialUploads.STEP, "服务台账附件（serviceRecord）由县（区）科技局上传，申报单位不能选择此环节（step）");
    }
    if (!service) { // a bureau may upload nothing of an application
      throw new ApiRefusal(ProblemType.FORBIDDEN, "无权上传申报材料：县（区）科技局只能上传服务台账附件（step 为 serviceRecord）（用户 "
          + caller.userId() + "）");
    }
    Certificate space = caseNumber == null ? null : certificates.find(caseNumber).orElse(null);
    if (space == null) {
      throw new InvalidInputException(MaterialUploads.CASE_NUMBER, "没有证书编号为 " + caseNumber
          + " 的众创空间：服务台账附件的案件编号（caseNumber）应为众创空间的证书编号");
    }
    if (!AccessPolicy.servesArea(caller, space.county())) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, AccessPolicy.otherArea("上传该众创空间的服务台账附件", caller.userId()));
    }
    return space.creditCode();
  }

  public Optional<String> ownCreditCode(Caller caller) {
    return organisations.creditCodeOf(caller.userId());
  }

  /** The file when the caller may read it; 404 when there is none, 403 when it is not theirs to read. */
  public MaterialFile readable(String fileId) {
    Caller caller = signedIn();
    MaterialFile file = files.find(fileId).orElseThrow(() -> new ApiRefusal(ProblemType.NOT_FOUND, "未找到该材料文件"));
    Optional<String> own = ownCreditCode(caller);
    boolean allowed = own.isPresent()
        ? own.get().equals(file.creditCode()) && shows(file, true)
        : file.submitted() && mayReadCase(caller, file.caseNumber());
    if (!allowed) {
      throw refused(caller, own.isPresent());
    }
    return file;
  }

  /**
   * Whether a file of a case its reader may read is shown: submitted ones; drafts to the case's own
   * organisation only, and never a bureau's draft attachment of a service record it has not yet saved.
   */
  public boolean shows(MaterialFile file, boolean ownOrganisation) {
    return file.submitted() || (ownOrganisation
        && !MaterialStep.ofCode(file.step()).map(MaterialStep::byAreaBureau).orElse(false));
  }

  /**
   * Refuses unless the caller may read the materials of case {@code caseNumber}; true when the
   * caller is the case's own organisation (which also sees its drafts), false for staff.
   */
  public boolean requireCase(String caseNumber) {
    Caller caller = signedIn();
    Optional<String> own = ownCreditCode(caller);
    boolean allowed = own.isPresent() ? own.get().equals(creditCodeOfCase(caseNumber)) : mayReadCase(caller, caseNumber);
    if (!allowed) {
      throw refused(caller, own.isPresent());
    }
    return own.isPresent();
  }

  private Caller signedIn() {
    Caller caller = AccessPolicy.current(engine.getIdentityService());
    if (caller == null) {
      throw new ApiRefusal(ProblemType.AUTHENTICATION_REQUIRED, "未登录：请先登录，或使用HTTP Basic认证");
    }
    return caller;
  }

  /**
   * Staff: a case whose history the engine shows them, checked with their own authorizations; or,
   * read-only, a case of a certified space of their area (its certificate's or its application's, Art. 6).
   */
  private boolean mayReadCase(Caller caller, String caseNumber) {
    return caller.may(Capability.READ_CASE_MATERIALS) && caseNumber != null
        && (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
            .count() > 0 || certifiedInArea(caller, caseNumber));
  }

  private boolean certifiedInArea(Caller caller, String caseNumber) {
    return certificates.find(caseNumber).or(() -> certificates.forApplication(caseNumber))
        .map(space -> AccessPolicy.readsArea(caller, space.county())).orElse(false);
  }

  private String creditCodeOfCase(String caseNumber) {
    return WithoutAuthorization.call(engine, () -> {
      List<String> ids = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).list().stream().map(HistoricProcessInstance::getId).toList();
      return ids.isEmpty() ? null : engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new)).variableName(CREDIT_CODE).list().stream()
          .map(v -> (String) v.getValue()).findFirst().orElse(null);
    });
  }

  private static ApiRefusal refused(Caller caller, boolean organisation) {
    String message;
    if (organisation) {
      message = "无权查看该材料：申报单位只能查看本单位的申报材料（用户 " + caller.userId() + "）";
    } else if (!caller.may(Capability.READ_CASE_MATERIALS)) {
      message = AccessPolicy.refusal(Capability.READ_CASE_MATERIALS, caller.userId());
    } else {
      message = "无权查看该案件的材料：只能查看本人办理或有权查看的案件的已提交材料（用户 " + caller.userId() + "）";
    }
    return new ApiRefusal(ProblemType.FORBIDDEN, message);
  }
}
