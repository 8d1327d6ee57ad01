package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.mail.DemoMailbox;
import cn.gov.shuozhou.makerspace.mail.Mailer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/pages}: which of our own pages the signed-in caller may use, by their addresses, so
 * that the welcome page links only those (app/welcome/scripts/own-pages.js); each page checks again.
 * 工作日历 is for everyone signed in; 演示邮箱 exists in the demo profile only.
 */
@RestController
public class OwnPagesController {

  private final IdentityService identity;
  private final Mailer mailer;

  public OwnPagesController(IdentityService identity, Mailer mailer) {
    this.identity = identity;
    this.mailer = mailer;
  }

  @GetMapping("/api/my/pages")
  public Map<String, Boolean> pages(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.signedIn(identity);
    Inputs.onlyParameters(parameters, Set.of());
    Map<String, Boolean> pages = new LinkedHashMap<>();
    pages.put("/rules/", caller.may(Capability.READ_RULES));
    pages.put("/calendar/", true);
    pages.put("/statistics/", caller.may(Capability.READ_STATISTICS));
    pages.put("/accounts/", caller.may(Capability.READ_ORGANISATION_ACCOUNTS));
    pages.put("/mailbox/", caller.may(Capability.READ_DEMO_MAILBOX) && mailer instanceof DemoMailbox);
    return pages;
  }
}
