package cn.gov.shuozhou.makerspace.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** How a public page refuses what it cannot show: a 400 page naming the field, or a 404 (410) page naming the number. */
final class PageParameters {

  private PageParameters() {}

  /**
   * What messengers and share buttons append to a link they pass on (微信: {@code from},
   * {@code isappinstalled}; campaign tags {@code utm_*}): a citizen following a shared link is led to
   * the page without them, not refused.
   */
  static final Set<String> SHARING = Set.of("from", "isappinstalled", "utm_source", "utm_medium", "utm_campaign",
      "utm_term", "utm_content");

  /**
   * The refusal page when {@code parameters} holds a name not {@code declared}; empty when all are. A
   * page read (GET) whose only extra names are {@link #SHARING}'s is redirected to its own address without them.
   */
  static Optional<String> exactly(Map<String, String> parameters, Set<String> declared, Model model,
      HttpServletResponse response) {
    Set<String> undeclared = parameters.keySet().stream().filter(name -> !declared.contains(name))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (undeclared.isEmpty()) {
      return Optional.empty();
    }
    HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    if (SHARING.containsAll(undeclared) && "GET".equals(request.getMethod())) {
      UriComponentsBuilder page = ServletUriComponentsBuilder.fromRequest(request);
      undeclared.forEach(name -> page.replaceQueryParam(name));
      UriComponents shared = page.build(true);
      // redirect: is relative to the application, whose path the request's has before it
      String path = shared.getPath().substring(request.getContextPath().length());
      return Optional.of("redirect:" + path + (shared.getQuery() == null ? "" : "?" + shared.getQuery()));
    }
    String name = undeclared.iterator().next();
    return Optional.of(refuse(model, response, name, "未知参数：" + name));
  }

  static String refuse(Model model, HttpServletResponse response, String field, String message) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("field", field);
    model.addAttribute("message", message);
    return "public/refused";
  }

  /** No certificate of {@code number} in the registry. */
  static String certificateNotFound(Model model, HttpServletResponse response, String number) {
    return notFound(model, response, "未查到证书", "名录中没有证书编号", number, "/public/registry", "返回名录");
  }

  /** No notice, running or ended, of application {@code number}. */
  static String noticeNotFound(Model model, HttpServletResponse response, String number) {
    return notFound(model, response, "未查到公示", "网上公示中没有申请编号", number, "/public/notices", "返回网上公示");
  }

  /** No objection receipt at this address (mistyped or cut short); the number is not in the address. */
  static String receiptNotFound(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("title", "未查到异议回执");
    model.addAttribute("text", "该回执地址不完整或有误。已提交异议的，可凭受理编号和手机号码查询办理结果");
    model.addAttribute("back", "/public/objections/status");
    model.addAttribute("backText", "查询异议办理结果");
    return "public/not-found";
  }

  /** A certificate in the registry whose file is not archived (issued before the letters were). */
  static String certificateFileNotFound(Model model, HttpServletResponse response, String number) {
    return notFound(model, response, "未查到证书文件", "证书文件库中没有证书编号", number,
        "/public/registry/" + number, "查看该空间的名录信息");
  }

  /** The certificate of a revoked title is void: its status, not a document that looks valid (410). */
  static String certificateVoid(Model model, HttpServletResponse response, String number, String revokedOn) {
    String page = notFound(model, response, "证书已作废", "该证书已于" + revokedOn + "随称号取消而作废，不再提供下载；"
        + "其状态见名录中的证书编号", number, "/public/registry/" + number, "查看该空间的名录信息");
    response.setStatus(HttpServletResponse.SC_GONE);
    return page;
  }

  private static String notFound(Model model, HttpServletResponse response, String title, String text, String number,
      String back, String backText) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    model.addAttribute("number", number);
    model.addAttribute("back", back);
    model.addAttribute("backText", backText);
    return "public/not-found";
  }
}
