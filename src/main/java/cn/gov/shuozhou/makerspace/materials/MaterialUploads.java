package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one upload: checks what it claims (step, item, case, name), then streams the content into
 * the database in chunks while recognising its type by its first bytes, hashing it (SHA-256),
 * counting it against the policy's limits and scanning a PDF for active content. Everything happens
 * in one transaction: any refusal rolls it back, so nothing of a refused file remains.
 */
@Service
public class MaterialUploads {

  /** Largest piece of a file held in memory and stored in one row. */
  static final int CHUNK_BYTES = 1 << 20;
  private static final long MB = 1024L * 1024L;
  public static final String FILE = "file";
  public static final String STEP = "step";
  public static final String MATERIAL_CODE = "materialCode";
  public static final String CASE_NUMBER = "caseNumber";

  /** What an upload claims to be, besides its content. */
  public record Upload(String userId, String creditCode, String step, String materialCode, String caseNumber,
      String fileName) {}

  private final MaterialFiles files;
  private final RequiredMaterials checklist;
  private final StandaloneDecisions decisions;
  private final ProcessEngine engine;
  private final TransactionTemplate transaction;

  public MaterialUploads(MaterialFiles files, RequiredMaterials checklist, StandaloneDecisions decisions,
      ProcessEngine engine, TransactionTemplate transaction) {
    this.files = files;
    this.checklist = checklist;
    this.decisions = decisions;
    this.engine = engine;
    this.transaction = transaction;
  }

  /** The policy's limits now, in bytes: per file and per application (all versions and drafts together). */
  public long maxFileBytes() {
    return Policy.current(decisions).uploadMaxFileMb() * MB;
  }

  public long maxApplicationBytes() {
    return Policy.current(decisions).uploadMaxApplicationMb() * MB;
  }

  public MaterialFile upload(Upload upload, InputStream content) {
    MaterialStep step = check(upload);
    Policy policy = Policy.current(decisions);
    return transaction.execute(status -> store(upload, step, content, policy.uploadMaxFileMb(),
        policy.uploadMaxApplicationMb()));
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
    checkName(upload.fileName());
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

  /** File names are shown and offered for saving: no path, no control characters, not empty or overlong. */
  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(FILE, "文件（file）缺少文件名");
    }
    if (name.length() > 200) {
      throw new InvalidInputException(FILE, "文件名（file）不得超过200个字符");
    }
    if (name.contains("/") || name.contains("\\") || name.contains("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw new InvalidInputException(FILE, "文件名（file）不得包含路径字符（/、\\、..）或控制字符：请只上传文件本身");
    }
  }

  private boolean ownOpenTask(Upload upload, MaterialStep step) {
    return WithoutAuthorization.call(engine, () -> engine.getTaskService().createTaskQuery()
        .taskDefinitionKey(step.taskKey()).taskAssignee(upload.userId())
        .processInstanceBusinessKey(upload.caseNumber()).count() > 0);
  }

  private MaterialFile store(Upload upload, MaterialStep step, InputStream in, int maxFileMb, int maxApplicationMb) {
    try {
      byte[] chunk = new byte[CHUNK_BYTES];
      int filled = in.readNBytes(chunk, 0, FileType.MAGIC_LENGTH);
      if (filled == 0) {
        throw new InvalidInputException(FILE, "文件（file）为空：请上传有内容的PDF、JPEG或PNG文件");
      }
      FileType type = FileType.detect(chunk, filled).orElseThrow(() -> new InvalidInputException(FILE,
          "文件（file）类型不受支持：只接收PDF、JPEG、PNG文件（按文件内容识别，与扩展名无关）"));
      if (!type.matchesName(upload.fileName())) {
        throw new InvalidInputException(FILE, "文件名（file）的扩展名与文件内容（" + type.name() + "）不符");
      }
      long alreadyHeld = files.bytesOf(upload.userId(), upload.caseNumber());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      PdfActiveContentScanner scanner = type == FileType.PDF ? new PdfActiveContentScanner() : null;
      String fileId = UUID.randomUUID().toString();
      long size = 0;
      int chunkNo = 0;
      while (true) {
        filled += in.readNBytes(chunk, filled, CHUNK_BYTES - filled); // fewer than asked: the end of the file
        if (filled == 0) {
          break;
        }
        size += filled;
        if (size > maxFileMb * MB) {
          throw new InvalidInputException(FILE, "文件（file）超过单个文件大小上限" + maxFileMb + " MB");
        }
        if (alreadyHeld + size > maxApplicationMb * MB) {
          throw new InvalidInputException(FILE, "材料总量将超过每件申请的上限" + maxApplicationMb
              + " MB（已占用" + (alreadyHeld / MB) + " MB）");
        }
        sha.update(chunk, 0, filled);
        if (scanner != null) {
          scanner.feed(chunk, 0, filled);
          if (scanner.foundAny()) {
            break;
          }
        }
        files.insertChunk(fileId, chunkNo++, filled == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, filled));
        if (filled < CHUNK_BYTES) {
          break;
        }
        filled = 0;
      }
      String active = scanner == null ? null : scanner.finish();
      if (active != null) {
        throw new InvalidInputException(FILE, "PDF文件（file）含有脚本、嵌入文件或启动动作（" + active
            + "），不予接收：请另存为不含脚本和附件的PDF后上传");
      }
      MaterialFile file = new MaterialFile(fileId, upload.caseNumber(), upload.creditCode(), step.code(),
          upload.materialCode(), 0, upload.fileName(), type.mediaType(), size, HexFormat.of().formatHex(sha.digest()),
          upload.userId(), Instant.now(), false, null);
      files.insert(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
