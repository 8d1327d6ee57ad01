package cn.gov.shuozhou.makerspace.publicpages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.ui.Model;

/** How a public page refuses what it cannot show: a 400 page naming the field, or a 404 page naming the number. */
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

  /** No certificate or notice of {@code number}. */
  static String notFound(Model model, HttpServletResponse response, String number) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("number", number);
    return "public/not-found";
  }
}
