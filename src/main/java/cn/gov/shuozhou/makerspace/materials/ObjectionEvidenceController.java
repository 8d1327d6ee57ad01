package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.materials.ObjectionEvidence.EvidenceFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/objection-evidence?caseNumber=}: the evidence files of the objections to a case,
 * and {@code GET /api/objection-evidence/{fileId}}: one of them as an attachment. Only for
 * {@link Capability#READ_OBJECTION_EVIDENCE} (the city bureau on {@code handleObjection}, auditors
 * in the Cockpit history). The list names the objection by its acknowledgement number, never the
 * objector.
 */
@RestController
@RequestMapping(ObjectionEvidenceController.PATH)
public class ObjectionEvidenceController {

  public static final String PATH = "/api/objection-evidence";
  private static final String CASE_NUMBER = "caseNumber";

  /** One evidence file as the staff's pages show it. */
  public record EvidenceView(String fileId, String acknowledgementNumber, String fileName, String contentType,
      long size, String sha256, Instant receivedAt, String downloadUrl) {}

  private final ProcessEngine engine;
  private final ObjectionEvidence evidence;
  private final MaterialFiles files;

  public ObjectionEvidenceController(ProcessEngine engine, ObjectionEvidence evidence, MaterialFiles files) {
    this.engine = engine;
    this.evidence = evidence;
    this.files = files;
  }

  @GetMapping
  public List<EvidenceView> list(@RequestParam Map<String, String> parameters) {
    AccessPolicy.require(engine.getIdentityService(), Capability.READ_OBJECTION_EVIDENCE);
    Inputs in = Inputs.of(new HashMap<>(parameters)).only(List.of(CASE_NUMBER));
    String caseNumber = in.text(CASE_NUMBER, "案件编号", true, 64);
    in.throwIfInvalid();
    return evidence.ofCase(caseNumber).stream().map(f -> new EvidenceView(f.fileId(), f.acknowledgementNumber(),
        f.fileName(), f.contentType(), f.size(), f.sha256(), f.receivedAt(), PATH + "/" + f.fileId())).toList();
  }

  @GetMapping("/{fileId}")
  public void download(@PathVariable String fileId, @RequestParam Map<String, String> parameters,
      HttpServletResponse response) throws IOException {
    AccessPolicy.require(engine.getIdentityService(), Capability.READ_OBJECTION_EVIDENCE);
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    EvidenceFile file = evidence.find(fileId).orElseThrow(() -> new ApiRefusal(ProblemType.NOT_FOUND, "未找到该证据材料"));
    files.send(file.fileId(), file.fileName(), file.contentType(), file.size(), "attachment", response);
  }
}
