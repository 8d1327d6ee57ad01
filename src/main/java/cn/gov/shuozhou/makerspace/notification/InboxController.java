package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own inbox: {@code GET /api/my/inbox} (newest first) and
 * {@code POST /api/my/inbox/{id}/read}. Neither takes parameters; a message of another user is
 * answered like a missing one (404), so that ids reveal nothing.
 */
@RestController
@RequestMapping("/api/my/inbox")
public class InboxController {

  private final Inbox inbox;
  private final IdentityService identity;

  public InboxController(Inbox inbox, IdentityService identity) {
    this.inbox = inbox;
    this.identity = identity;
  }

  @GetMapping
  public List<Inbox.Item> list(@RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of());
    return inbox.of(AccessPolicy.require(identity, Capability.READ_OWN_INBOX).userId());
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@PathVariable String id, @RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of());
    Caller caller = AccessPolicy.require(identity, Capability.READ_OWN_INBOX);
    if (!inbox.markRead(caller.userId(), id)) {
      throw new ApiRefusal(ProblemType.NOT_FOUND, "没有这条消息");
    }
    return ResponseEntity.noContent().build();
  }

}
