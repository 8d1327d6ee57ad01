package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.materials.MaterialUploads.CASE_NUMBER;

import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.common.Inputs;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading {@code /api/materials}: the readers of a case list and download its files, the applicant
 * its own drafts ({@link MaterialAccess} decides who reads what). Downloads are attachments, previews
 * (PDF, JPEG, PNG only: nothing else is ever stored) are inline under a strict policy. Uploads and
 * the checklist: {@link MaterialController}.
 */
@RestController
@RequestMapping("/api/materials")
public class MaterialReadController {

  private static final String IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
      + "frame-ancestors 'self'";
  /** Chrome shows a PDF through its viewer, an embedded object of the page: allowed from our origin only. */
  private static final String PDF_POLICY = IMAGE_POLICY + "; object-src 'self'";

  private final MaterialAccess access;
  private final MaterialFiles files;
  private final RequiredMaterials checklist;

  public MaterialReadController(MaterialAccess access, MaterialFiles files, RequiredMaterials checklist) {
    this.access = access;
    this.files = files;
    this.checklist = checklist;
  }

  /** The materials of case {@code caseNumber} (its readers), or without it the caller's own drafts of a filing. */
  @GetMapping
  public List<MaterialView> list(@RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of(CASE_NUMBER));
    String caseNumber = parameters.get(CASE_NUMBER);
    if (caseNumber == null) {
      Caller caller = access.uploader();
      return views(files.drafts(caller.userId(), null));
    }
    boolean own = access.requireCase(caseNumber);
    // staff read what was submitted; the applicant's drafts of an open step are its own
    return views(files.ofCase(caseNumber).stream().filter(f -> access.shows(f, own)).toList());
  }

  @GetMapping("/{fileId}")
  public void download(@PathVariable String fileId, @RequestParam Map<String, String> parameters,
      HttpServletResponse response) throws IOException {
    Inputs.onlyParameters(parameters, Set.of());
    send(access.readable(fileId), "attachment", response);
  }

  @GetMapping("/{fileId}/preview")
  public void preview(@PathVariable String fileId, @RequestParam Map<String, String> parameters,
      HttpServletResponse response) throws IOException {
    Inputs.onlyParameters(parameters, Set.of());
    MaterialFile file = access.readable(fileId);
    boolean pdf = FileType.ofMediaType(file.contentType()).orElseThrow() == FileType.PDF;
    response.setHeader("Content-Security-Policy", pdf ? PDF_POLICY : IMAGE_POLICY);
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    send(file, "inline", response);
  }

  private void send(MaterialFile file, String disposition, HttpServletResponse response) throws IOException {
    files.send(file.fileId(), file.fileName(), file.contentType(), file.size(), disposition, response);
  }

  /** The files in the checklist's order, then as uploaded (an item's versions oldest first). */
  private List<MaterialView> views(List<MaterialFile> list) {
    Map<String, String> items = checklist.allItems();
    List<String> order = List.copyOf(items.keySet());
    Comparator<MaterialFile> checklistOrder = Comparator.comparingInt(f -> {
      int at = order.indexOf(f.materialCode());
      return at < 0 ? order.size() : at;
    });
    return list.stream()
        .sorted(checklistOrder.thenComparing(MaterialFile::materialCode).thenComparing(MaterialFile::uploadedAt))
        .map(f -> MaterialView.of(f, items)).toList();
  }
}
