package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.materials.MaterialUploads.CASE_NUMBER;
import static cn.gov.shuozhou.makerspace.materials.MaterialUploads.FILE;
import static cn.gov.shuozhou.makerspace.materials.MaterialUploads.MATERIAL_CODE;
import static cn.gov.shuozhou.makerspace.materials.MaterialUploads.STEP;

import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials.Material;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing {@code /api/materials}: the applicant uploads (multipart: {@code file}, {@code step},
 * {@code materialCode}, {@code caseNumber} for a step of a running case) and deletes its drafts;
 * {@code /checklist} gives the items for an application's answers with the policy's limits.
 * Listing and reading: {@link MaterialReadController}.
 */
@RestController
@RequestMapping("/api/materials")
public class MaterialController {

  private static final Set<String> PARTS = Set.of(FILE, STEP, MATERIAL_CODE, CASE_NUMBER);
  private static final Set<String> CHECKLIST_INPUTS = Set.of("premises", "hostType", "convertedOldBuilding", "spaceFocus");

  private final MaterialUploads uploads;
  private final MaterialAccess access;
  private final RequiredMaterials checklist;

  public MaterialController(MaterialUploads uploads, MaterialAccess access, RequiredMaterials checklist) {
    this.uploads = uploads;
    this.access = access;
    this.checklist = checklist;
  }

  /** The checklist for an application's answers, and the limits of the policy in force. */
  public record Checklist(List<Material> items, long maxFileBytes, long maxApplicationBytes) {}

  @PostMapping
  public ResponseEntity<MaterialView> upload(HttpServletRequest request) throws IOException, ServletException {
    Caller caller = access.uploader();
    if (request.getQueryString() != null) { // not getParameterMap(): it would parse the whole body first
      throw new InvalidInputException("query", "本接口不接受查询参数：请以multipart/form-data提交 file、step、materialCode、caseNumber");
    }
    if (!MultipartFiles.isMultipart(request)) {
      throw new InvalidInputException(FILE, "请以multipart/form-data上传文件（file）");
    }
    MultipartFiles.requireLength(request, FILE, uploads.maxApplicationBytes(), "文件（file）超过每件申请的材料总量上限");
    Map<String, String> fields = new HashMap<>();
    Part file = null;
    for (Part part : request.getParts()) {
      if (!PARTS.contains(part.getName())) {
        throw new InvalidInputException(part.getName(), "不接受字段 " + part.getName() + "：本接口只接受 "
            + String.join("、", List.of(FILE, STEP, MATERIAL_CODE, CASE_NUMBER)));
      }
      if (FILE.equals(part.getName())) {
        if (file != null) {
          throw new InvalidInputException(FILE, "每次只能上传一个文件（file）");
        }
        file = part;
      } else {
        fields.put(part.getName(), small(part));
      }
    }
    String fileName = file == null ? null : MultipartFiles.submittedName(file);
    if (fileName == null) {
      throw new InvalidInputException(FILE, "文件（file）为必填项");
    }
    String caseNumber = fields.get(CASE_NUMBER) == null || fields.get(CASE_NUMBER).isBlank() ? null : fields.get(CASE_NUMBER);
    MaterialUploads.Upload upload = new MaterialUploads.Upload(caller.userId(), access.uploadCreditCode(caller, fields.get(STEP), caseNumber),
        fields.get(STEP), fields.get(MATERIAL_CODE), caseNumber, fileName);
    MaterialFile stored;
    try (InputStream in = file.getInputStream()) {
      stored = uploads.upload(upload, in);
    } finally {
      file.delete();
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(MaterialView.of(stored, checklist.allItems()));
  }

  @GetMapping("/checklist")
  public Checklist checklist(@RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, CHECKLIST_INPUTS);
    Map<String, Object> answers = new LinkedHashMap<>(parameters);
    answers.computeIfPresent("convertedOldBuilding", (k, v) -> Boolean.valueOf((String) v));
    return new Checklist(checklist.of(answers), uploads.maxFileBytes(), uploads.maxApplicationBytes());
  }

  /** Removes one of the caller's own drafts; submitted files stay for ever. */
  @DeleteMapping("/{fileId}")
  public ResponseEntity<Void> delete(@PathVariable String fileId) {
    Caller caller = access.uploader();
    if (!uploads.deleteDraft(fileId, caller.userId())) {
      throw new InvalidInputException("fileId", "只能删除本账号尚未提交的材料（fileId）");
    }
    return ResponseEntity.noContent().build();
  }

  private static String small(Part part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(257);
      if (bytes.length > 256) {
        throw new InvalidInputException(part.getName(), part.getName() + " 不得超过256个字节");
      }
      return new String(bytes, StandardCharsets.UTF_8).strip();
    }
  }
}
