package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.exactly;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.noticeNotFound;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.receiptNotFound;
import static cn.gov.shuozhou.makerspace.publicpages.PageParameters.refuse;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.materials.MultipartFiles;
import cn.gov.shuozhou.makerspace.materials.ObjectionEvidence;
import cn.gov.shuozhou.makerspace.materials.ReceivedFile;
import cn.gov.shuozhou.makerspace.publicnotice.ObjectionDoor;
import cn.gov.shuozhou.makerspace.publicnotice.Objections;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public pages of 网上公示 (Art. 5(3), contract "Additions"), server-rendered, no login:
 * {@code /public/notices} (running, or {@code archive=true}), {@code /public/notices/{applicationNumber}}
 * with its real-name objection form, and {@code /public/objections/status}, where an objector looks
 * up the handling of their objection. Each takes exactly its parameters, as the other public pages.
 */
@Controller
public class NoticePagesController {

  static final String ACKNOWLEDGEMENT = "acknowledgementNumber";
  /** Where the objector's receipt pages are; not kept by any cache ({@link PublicCaching}). */
  static final String RECEIPTS = "/public/objections/receipts/";
  static final Set<String> OBJECTION_FIELDS =
      Set.of(ObjectionDoor.NAME, ObjectionDoor.ID_NUMBER, ObjectionDoor.PHONE, ObjectionDoor.REASONS);

  private final PublicNotices notices;
  private final ObjectionDoor door;
  private final ObjectionEvidence evidence;

  public NoticePagesController(PublicNotices notices, ObjectionDoor door, ObjectionEvidence evidence) {
    this.notices = notices;
    this.door = door;
    this.evidence = evidence;
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
      return refuse(model, response, "archive", "往期公示的地址不正确，请从网上公示页的链接进入");
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
    return showNotice(applicationNumber, model, response).orElse("public/notice");
  }

