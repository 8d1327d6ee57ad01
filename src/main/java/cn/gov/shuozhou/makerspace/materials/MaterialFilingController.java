package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;

import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.application.ApplicationFiling;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/my/applications}: the portal's 在线申报. The organisation account files the
 * application (the start form's fields, as JSON) with the materials it uploaded as drafts: every
 * required item of the checklist for its answers must be there, else the filing is refused naming
 * the missing items. The case starts and the drafts become its version 1 in one transaction.
 */
@RestController
@RequestMapping("/api/my/applications")
public class MaterialFilingController {

  /** The field the missing items are reported under. */
  static final String MATERIALS = "materials";

  private final ApplicationFiling filing;
  private final RequiredMaterials checklist;
  private final MaterialFiles files;
  private final MaterialAccess access;
  private final TransactionTemplate transaction;

  public MaterialFilingController(ApplicationFiling filing, RequiredMaterials checklist, MaterialFiles files,
      MaterialAccess access, TransactionTemplate transaction) {
    this.filing = filing;
    this.checklist = checklist;
    this.files = files;
    this.access = access;
    this.transaction = transaction;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> file(@RequestBody Map<String, Object> body) {
    Caller caller = access.uploader();
    Map<String, Object> application = filing.validate(body);
    Set<String> uploaded = files.drafts(caller.userId(), null).stream()
        .filter(f -> MaterialStep.APPLICATION.code().equals(f.step())).map(MaterialFile::materialCode)
        .collect(Collectors.toSet());
    List<FieldError> missing = checklist.of(application).stream()
        .filter(item -> item.required() && !uploaded.contains(item.code()))
        .map(item -> new FieldError(MATERIALS, "缺少必需的申报材料：" + item.name() + "（" + item.code() + "，" + item.article() + "）"))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    Map<String, Object> answer = transaction.execute(status -> {
      Map<String, Object> filed = filing.file(body);
      files.submit(caller.userId(), null, (String) filed.get(APPLICATION_NUMBER), MaterialStep.APPLICATION.code(),
          Instant.now());
      return filed;
    });
    return ResponseEntity.created(URI.create("/api/materials?caseNumber=" + answer.get(APPLICATION_NUMBER))).body(answer);
  }
}
