package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ActivateRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.Activation;
import cn.gov.shuozhou.makerspace.rules.RuleViews.CasesAhead;
import cn.gov.shuozhou.makerspace.rules.RuleViews.Change;
import cn.gov.shuozhou.makerspace.rules.RuleViews.DecisionRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ProposalView;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ConflictRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ConflictResolution;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RollbackRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleDetail;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rules}: rule administration over REST, for the rule page and for automation. Only
 * group {@code rule-admins}; {@code auditors} may read. The caller is authenticated by
 * {@code security/ApiAuthenticationFilter} (HTTP Basic or the Camunda webapp session).
 */
@RestController
@RequestMapping("/api/rules")
public class RuleController {

  private final RuleService rules;
  private final IdentityService identity;
  private final RulesProperties properties;

  public RuleController(RuleService rules, IdentityService identity, RulesProperties properties) {
    this.rules = rules;
    this.identity = identity;
    this.properties = properties;
  }

  @GetMapping
  public List<RuleSummary> list() {
    reader();
    return rules.list();
  }

  /** The people the rules' records name, {@code [{id, label}]}: the page shows names, not ids. */
  @GetMapping("/people")
  public List<Person> people(@RequestParam Map<String, String> parameters) {
    reader();
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return rules.people();
  }

  /**
   * {@code GET /api/rules/access}: whether the caller may change rules ({@code changesRules}), so that the
   * rule page offers 编辑, 上传, 回滚 and the decisions only to those the server lets change them.
   */
  @GetMapping("/access")
  public Map<String, Boolean> access(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_RULES);
    Inputs.onlyParameters(parameters, Set.of());
    return Map.of("changesRules", caller.may(Capability.CHANGE_RULES));
  }

  @GetMapping("/{key}")
  public RuleDetail detail(@PathVariable String key) {
    reader();
    return rules.detail(key);
  }

  /** The running cases a new version would still decide: counts and step names, no case. */
  @GetMapping("/{key}/running-cases")
  public CasesAhead runningCases(@PathVariable String key, @RequestParam Map<String, String> parameters) {
    reader();
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return rules.runningCases(key);
  }

  @GetMapping("/{key}/xml")
  public ResponseEntity<byte[]> xml(@PathVariable String key, @RequestParam(required = false) Integer version) {
    reader();
    byte[] body = RuleXml.forUtf8(rules.xml(key, version)).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(key + ".dmn").build().toString())
        .body(body);
  }

  /** The DMN XML is the body (any XML content type); nothing is deployed. */
  @PostMapping("/{key}/check")
  public RuleCheck check(@PathVariable String key, HttpServletRequest request) throws IOException {
    writer();
    rules.requireKnown(key); // 404 before reading the body
    String xml = readLimited(request);
    return rules.check(key, xml);
  }

  /** 201 with the new version, or 202 with a proposal when a statutory number changes (StatutoryRules). */
  @PostMapping(path = "/{key}/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Change> activate(@PathVariable String key, @RequestBody ActivateRequest request) {
    String user = writer();
    return answer(key, rules.activate(key, request, user));
  }

  @PostMapping(path = "/{key}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Change> rollback(@PathVariable String key, @RequestBody RollbackRequest request) {
    String user = writer();
    return answer(key, rules.rollback(key, request, user));
  }

  /** A second rule administrator (not the proposer) approves: the proposal is deployed. */
  @PostMapping(path = "/{key}/proposals/{proposalId}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Activation> approve(@PathVariable String key, @PathVariable String proposalId,
      @RequestBody Map<String, Object> body) {
    String user = writer();
    return ResponseEntity.created(URI.create("/api/rules/" + key))
        .body(rules.approve(key, proposalId, decision(body), user));
  }

  @PostMapping(path = "/{key}/proposals/{proposalId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ProposalView reject(@PathVariable String key, @PathVariable String proposalId,
      @RequestBody Map<String, Object> body) {
    String user = writer();
    return rules.reject(key, proposalId, decision(body), user);
  }

  /** An approval or rejection carries its reason and nothing else. */
  private static DecisionRequest decision(Map<String, Object> body) {
    Inputs.of(body).only(List.of("reason")).throwIfInvalid();
    return new DecisionRequest(body.get("reason") instanceof String reason ? reason : null);
  }

  @PostMapping(path = "/{key}/conflict", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ConflictResolution conflict(@PathVariable String key, @RequestBody ConflictRequest request) {
    String user = writer();
    return rules.resolveConflict(key, request, user);
  }

  private static ResponseEntity<Change> answer(String key, Change change) {
    if (change instanceof ProposalView) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(change);
    }
    return ResponseEntity.created(URI.create("/api/rules/" + key)).body(change);
  }

  // ------------------------------------------------------------------ access

  private String reader() {
    return AccessPolicy.require(identity, Capability.READ_RULES).userId();
  }

  private String writer() {
    return AccessPolicy.require(identity, Capability.CHANGE_RULES).userId();
  }

  /** Reads the body up to the size limit (one byte more to detect an oversized file). */
  private String readLimited(HttpServletRequest request) throws IOException {
    int limit = properties.maxXmlBytes();
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(limit + 1);
    }
    if (bytes.length > limit) {
      throw RuleException.badField("xml", "SIZE_LIMIT", "DMN文件过大：上限为 " + limit + " 字节");
    }
    Charset charset = null;
    if (request.getCharacterEncoding() != null) {
      try {
        charset = Charset.forName(request.getCharacterEncoding());
      } catch (RuntimeException e) {
        charset = null;
      }
    }
    return RuleXml.decode(bytes, charset);
  }
}