  /**
   * The notice page's own objection form, which works without JavaScript (multipart, with evidence
   * files): the same door as {@code POST /api/objections}; refusals are shown at their fields and
   * nothing is filed.
   */
  @PostMapping(path = "/public/notices/{applicationNumber}/objection",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  public String object(@PathVariable String applicationNumber, Model model, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    Optional<String> missing = showNotice(applicationNumber, model, response);
    if (missing.isPresent()) {
      return missing.get();
    }
    try {
      // the files first: an oversized body is refused before anything of it is read
      List<ReceivedFile> files = MultipartFiles.isMultipart(request) ? evidence.received(request) : List.of();
      Map<String, String> parameters = new LinkedHashMap<>();
      request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
      Optional<String> refused = exactly(parameters, OBJECTION_FIELDS, model, response);
      if (refused.isPresent()) {
        return refused.get();
      }
      model.addAttribute("form", parameters);
      Map<String, Object> body = new LinkedHashMap<>(parameters);
      body.put(ObjectionDoor.APPLICATION_NUMBER, applicationNumber);
      Objections.Filed filed = door.file(body, files, request.getRemoteAddr());
      // Post/Redirect/Get: the receipt survives a reload or a bookmark, and a reload files nothing again
      request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
      return "redirect:" + RECEIPTS + door.receiptKey(filed.acknowledgementNumber());
    } catch (InvalidInputException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors = new LinkedHashMap<>();
      // the door names the field for API clients, "（idNumber）": a citizen reads the message at its field
      invalid.getErrors().forEach(e -> errors.merge(e.field(), e.message().replace("（" + e.field() + "）", ""),
          (first, next) -> first + "；" + next));
      model.addAttribute("errors", errors);
    } catch (ApiRefusal refusal) {
      response.setStatus(refusal.type().status().value());
      model.addAttribute("refusal", refusal.getMessage());
    }
    return "public/notice";
  }

  /** The form's address read (reloaded, bookmarked, shared): the notice with its form. */
  @GetMapping("/public/notices/{applicationNumber}/objection")
  public String objectionAddress(@PathVariable String applicationNumber, @RequestParam Map<String, String> parameters,
      Model model, HttpServletResponse response) {
    return exactly(parameters, Set.of(), model, response)
        .orElse("redirect:" + UriComponentsBuilder.fromPath("/public/notices/{n}").buildAndExpand(applicationNumber).encode());
  }

  /**
   * The receipt after the notice page's form: the acknowledgement number, the notice and when it was
   * received, nothing of the objector; its address holds a random key, not the number.
   */
  @GetMapping(RECEIPTS + "{receiptKey}")
  public String receipt(@PathVariable String receiptKey, @RequestParam Map<String, String> parameters, Model model,
      HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of(), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Objections.Receipt> receipt = receiptKey.matches("[A-Za-z0-9_-]{43}") ? door.receipt(receiptKey) : Optional.empty();
    if (receipt.isEmpty()) {
      return receiptNotFound(model, response);
    }
    model.addAttribute("receipt", receipt.get());
    model.addAttribute("acknowledged", ObjectionDoor.acknowledgement(new Objections.Filed(receipt.get().acknowledgementNumber(), false)));
    model.addAttribute("notice", notices.find(receipt.get().applicationNumber()).orElse(null));
    return "public/objection-receipt";
  }

  /** The objector looks up the handling of their objection: the form. */
  @GetMapping("/public/objections/status")
  public String objectionStatusForm(@RequestParam Map<String, String> parameters, Model model,
      HttpServletResponse response) {
    return exactly(parameters, Set.of(), model, response).orElse("public/objection-status");
  }

  /**
   * The lookup itself, posted so that the phone stays out of addresses and logs. A wrong number and
   * a wrong phone get the same answer, so the page tells nothing about objections of others.
   */
  @PostMapping(path = "/public/objections/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public String objectionStatus(@RequestParam Map<String, String> parameters, Model model,
      HttpServletResponse response) {
    Optional<String> refused = exactly(parameters, Set.of(ACKNOWLEDGEMENT, ObjectionDoor.PHONE), model, response);
    if (refused.isPresent()) {
      return refused.get();
    }
    String number = parameters.getOrDefault(ACKNOWLEDGEMENT, "").trim();
    String phone = parameters.getOrDefault(ObjectionDoor.PHONE, "").trim();
    model.addAttribute("number", number);
    model.addAttribute("phone", phone); // the page answers the post, so the phone stays out of addresses still
    Map<String, String> errors = new LinkedHashMap<>();
    if (number.isEmpty()) {
      errors.put(ACKNOWLEDGEMENT, "请输入受理编号");
    } else if (!number.matches("YY-\\d{4}-\\d{6}")) {
      errors.put(ACKNOWLEDGEMENT, "受理编号格式不正确：应形如 YY-2026-000001");
    }
    if (phone.isEmpty()) {
      errors.put(ObjectionDoor.PHONE, "请输入手机号码");
    } else if (!phone.matches(ObjectionDoor.MOBILE)) {
      errors.put(ObjectionDoor.PHONE, "手机号码应为提交异议时填写的11位手机号码");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      return "public/objection-status";
    }
    Optional<Objections.Status> status = door.status(number, phone);
    if (status.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("notFound", true);
    } else {
      model.addAttribute("status", status.get());
      // the space's name as its notice publishes it: an objector knows the space, not the application number
      model.addAttribute("notice", notices.find(status.get().applicationNumber()).orElse(null));
    }
    return "public/objection-status";
  }

  /** Puts the notice of {@code applicationNumber} on the page with the evidence limits; else the 404 page. */
  private Optional<String> showNotice(String applicationNumber, Model model, HttpServletResponse response) {
    Optional<PublicNotices.Notice> found = notices.find(applicationNumber);
    if (found.isEmpty()) {
      return Optional.of(noticeNotFound(model, response, applicationNumber));
    }
    model.addAttribute("notice", found.get());
    model.addAttribute("evidenceLimits", evidence.limits());
    return Optional.empty();
  }
}
