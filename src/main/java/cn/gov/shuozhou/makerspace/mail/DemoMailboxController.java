package cn.gov.shuozhou.makerspace.mail;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/mailbox}: the newest mails of the demo profile's mailbox, for the system
 * administrator only (they hold verification codes). 404 wherever mail goes to a real server.
 */
@RestController
public class DemoMailboxController {

  private static final int SHOWN = 100;

  private final Mailer mailer;
  private final IdentityService identity;

  public DemoMailboxController(Mailer mailer, IdentityService identity) {
    this.mailer = mailer;
    this.identity = identity;
  }

  @GetMapping("/api/mailbox")
  public List<DemoMailbox.Mail> mails() {
    AccessPolicy.require(identity, Capability.READ_DEMO_MAILBOX);
    if (!(mailer instanceof DemoMailbox mailbox)) {
      throw new ApiRefusal(ProblemType.NOT_FOUND, "未启用演示邮箱：邮件经邮件服务器发送");
    }
    return mailbox.latest(SHOWN);
  }
}
