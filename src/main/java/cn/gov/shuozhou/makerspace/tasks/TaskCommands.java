package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.MESSAGE_SENT_BACK;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SENT_BACK_BY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SENT_BACK_REASON;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_BUREAU_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How staff hand on a task: 转办 (to a colleague of the task's candidate group), 委派 (to such a
 * colleague, who hands it back to its owner when done: the owner completes it) and 退回 (one step
 * back where the measures allow it). Only the task's assignee or the city bureau may transfer or
 * send back; only the assignee delegates, only the delegate hands back. The
 * command decides that itself and then acts for the process (the engine's own grants would let a
 * candidate claim but not reassign or correlate); the user stays authenticated, so the operation log
 * names them, and the reason is a comment on the task: history keeps who, when and why.
 */
@Service
public class TaskCommands {

  /** Where each task may be sent back to, as the comment names it. */
  static final Map<String, String> SEND_BACK_TARGETS = Map.of(
      TASK_INSPECTION, "初审",
      TASK_BUREAU_DECISION, "专家评审");

  static final String ASSIGNEE = "assignee";
  /** How the comment on a sent-back task begins (已办 finds the task by it). */
  static final String SENT_BACK_NOTE = "退回";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public TaskCommands(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * Holds the task's row until this command commits. Two commands on one task at once (a double click
   * on 转办) would otherwise both see it as it was: the second, its engine calls each a command of their
   * own, would find the task already handed over, set the same assignee again and answer 200 with a
   * second comment. Locked, the second reads the task as the first left it (not its own any more: 403).
   */
  private void lock(String taskId) {
    jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE", String.class, taskId);
  }

  /** 转办: {@code colleague} becomes the assignee; answers the task as it is now. */
  @Transactional
  public Task transfer(String taskId, String colleague, String reason) {
    lock(taskId);
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    Task task = handledBy(user, taskId);
    checkColleague(task, colleague, "转办");
    TaskService tasks = engine.getTaskService();
    asProcess(() -> tasks.createComment(task.getId(), task.getProcessInstanceId(), "转办给 " + colleague + "：" + reason));
    asProcess(() -> {
      tasks.setAssignee(task.getId(), colleague);
      return null;
    });
    return asProcess(() -> tasks.createTaskQuery().taskId(task.getId()).singleResult());
  }

