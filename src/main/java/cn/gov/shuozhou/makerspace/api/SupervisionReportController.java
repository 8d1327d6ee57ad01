package cn.gov.shuozhou.makerspace.api;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.supervision.SupervisionReports;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.supervision.SupervisionReports.Filed;
import cn.gov.shuozhou.makerspace.supervision.SupervisionReports.Kind;
import cn.gov.shuozhou.makerspace.supervision.SupervisionReports.Listed;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city bureau reports a certified space: {@code POST /api/false-materials-reports} (Art. 9,
 * {@code certificateNumber} or {@code applicationNumber}, {@code reportText}) and
 * {@code POST /api/violation-reports} (Art. 10, {@code certificateNumber},
 * {@code violationDescription}). The server correlates the supervision's message; the bureau needs
 * no right over the running case for it. {@code GET /api/supervision-reports}: the newest reports,
 * for the bureau's reports page ({@code /reports/}).
 */
@RestController
public class SupervisionReportController {

  /** How many reports the reports page lists. */
  private static final int LISTED = 50;

  private final SupervisionReports reports;
  private final IdentityService identity;

  public SupervisionReportController(SupervisionReports reports, IdentityService identity) {
    this.reports = reports;
    this.identity = identity;
  }

  @GetMapping("/api/supervision-reports")
  public List<Listed> recent() {
    reporter(); // the same people as file them: 403 for anyone else
    return reports.recent(LISTED);
  }

  @PostMapping(path = "/api/false-materials-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Filed> falseMaterials(@RequestBody Map<String, Object> body) {
    String reporter = reporter();
    Inputs in = Inputs.of(body).only(List.of(CERTIFICATE_NUMBER, APPLICATION_NUMBER, REPORT_TEXT));
    String certificate = in.text(CERTIFICATE_NUMBER, "认定证书编号", false, Inputs.MAX_NAME);
    String application = in.text(APPLICATION_NUMBER, "申请编号", false, 64);
    String text = in.text(REPORT_TEXT, "举报内容", true, Inputs.MAX_TEXT);
    if (!in.has(CERTIFICATE_NUMBER) && !in.has(APPLICATION_NUMBER)) {
      in.fail(CERTIFICATE_NUMBER, "认定证书编号（certificateNumber）与申请编号（applicationNumber）须填写其一");
    } else if (in.has(CERTIFICATE_NUMBER) && in.has(APPLICATION_NUMBER)) {
      in.fail(APPLICATION_NUMBER, "认定证书编号（certificateNumber）与申请编号（applicationNumber）只能填写其一");
    }
    in.throwIfInvalid();
    return created(reports.file(Kind.FALSE_MATERIALS, certificate, application, text, reporter));
  }

  @PostMapping(path = "/api/violation-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Filed> violation(@RequestBody Map<String, Object> body) {
    String reporter = reporter();
    Inputs in = Inputs.of(body).only(List.of(CERTIFICATE_NUMBER, VIOLATION_DESCRIPTION));
    String certificate = in.text(CERTIFICATE_NUMBER, "认定证书编号", true, Inputs.MAX_NAME);
    String description = in.text(VIOLATION_DESCRIPTION, "违规情况描述", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    return created(reports.file(Kind.VIOLATION, certificate, null, description, reporter));
  }

  /** The reporting user, a member of the city bureau (or an administrator); 403 for anyone else. */
  private String reporter() {
    return AccessPolicy.require(identity, Capability.FILE_SUPERVISION_REPORTS).userId();
  }

  private static ResponseEntity<Filed> created(Filed filed) {
    return ResponseEntity.status(HttpStatus.CREATED).body(filed);
  }
}
