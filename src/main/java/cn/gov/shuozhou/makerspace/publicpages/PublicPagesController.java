package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.exactly;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.certificateFileNotFound;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.certificateNotFound;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.certificateVoid;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.letters.LetterArchive;
import cn.gov.shuozhou.makerspace.letters.LetterDownload;
import cn.gov.shuozhou.makerspace.registry.AssessmentResults;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages (contract "Additions"), server-rendered, no login: {@code /public/} (home),
 * {@code /public/registry} (certified spaces, filtered by {@code q}, {@code county}, {@code status}),
 * {@code /public/registry/{certificateNumber}} and {@code /public/verify?number=}. Each takes exactly
 * its parameters; anything else is a 400 page naming it. Only what the bureau publishes is shown:
 * no credit code, no applicant account, no internal notes.
 */
@Controller
public class PublicPagesController {

  /** {@code status} values: valid today, past its validity, revoked. */
  static final Map<String, String> STATUSES = statuses();
  /** Art. 8: the grades of the annual assessment as published. */
  static final Map<String, String> GRADES = Map.of("excellent", "优秀", "qualified", "合格", "unqualified", "不合格");
  /** Why a title was revoked, with the article of the measures, as the announcement states it. */
  static final Map<String, String> REVOCATIONS = Map.of(
      "ASSESSMENT_FAILED", "年度考核不合格，经限期整改仍不合格（第八条）",
      "FALSE_MATERIALS", "提供虚假材料（第九条）",
      "VIOLATION", "违反管理规定，情节严重（第十条）");
  static final Pattern CERTIFICATE_NUMBER = Pattern.compile("SZZC-\\d{4}-\\d{3,6}");
  static final int PAGE_SIZE = 50;
  static final int MAX_PAGE = 10_000;
  private static final int ANNOUNCED = 100;

  private final CertificateRegistry registry;
  private final AssessmentResults assessments;
  private final LetterArchive letters;

  public PublicPagesController(CertificateRegistry registry, AssessmentResults assessments, LetterArchive letters) {
    this.registry = registry;
    this.assessments = assessments;
    this.letters = letters;
  }

  @GetMapping({"/public", "/public/"})
  public String home(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    return exactly(parameters, Set.of(), model, response).orElse("public/home");
  }

