package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.UPLOAD_MAX_APPLICATION_MB;
import static cn.gov.shuozhou.makerspace.certification.Policy.Output.UPLOAD_MAX_FILE_MB;

import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one upload: checks what it claims (step, item, case, name), then streams the content into
 * the database ({@link ContentStore}: type by content, SHA-256, PDF scan) against the policy's
 * limits per file and per application. Everything happens
 * in one transaction: any refusal rolls it back, so nothing of a refused file remains.
 */
@Service
public class MaterialUploads {

  static final long MB = 1024L * 1024L;
  public static final String FILE = "file";
  public static final String STEP = "step";
  public static final String MATERIAL_CODE = "materialCode";
  public static final String CASE_NUMBER = "caseNumber";

  /** What an upload claims to be, besides its content. */
  public record Upload(String userId, String creditCode, String step, String materialCode, String caseNumber,
      String fileName) {}

  private final MaterialFiles files;
  private final ContentStore contents;
  private final RequiredMaterials checklist;
  private final StandaloneDecisions decisions;
  private final ProcessEngine engine;
  private final TransactionTemplate transaction;

  public MaterialUploads(MaterialFiles files, ContentStore contents, RequiredMaterials checklist, StandaloneDecisions decisions,
      ProcessEngine engine, TransactionTemplate transaction) {
    this.files = files;
    this.contents = contents;
    this.checklist = checklist;
    this.decisions = decisions;
    this.engine = engine;
    this.transaction = transaction;
  }

  /** The policy's limits now, in bytes: per file and per application (all versions and drafts together). */
  public long maxFileBytes() {
    return Policy.current(decisions).number(UPLOAD_MAX_FILE_MB) * MB;
  }

  public long maxApplicationBytes() {
    return Policy.current(decisions).number(UPLOAD_MAX_APPLICATION_MB) * MB;
  }

  public MaterialFile upload(Upload upload, InputStream content) {
    MaterialStep step = check(upload);
    Policy policy = Policy.current(decisions);
    return transaction.execute(status -> store(upload, step, content, policy.number(UPLOAD_MAX_FILE_MB),
        policy.number(UPLOAD_MAX_APPLICATION_MB)));
  }

  /**
   * Binds the uploader's drafts {@code fileIds} of step {@code step} of case {@code caseNumber} (a
   * service record entry's attachments) in the caller's transaction; refuses the field
   * {@code field} when one is not such a draft, so that nothing is bound.
   */
  public void bindDrafts(String userId, String caseNumber, MaterialStep step, List<String> fileIds, String field,
      Instant at) {
    for (String fileId : fileIds) {
      boolean draft = files.find(fileId).filter(f -> !f.submitted() && userId.equals(f.uploadedBy())
          && caseNumber.equals(f.caseNumber()) && step.code().equals(f.step())).isPresent();
      if (!draft || files.submitDraft(fileId, userId, 1, at) != 1) {
        throw new InvalidInputException(field, "附件（" + field + "）" + fileId + " 不是您为该众创空间上传且尚未使用的"
            + step.label() + "：请先上传文件（POST /api/materials，step 为 " + step.code() + "）");
      }
    }
  }

  /** Removes one of the uploader's drafts with its content; false when there is no such draft. */
  public boolean deleteDraft(String fileId, String userId) {
    return Boolean.TRUE.equals(transaction.execute(status -> files.deleteDraft(fileId, userId)));
  }

  private MaterialStep check(Upload upload) {
    MaterialStep step = MaterialStep.ofCode(upload.step()).orElseThrow(() -> new InvalidInputException(STEP,
        "材料环节（step）取值无效，应为：" + String.join("、", MaterialStep.codes())));
    ContentStore.checkName(FILE, upload.fileName());
    if (step.usesChecklist()) {
      Map<String, String> items = checklist.allItems();
      if (!items.containsKey(upload.materialCode())) {
        throw new InvalidInputException(MATERIAL_CODE, "材料项目（materialCode）不在申报材料清单内，应为："
            + String.join("、", items.keySet()));
      }
    } else if (!step.ownMaterialCode().equals(upload.materialCode())) {
      throw new InvalidInputException(MATERIAL_CODE, "材料项目（materialCode）应为 " + step.ownMaterialCode()
          + "（" + step.label() + "的附件）");
    }
    if (step == MaterialStep.APPLICATION) {
      if (upload.caseNumber() != null) {
        throw new InvalidInputException(CASE_NUMBER, "申请材料在提交申请前上传，不得指定案件编号（caseNumber）："
            + "补正材料请选择 supplement 环节");
      }
    } else if (step.byAreaBureau()) {
      if (upload.caseNumber() == null) { // the area was checked with the case (MaterialAccess.uploadCreditCode)
        throw new InvalidInputException(CASE_NUMBER, "服务台账附件须指定众创空间的证书编号（caseNumber）");
      }
    } else if (upload.caseNumber() == null || !ownOpenTask(upload, step)) {
      throw new InvalidInputException(CASE_NUMBER, "案件编号（caseNumber）下没有本单位正在办理的“" + step.label()
          + "”事项：只能在办理该事项期间上传其材料");
    }
    return step;
  }

  private boolean ownOpenTask(Upload upload, MaterialStep step) {
    return WithoutAuthorization.call(engine, () -> engine.getTaskService().createTaskQuery()
        .taskDefinitionKey(step.taskKey()).taskAssignee(upload.userId())
        .processInstanceBusinessKey(upload.caseNumber()).count() > 0);
  }

  private MaterialFile store(Upload upload, MaterialStep step, InputStream in, int maxFileMb, int maxApplicationMb) {
    long alreadyHeld = files.bytesOf(upload.userId(), upload.caseNumber());
    ContentStore.Stored stored = contents.store(FILE, upload.fileName(), in, size -> {
      if (size > maxFileMb * MB) {
        throw new InvalidInputException(FILE, "文件（file）超过单个文件大小上限" + maxFileMb + " MB");
      }
      if (alreadyHeld + size > maxApplicationMb * MB) {
        throw new InvalidInputException(FILE, "材料总量将超过每件申请的上限" + maxApplicationMb
            + " MB（已占用" + (alreadyHeld / MB) + " MB）");
      }
    });
    MaterialFile file = new MaterialFile(stored.fileId(), upload.caseNumber(), upload.creditCode(), step.code(),
        upload.materialCode(), 0, upload.fileName(), stored.type().mediaType(), stored.size(), stored.sha256(),
        upload.userId(), Instant.now(), false, null);
    files.insert(file);
    return file;
  }
}
