package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
  private final TaskService tasks;

  public InboxController(Inbox inbox, IdentityService identity, TaskService tasks) {
    this.inbox = inbox;
    this.identity = identity;
    this.tasks = tasks;
  }

  /** The messages; a message's task is named only while it is open and the caller may see it (a link to it). */
  @GetMapping
  public List<Inbox.Item> list(@RequestParam Map<String, String> parameters) {
    Inputs.onlyParameters(parameters, Set.of());
    List<Inbox.Item> items = inbox.of(AccessPolicy.require(identity, Capability.READ_OWN_INBOX).userId());
    String[] named = items.stream().map(Inbox.Item::taskId).filter(Objects::nonNull).distinct().toArray(String[]::new);
    // read with the caller's authorizations: a task now someone else's, or done, is no link
    Set<String> open = named.length == 0 ? Set.of() : tasks.createTaskQuery().taskIdIn(named).list().stream()
        .map(Task::getId).collect(Collectors.toSet());
    return items.stream().map(item -> item.taskId() == null || open.contains(item.taskId()) ? item : item.withTaskId(null))
        .toList();
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