  @GetMapping("/public/registry")
  public String registry(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of("q", "county", "status", "page"), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String q = parameters.getOrDefault("q", "").trim();
    String county = parameters.getOrDefault("county", "");
    String status = parameters.getOrDefault("status", "");
    model.addAttribute("q", q);
    model.addAttribute("county", county);
    model.addAttribute("status", status);
    model.addAttribute("counties", counties());
    model.addAttribute("statuses", STATUSES);
    Map<String, String> errors = new LinkedHashMap<>();
    if (q.length() > 100) {
      errors.put("q", "查询文字不能超过100个字符");
    }
    if (!county.isEmpty() && !County.codes().contains(county)) {
      errors.put("county", "所在县（区）不正确，请从列表中选择");
    }
    if (!status.isEmpty() && !STATUSES.containsKey(status)) {
      errors.put("status", "状态不正确，请从列表中选择：有效、已到期或已取消");
    }
    int page;
    try {
      page = Integer.parseInt(parameters.getOrDefault("page", "1"));
    } catch (NumberFormatException notANumber) {
      page = 0;
    }
    if (page < 1 || page > MAX_PAGE) {
      errors.put("page", "页码应为1至" + MAX_PAGE + "的整数");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      model.addAttribute("entries", List.of());
      model.addAttribute("page", 1);
      model.addAttribute("pages", 1);
      return "public/registry";
    }
    LocalDate today = EngineClock.today();
    CertificateRegistry.Search search = new CertificateRegistry.Search(q, county, status, today);
    CertificateRegistry.Found found = registry.search(search, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    long total = found.total();
    List<Entry> entries = found.page().stream().map(c -> Entry.of(c, today)).toList();
    model.addAttribute("total", total);
    model.addAttribute("page", page);
    model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("entries", entries);
    return "public/registry";
  }

  @GetMapping("/public/registry/{certificateNumber}")
  public String space(@PathVariable String certificateNumber, @RequestParam Map<String, String> parameters,
      Model model, HttpServletResponse response) {
    Optional<String> refused = refusal(certificateNumber, parameters, model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    model.addAttribute("entry", Entry.of(registry.find(certificateNumber).orElseThrow(), EngineClock.today()));
    model.addAttribute("grades", assessments.of(certificateNumber).stream()
        .map(r -> new Grade(r.reportYear(), GRADES.getOrDefault(r.grade(), r.grade()), r.assessedOn())).toList());
    // the certificate PDF (letters/LettersController), for certificates issued since letters exist
    model.addAttribute("certificateFile", letters.certificate(certificateNumber).isPresent());
    return "public/space";
  }

  /**
   * The certificate's file (letters), as the space's page links it; else a public page that says why
   * not: no such certificate in the registry or no archived file (404), a void one (410).
   */
  @GetMapping("/public/registry/{certificateNumber}/certificate")
  public Object certificateFile(@PathVariable String certificateNumber, @RequestParam Map<String, String> parameters,
      Model model, HttpServletResponse response) {
    Optional<String> refused = refusal(certificateNumber, parameters, model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    Certificate certificate = registry.find(certificateNumber).orElseThrow();
    if (certificate.status() == CertificateStatus.REVOKED) {
      return certificateVoid(model, response, certificateNumber, ReadableValues.date(certificate.statusChangedOn()));
    }
    return letters.certificate(certificateNumber).<Object>map(file -> LetterDownload.of(letters, file))
        .orElseGet(() -> certificateFileNotFound(model, response, certificateNumber));
  }

  /** The page refusing a request for certificate {@code number}: an undeclared parameter (400), a number not in the registry (404). */
  private Optional<String> refusal(String number, Map<String, String> parameters, Model model,
      HttpServletResponse response) {
    return exactly(parameters, Set.of(), model, response).or(() -> registry.find(number).isPresent() ? Optional.empty()
        : Optional.of(certificateNotFound(model, response, number)));
  }

  /** 公告: the decisions the measures make public: certifications, 优秀 spaces of each year, revocations. */
  @GetMapping("/public/announcements")
  public String announcements(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of(), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    LocalDate today = EngineClock.today();
    model.addAttribute("certified", registry.latest(ANNOUNCED).stream().map(c -> Entry.of(c, today)).toList());
    Map<Integer, List<Entry>> excellent = new TreeMap<>(Comparator.reverseOrder());
    for (AssessmentResults.Result r : assessments.withGrade("excellent")) {
      registry.find(r.certificateNumber()).ifPresent(c ->
          excellent.computeIfAbsent(r.reportYear(), y -> new ArrayList<>()).add(Entry.of(c, today)));
    }
    model.addAttribute("excellent", excellent);
    model.addAttribute("revoked", registry.endedAs(CertificateStatus.REVOKED, ANNOUNCED).stream()
        .map(c -> Entry.of(c, today)).toList());
    return "public/announcements";
  }

  @GetMapping("/public/verify")
  public String verify(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of("number"), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String number = parameters.getOrDefault("number", "").trim();
    model.addAttribute("number", number);
    // the page opened has no number; 查验 pressed on an empty field sends an empty one
    boolean asked = parameters.containsKey("number");
    if (asked && number.isEmpty() || !number.isEmpty() && !CERTIFICATE_NUMBER.matcher(number).matches()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", Map.of("number", number.isEmpty() ? "请输入证书编号"
          : "证书编号格式不正确：应形如 SZZC-2026-001（“SZZC-”、年份、“-”、序号）"));
      return "public/verify";
    }
    if (!number.isEmpty()) {
      model.addAttribute("entry", registry.find(number).map(c -> Entry.of(c, EngineClock.today())).orElse(null));
      model.addAttribute("checked", true);
    }
    return "public/verify";
  }

  /** One year's published assessment grade. */
  public record Grade(int year, String label, LocalDate assessedOn) {}

  /** One certificate as the public sees it; {@code revocation} says why (with the article) when revoked. */
  public record Entry(String certificateNumber, String spaceName, String operatorName, String county,
      LocalDate certifiedOn, LocalDate validUntil, String status, String statusLabel, LocalDate endedOn,
      String revocation) {

    static Entry of(Certificate c, LocalDate today) {
      String status = switch (c.status()) {
        case REVOKED -> "revoked";
        case EXPIRED -> "expired";
        case VALID -> c.isValidOn(today) ? "valid" : "expired";
      };
      LocalDate ended = c.status() == CertificateStatus.VALID ? (c.isValidOn(today) ? null : c.validUntil())
          : c.statusChangedOn();
      String county = Objects.requireNonNullElse(County.nameOf(c.county()), c.county());
      return new Entry(c.certificateNumber(), c.spaceName(), c.operatorName(), county, c.certifiedOn(),
          c.validUntil(), status, STATUSES.get(status), ended,
          c.status() == CertificateStatus.REVOKED ? REVOCATIONS.getOrDefault(c.statusReason(), "依据《朔州市众创空间认定和管理办法》取消称号") : null);
    }
  }

  private static Map<String, String> statuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("valid", "有效");
    statuses.put("expired", "已到期");
    statuses.put("revoked", "已取消");
    return statuses;
  }

  private static Map<String, String> counties() {
    Map<String, String> counties = new LinkedHashMap<>();
    for (County county : County.values()) {
      counties.put(county.name(), county.displayName());
    }
    return counties;
  }
}