  /** 委派: {@code colleague} works on the task for its assignee, who becomes its owner and gets it back. */
  @Transactional
  public Task delegate(String taskId, String colleague, String reason) {
    lock(taskId);
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    Task task = found(taskId);
    if (user == null || !user.getUserId().equals(task.getAssignee())) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, "无权委派此任务：只有任务的办理人（请先认领）可以委派");
    }
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw new InvalidInputException(ASSIGNEE, "此任务已是委派给您的任务，请办完后交回，不能再委派");
    }
    checkColleague(task, colleague, "委派");
    TaskService tasks = engine.getTaskService();
    asProcess(() -> tasks.createComment(task.getId(), task.getProcessInstanceId(), "委派给 " + colleague + "：" + reason));
    asProcess(() -> {
      tasks.delegateTask(task.getId(), colleague);
      return null;
    });
    return asProcess(() -> tasks.createTaskQuery().taskId(task.getId()).singleResult());
  }

  /** 交回: the delegate hands the task back to its owner (no form data: the owner completes it). */
  @Transactional
  public Task handBack(String taskId, String reason) {
    lock(taskId);
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    Task task = found(taskId);
    if (task.getDelegationState() != DelegationState.PENDING) {
      throw new InvalidInputException("taskId", "任务“" + task.getName() + "”没有被委派，无需交回");
    }
    if (user == null || !user.getUserId().equals(task.getAssignee())) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, "无权交回此任务：只有受委派的办理人 " + task.getAssignee() + " 可以交回");
    }
    TaskService tasks = engine.getTaskService();
    asProcess(() -> tasks.createComment(task.getId(), task.getProcessInstanceId(),
        "交回 " + task.getOwner() + "：" + reason));
    asProcess(() -> {
      tasks.resolveTask(task.getId());
      return null;
    });
    return asProcess(() -> tasks.createTaskQuery().taskId(task.getId()).singleResult());
  }

  /**
   * The members of the task's candidate groups but its assignee, by id: whom the assignee (or the city
   * bureau) may transfer or delegate it to, named as people know them.
   */
  public List<Person> colleagues(String taskId) {
    Task task = handledBy(engine.getIdentityService().getCurrentAuthentication(), taskId);
    List<String> groups = asProcess(() -> candidateGroups(task.getId()));
    Map<String, Person> members = new TreeMap<>();
    for (String group : groups) {
      asProcess(() -> engine.getIdentityService().createUserQuery().memberOfGroup(group).list()).stream()
          .filter(user -> !user.getId().equals(task.getAssignee()))
          .forEach(user -> members.put(user.getId(), new Person(user.getId(), UserNames.withId(user))));
    }
    return List.copyOf(members.values());
  }

  /**
   * The people of the task's history as Tasklist's 历史 tab shows it (who acted, to whom it was assigned
   * or delegated, who commented), named, so that the tab reads 朔城区审核员一 instead of an id. A task
   * the caller cannot see (the caller's own view of the tasks): 404; an organisation account: 403.
   */
  public List<Person> people(String taskId) {
    // staff only: an organisation account is never told who in a department worked on its case
    AccessPolicy.require(engine.getIdentityService(), Capability.WORK_ON_TASKS);
    if (engine.getTaskService().createTaskQuery().taskId(taskId).singleResult() == null) {
      throw new ApiRefusal(ProblemType.TASK_NOT_FOUND, "任务不存在或已办结：" + taskId);
    }
    Set<String> ids = UserNames.actors(
        asProcess(() -> engine.getHistoryService().createUserOperationLogQuery().taskId(taskId).list()),
        asProcess(() -> engine.getTaskService().getTaskComments(taskId)));
    return asProcess(() -> UserNames.named(engine.getIdentityService(), ids));
  }

  /**
   * Where the task may be sent back to (退回), as people name the step; empty for a task that may not
   * be sent back or that the user cannot see (the user's own view of the tasks, not the process's).
   */
  public Optional<String> sendBackTarget(String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    return Optional.ofNullable(task).map(t -> SEND_BACK_TARGETS.get(t.getTaskDefinitionKey()));
  }

  /** 退回: ends the task and opens the previous step again, with the reason on both tasks. */
  @Transactional
  public void sendBack(String taskId, String reason) {
    lock(taskId);
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    Task task = handledBy(user, taskId);
    String target = SEND_BACK_TARGETS.get(task.getTaskDefinitionKey());
    if (target == null) {
      throw new InvalidInputException("taskId",
          "“" + task.getName() + "”不能退回：只有实地考察可退回初审、局务会研究决定可退回专家评审");
    }
    TaskService tasks = engine.getTaskService();
    asProcess(() -> tasks.createComment(task.getId(), task.getProcessInstanceId(), SENT_BACK_NOTE + target + "：" + reason));
    try {
      asProcess(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_SENT_BACK)
          .processInstanceId(task.getProcessInstanceId())
          .setVariable(SENT_BACK_REASON, reason)
          .setVariable(SENT_BACK_BY, user.getUserId())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException olderModel) {
      throw new ApiRefusal(ProblemType.CONFLICT, "此案件按旧版流程办理，不能退回");
    }
    // each engine call is its own command, flushed into this one transaction: the query sees the new task
    for (Task reopened : asProcess(() -> tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list())) {
      asProcess(() -> tasks.createComment(reopened.getId(), reopened.getProcessInstanceId(),
          "由“" + task.getName() + "”退回（" + user.getUserId() + "）：" + reason));
    }
  }

  /** The task, if the user is its assignee or belongs to the city bureau: else 404 or 403. */
  private Task handledBy(Authentication user, String taskId) {
    Task task = found(taskId);
    if (user == null || !user.getUserId().equals(task.getAssignee())
        && !AccessPolicy.allows(user, Capability.HANDLE_OTHERS_TASKS)) {
      throw new ApiRefusal(ProblemType.FORBIDDEN,
          "无权处理此任务：只有任务的办理人（请先认领）或市科技局可以转办、退回");
    }
    return task;
  }

  /** The open task, else 404. */
  private Task found(String taskId) {
    Task task = asProcess(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new ApiRefusal(ProblemType.TASK_NOT_FOUND, "任务不存在或已办结：" + taskId);
    }
    return task;
  }

  /** A task is handed on ({@code how}: 转办, 委派) only to another member of its candidate groups. */
  private void checkColleague(Task task, String colleague, String how) {
    List<String> groups = asProcess(() -> candidateGroups(task.getId()));
    if (groups.isEmpty()) {
      throw new InvalidInputException(ASSIGNEE, "此任务只由指定的办理人办理，不能" + how);
    }
    if (colleague.equals(task.getAssignee())) {
      throw new InvalidInputException(ASSIGNEE, "此任务已由 " + colleague + " 办理，请选择其他同事");
    }
    if (groups.stream().noneMatch(group -> isMember(colleague, group))) {
      String names = asProcess(() -> engine.getIdentityService().createGroupQuery()
          .groupIdIn(groups.toArray(String[]::new)).orderByGroupId().asc().list()).stream()
          .map(Group::getName).collect(Collectors.joining("、"));
      throw new InvalidInputException(ASSIGNEE, how + "对象（assignee）须是本任务候选组（" + names + "）的成员");
    }
  }

  private List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }

  private <T> T asProcess(Supplier<T> work) {
    return WithoutAuthorization.call(engine, work);
  }

  private boolean isMember(String userId, String groupId) {
    return asProcess(() -> engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }
}
