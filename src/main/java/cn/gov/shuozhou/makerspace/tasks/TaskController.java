package cn.gov.shuozhou.makerspace.tasks;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.tasks.DoneTasks.DoneTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task handling for staff beyond Tasklist's own buttons (Tasklist calls these from
 * {@code scripts/staff-tasks.js}): {@code GET /api/tasks/done} (已办), {@code GET
 * /api/tasks/done/{id}} (one row opened, and the notice after 完成: what the user decided and where
 * the case went), {@code POST
 * /api/tasks/{id}/transfer} (转办: {@code assignee}, {@code reason}), {@code POST
 * /api/tasks/{id}/delegate} (委派: {@code assignee}, {@code reason}), {@code POST
 * /api/tasks/{id}/resolve} (交回 a delegated task: {@code reason}) and {@code POST
 * /api/tasks/{id}/send-back} (退回: {@code reason}; {@code GET} the same address answers where the
 * task may be sent back to, {@code target}, or null); {@code GET /api/tasks/{id}/colleagues}: whom
 * the assignee may transfer or delegate it to, {@code [{id, label}]}; {@code GET /api/tasks/{id}/people}:
 * the users its history names, {@code [{id, label}]}, for Tasklist's 历史 tab; and {@code POST
 * /api/expert-panels/{applicationNumber}/experts} (加签: {@code expert}, {@code reason}), with {@code GET
 * /api/expert-panels/{applicationNumber}/candidates}: the experts not on the panel yet.
 */
@RestController
public class TaskController {

  static final String REASON = "reason";

  static final String EXPERT = "expert";

  public record Transferred(String taskId, String assignee) {}

  private final TaskCommands commands;
  private final PanelCommands panels;
  private final DoneTasks done;
  private final DoneTaskDetails details;
  private final IdentityService identity;

  public TaskController(TaskCommands commands, PanelCommands panels, DoneTasks done, DoneTaskDetails details,
      IdentityService identity) {
    this.commands = commands;
    this.panels = panels;
    this.done = done;
    this.details = details;
    this.identity = identity;
  }

  @GetMapping("/api/tasks/done")
  public List<DoneTask> done() {
    return done.of(identity.getCurrentAuthentication().getUserId());
  }

  /**
   * One row of 已办 opened: the row, the values its task wrote and where the case went (the completer
   * only); also Tasklist's notice after 完成.
   */
  @GetMapping("/api/tasks/done/{taskId}")
  public DoneTaskDetails.Detail doneTask(@PathVariable String taskId, @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return details.of(AccessPolicy.signedIn(identity), taskId);
  }

  @PostMapping(path = "/api/tasks/{taskId}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Transferred transfer(@PathVariable String taskId, @RequestBody Map<String, Object> body) {
    return reassign(body, "转办对象", "转办理由", (assignee, reason) -> commands.transfer(taskId, assignee, reason));
  }

  @PostMapping(path = "/api/tasks/{taskId}/delegate", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Transferred delegate(@PathVariable String taskId, @RequestBody Map<String, Object> body) {
    return reassign(body, "委派对象", "委派事由", (assignee, reason) -> commands.delegate(taskId, assignee, reason));
  }

  @PostMapping(path = "/api/tasks/{taskId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Transferred resolve(@PathVariable String taskId, @RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of(REASON));
    String reason = in.text(REASON, "交回说明", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    Task task = commands.handBack(taskId, reason);
    return new Transferred(task.getId(), task.getAssignee());
  }

  @GetMapping("/api/tasks/{taskId}/colleagues")
  public List<Person> colleagues(@PathVariable String taskId, @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return commands.colleagues(taskId);
  }

  @GetMapping("/api/tasks/{taskId}/people")
  public List<Person> people(@PathVariable String taskId, @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return commands.people(taskId);
  }

  @GetMapping("/api/tasks/{taskId}/send-back")
  public Map<String, String> sendBackTarget(@PathVariable String taskId, @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    Map<String, String> answer = new HashMap<>();
    answer.put("target", commands.sendBackTarget(taskId).orElse(null));
    return answer;
  }

  @PostMapping(path = "/api/tasks/{taskId}/send-back", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, String> sendBack(@PathVariable String taskId, @RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of(REASON));
    String reason = in.text(REASON, "退回理由", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    commands.sendBack(taskId, reason);
    return Map.of("taskId", taskId);
  }

  @GetMapping("/api/expert-panels/{applicationNumber}/candidates")
  public List<Person> panelCandidates(@PathVariable String applicationNumber,
      @RequestParam Map<String, String> parameters) {
    Inputs.of(new HashMap<>(parameters)).only(List.of()).throwIfInvalid();
    return panels.candidates(applicationNumber);
  }

  @PostMapping(path = "/api/expert-panels/{applicationNumber}/experts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Transferred addExpert(@PathVariable String applicationNumber, @RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of(EXPERT, REASON));
    String expert = in.text(EXPERT, "增补专家", true, Inputs.MAX_NAME);
    String reason = in.text(REASON, "加签理由", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    Task review = panels.addExpert(applicationNumber, expert, reason);
    return new Transferred(review.getId(), review.getAssignee());
  }

  /** Transfer and delegation: exactly an assignee and a reason, both required, for {@code command}. */
  private static Transferred reassign(Map<String, Object> body, String assigneeLabel, String reasonLabel,
      BiFunction<String, String, Task> command) {
    Inputs in = Inputs.of(body).only(List.of(TaskCommands.ASSIGNEE, REASON));
    String assignee = in.text(TaskCommands.ASSIGNEE, assigneeLabel, true, Inputs.MAX_NAME);
    String reason = in.text(REASON, reasonLabel, true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    Task task = command.apply(assignee, reason);
    return new Transferred(task.getId(), task.getAssignee());
  }
}
