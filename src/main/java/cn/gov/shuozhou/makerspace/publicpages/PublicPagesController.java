package cn.gov.shuozhou.makerspace.publicpages;

import cn.gov.shuozhou.makerspace.application.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.letters.LetterArchive;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final CertificateRegistry registry;
  private final PublicNotices notices;
  private final LetterArchive letters;

  public PublicPagesController(CertificateRegistry registry, PublicNotices notices, LetterArchive letters) {
    this.registry = registry;
    this.notices = notices;
    this.letters = letters;
  }

  /** 网上公示 in progress, or with {@code archive=true} those that ended. */
  @GetMapping("/public/notices")
  public String notices(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of("archive"), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String archive = parameters.getOrDefault("archive", "false");
    if (!archive.equals("true") && !archive.equals("false")) {
      return refuse(model, response, "archive", "往期公示（archive）应为 true 或 false");
    }
    boolean past = archive.equals("true");
    model.addAttribute("archive", past);
    model.addAttribute("notices", past ? notices.archive() : notices.running());
    return "public/notices";
  }

  /** One notice; while it runs, with the real-name objection form (POST /api/objections). */
  @GetMapping("/public/notices/{applicationNumber}")
  public String notice(@PathVariable String applicationNumber, @RequestParam Map<String, String> parameters,
      Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of(), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<PublicNotices.Notice> found = notices.find(applicationNumber);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("number", applicationNumber);
      return "public/not-found";
    }
    model.addAttribute("notice", found.get());
    return "public/notice";
  }

  @GetMapping({"/public", "/public/"})
  public String home(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    return exactly(parameters, Set.of(), model, response).orElse("public/home");
  }

  @GetMapping("/public/registry")
  public String registry(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of("q", "county", "status"), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String q = parameters.getOrDefault("q", "").trim();
    String county = parameters.getOrDefault("county", "");
    String status = parameters.getOrDefault("status", "");
    if (!county.isEmpty() && !County.codes().contains(county)) {
      return refuse(model, response, "county", "所在县（区）（county）不正确：" + county);
    }
    if (!status.isEmpty() && !STATUSES.containsKey(status)) {
      return refuse(model, response, "status", "状态（status）应为 valid（有效）、expired（已到期）或 revoked（已取消）");
    }
    if (q.length() > 100) {
      return refuse(model, response, "q", "查询文字（q）不能超过100个字符");
    }
    LocalDate today = EngineClock.today();
    String needle = q.toLowerCase(Locale.ROOT);
    List<Entry> entries = registry.all().stream()
        .filter(c -> needle.isEmpty() || c.spaceName().toLowerCase(Locale.ROOT).contains(needle)
            || c.operatorName().toLowerCase(Locale.ROOT).contains(needle))
        .filter(c -> county.isEmpty() || county.equals(c.county()))
        .map(c -> Entry.of(c, today))
        .filter(e -> status.isEmpty() || status.equals(e.status()))
        .toList();
    model.addAttribute("entries", entries);
    model.addAttribute("q", q);
    model.addAttribute("county", county);
    model.addAttribute("status", status);
    model.addAttribute("counties", counties());
    model.addAttribute("statuses", STATUSES);
    return "public/registry";
  }

  @GetMapping("/public/registry/{certificateNumber}")
  public String space(@PathVariable String certificateNumber, @RequestParam Map<String, String> parameters,
      Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of(), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Certificate> found = registry.find(certificateNumber);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("number", certificateNumber);
      return "public/not-found";
    }
    model.addAttribute("entry", Entry.of(found.get(), EngineClock.today()));
    // the certificate PDF (letters/LettersController), for certificates issued since letters exist
    model.addAttribute("certificateFile", letters.certificate(certificateNumber).isPresent());
    return "public/space";
  }

  @GetMapping("/public/verify")
  public String verify(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of("number"), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String number = parameters.getOrDefault("number", "").trim();
    model.addAttribute("number", number);
    if (number.length() > 64) {
      return refuse(model, response, "number", "证书编号（number）过长");
    }
    if (!number.isEmpty()) {
      model.addAttribute("entry", registry.find(number).map(c -> Entry.of(c, EngineClock.today())).orElse(null));
      model.addAttribute("checked", true);
    }
    return "public/verify";
  }

  /** One certificate as the public sees it. */
  public record Entry(String certificateNumber, String spaceName, String operatorName, String county,
      LocalDate certifiedOn, LocalDate validUntil, String status, String statusLabel, LocalDate endedOn) {

    static Entry of(Certificate c, LocalDate today) {
      String status = switch (c.status()) {
        case REVOKED -> "revoked";
        case EXPIRED -> "expired";
        case VALID -> c.isValidOn(today) ? "valid" : "expired";
      };
      LocalDate ended = c.status() == CertificateStatus.VALID ? (c.isValidOn(today) ? null : c.validUntil())
          : c.statusChangedOn();
      String county = County.codes().contains(c.county()) ? County.valueOf(c.county()).displayName() : c.county();
      return new Entry(c.certificateNumber(), c.spaceName(), c.operatorName(), county, c.certifiedOn(),
          c.validUntil(), status, STATUSES.get(status), ended);
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

  private static Optional<String> exactly(Map<String, String> parameters, Set<String> declared, Model model,
      HttpServletResponse response) {
    return parameters.keySet().stream().filter(name -> !declared.contains(name)).findFirst()
        .map(name -> refuse(model, response, name, "未知参数：" + name));
  }

  private static String refuse(Model model, HttpServletResponse response, String field, String message) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("field", field);
    model.addAttribute("message", message);
    return "public/refused";
  }
}
