package cn.gov.shuozhou.makerspace.materials;

import java.time.Instant;
import java.util.Map;

/**
 * One material as the pages show it; {@code materialName} is the checklist's name of its item, or
 * the step's label for the steps that use no checklist.
 */
public record MaterialView(String fileId, String caseNumber, String step, String materialCode, String materialName,
    int version, String fileName, String contentType, long size, String sha256, Instant uploadedAt, boolean submitted,
    Instant submittedAt, String downloadUrl, String previewUrl) {

  /** {@code items}: the names of the checklist's items by code. */
  static MaterialView of(MaterialFile f, Map<String, String> items) {
    String url = "/api/materials/" + f.fileId();
    String name = MaterialStep.ofCode(f.step()).filter(s -> !s.usesChecklist()).map(MaterialStep::label)
        .orElseGet(() -> items.getOrDefault(f.materialCode(), f.materialCode()));
    return new MaterialView(f.fileId(), f.caseNumber(), f.step(), f.materialCode(), name, f.version(), f.fileName(),
        f.contentType(), f.size(), f.sha256(), f.uploadedAt(), f.submitted(), f.submittedAt(), url, url + "/preview");
  }
}
