package cn.gov.shuozhou.makerspace.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's tasks on the portal, so that it never needs Tasklist: {@code GET
 * /api/my/tasks/{taskId}} answers the task's form definition and the values it shows; {@code POST
 * /api/my/tasks/{taskId}} completes it with a JSON object of exactly the form's writable fields
 * ({@link MyTasks}). Only the organisation account the task is assigned to; any other task 404.
 */
@RestController
@RequestMapping("/api/my/tasks")
public class MyTasksController {

  private final MyTasks tasks;
  private final Applicant.Current applicant;

  MyTasksController(MyTasks tasks, Applicant.Current applicant) {
    this.tasks = tasks;
    this.applicant = applicant;
  }

  @GetMapping("/{taskId}")
  public MyTasks.TaskForm form(@PathVariable String taskId, @RequestParam Map<String, String> parameters) {
    return tasks.form(taskId, applicant.of(parameters).userId());
  }

  @PostMapping("/{taskId}")
  public Map<String, Object> complete(@PathVariable String taskId, @RequestBody Map<String, Object> fields,
      @RequestParam Map<String, String> parameters) {
    tasks.complete(taskId, applicant.of(parameters).userId(), fields);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("taskId", taskId);
    answer.put("message", "已提交");
    return answer;
  }
}
