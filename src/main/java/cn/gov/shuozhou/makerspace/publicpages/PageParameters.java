package cn.gov.shuozhou.makerspace.publicpages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.ui.Model;

/** How a public page refuses what it cannot show: a 400 page naming the field, or a 404 (410) page naming the number. */
final class PageParameters {

  private PageParameters() {}

  /** The refusal page when {@code parameters} holds a name not {@code declared}; empty when all are. */
  static Optional<String> exactly(Map<String, String> parameters, Set<String> declared, Model model,
      HttpServletResponse response) {
    return parameters.keySet().stream().filter(name -> !declared.contains(name)).findFirst()
        .map(name -> refuse(model, response, name, "未知参数：" + name));
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
