package cn.gov.shuozhou.makerspace.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the public pages' frame ({@code templates/public/fragments.html}) needs of the request: the
 * path, so that its menu marks the page the reader is on ({@code aria-current}). Thymeleaf 3.1
 * offers templates no request object.
 */
@ControllerAdvice(basePackageClasses = PublicFrame.class)
class PublicFrame {

  @ModelAttribute("publicPath")
  String publicPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
