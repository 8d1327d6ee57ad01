package cn.gov.shuozhou.makerspace.county;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/county/spaces} (Art. 6, docs/security.md §14): the certified spaces of the caller's area
 * ({@code q} name or operator, {@code status} valid/expired/revoked, {@code county} for the city
 * bureau, {@code page}); {@code /{certificateNumber}} one space's file; {@code /{certificateNumber}/services}
 * its service record, read by the readers of the space and written ({@code POST}: {@code servedOn},
 * {@code kind}, {@code description}, {@code attachments}, {@code corrects}) by the bureau of its area;
 * {@code /api/county/access} whether the caller reads them at all.
 */
@RestController
@RequestMapping("/api/county")
public class CountyController {

  static final List<String> LIST_PARAMETERS = List.of("q", "status", "county", Inputs.PAGE);
  static final List<String> STATUSES = List.of("valid", "expired", "revoked");

  private final CountySpaces spaces;
  private final ServiceRecording recording;
  private final IdentityService identity;

  public CountyController(CountySpaces spaces, ServiceRecording recording, IdentityService identity) {
    this.spaces = spaces;
    this.recording = recording;
    this.identity = identity;
  }

  /**
   * {@code GET /api/county/access}: whether the signed-in caller reads an area's spaces, so that Tasklist
   * offers its 县域空间 link only to them without asking for the list and being refused, and whether
   * they read every area (the city bureau), so that the county page titles its list for the whole city.
   */
  @GetMapping("/access")
  public Map<String, Boolean> access(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.signedIn(identity);
    Inputs.onlyParameters(parameters, Set.of());
    return Map.of("readsSpaces", caller.may(Capability.READ_AREA_SPACES),
        "readsEveryArea", caller.may(Capability.READ_EVERY_AREA_SPACES));
  }

  @GetMapping("/spaces")
  public CountySpaces.Page list(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_AREA_SPACES);
    Inputs in = Inputs.of(new HashMap<>(parameters)).only(LIST_PARAMETERS);
    String text = in.text("q", "名称或运营机构", false, Inputs.MAX_NAME);
    String status = in.has("status") ? in.choice("status", "状态", STATUSES) : null;
    String county = in.has("county") ? in.choice("county", "县（区）", County.codes()) : null;
    Integer page = Objects.requireNonNullElse(in.page(), 1);
    in.throwIfInvalid();
    Set<String> areas = AccessPolicy.readableAreas(caller);
    if (areas != null && county != null && !areas.contains(county)) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, AccessPolicy.otherArea("查看该县（区）的众创空间", caller.userId()));
    }
    if (areas != null && county == null) {
      county = areas.stream().findFirst().orElseThrow(); // a bureau of an area holds one area
    }
    return spaces.list(county, text == null ? "" : text, status == null ? "" : status, page);
  }

  @GetMapping("/spaces/{certificateNumber}")
  public CountySpaces.SpaceFile one(@PathVariable String certificateNumber, @RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_AREA_SPACES);
    Inputs.onlyParameters(parameters, Set.of());
    return spaces.file(caller, spaces.readable(caller, certificateNumber));
  }

  @GetMapping("/spaces/{certificateNumber}/services")
  public List<ServiceEntry> services(@PathVariable String certificateNumber, @RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_AREA_SPACES);
    Inputs.onlyParameters(parameters, Set.of());
    return spaces.services(caller, certificateNumber);
  }

  @PostMapping("/spaces/{certificateNumber}/services")
  public ResponseEntity<ServiceEntry> record(@PathVariable String certificateNumber,
      @RequestBody(required = false) Map<String, Object> body) {
    Caller caller = AccessPolicy.require(identity, Capability.RECORD_SERVICES);
    Certificate space = spaces.readable(caller, certificateNumber);
    if (!AccessPolicy.servesArea(caller, space.county())) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, AccessPolicy.otherArea("记录该众创空间的服务台账", caller.userId()));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(recording.record(caller, space, body));
  }
}
