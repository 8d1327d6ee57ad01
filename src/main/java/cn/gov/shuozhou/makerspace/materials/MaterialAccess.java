package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
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
 * case, the city bureau, auditors). Objectors and the public never read materials.
 */
@Component
public class MaterialAccess {

  private final ProcessEngine engine;
  private final Organisations organisations;
  private final MaterialFiles files;

  public MaterialAccess(ProcessEngine engine, Organisations organisations, MaterialFiles files) {
    this.engine = engine;
    this.organisations = organisations;
    this.files = files;
  }

  /** The organisation account uploading: its user and credit code; 401, or 403 for anyone else. */
  public Caller uploader() {
    Caller caller = AccessPolicy.require(engine.getIdentityService(), Capability.UPLOAD_MATERIALS);
    ownCreditCode(caller).orElseThrow(() -> new ApiRefusal(ProblemType.FORBIDDEN, "当前账号未关联运营机构：只有申报单位（运营机构）账号可以上传申报材料"));
    return caller;
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
        ? own.get().equals(file.creditCode())
        : file.submitted() && mayReadCase(caller, file.caseNumber());
    if (!allowed) {
      throw refused(caller, own.isPresent());
    }
    return file;
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

  /** Staff: a case whose history the engine shows them, checked with their own authorizations. */
  private boolean mayReadCase(Caller caller, String caseNumber) {
    return caller.may(Capability.READ_CASE_MATERIALS) && caseNumber != null
        && engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
            .count() > 0;
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
