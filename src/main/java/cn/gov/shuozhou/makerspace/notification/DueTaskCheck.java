package cn.gov.shuozhou.makerspace.notification;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.ESCALATION_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic check over open tasks with a due date. An applicant's task: "due soon" within
 * {@code applicant-due-soon} (7 days) and "overdue". A staff task: "due soon" within
 * {@code staff-due-soon}, 超时提醒 once overdue, and escalated to the holders of {@code RECEIVE_ESCALATIONS} (the city bureau) once due date +
 * {@code escalationWorkingDays} working days (policy of the task's case) have passed. Each reminder
 * is written once: its event key is the task and the reminder kind.
 */
@Component
public class DueTaskCheck {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final WorkingDayCalendar calendar;
  private final JdbcTemplate jdbc;
  private final Duration applicantDueSoon;
  private final Duration staffDueSoon;

  public DueTaskCheck(TaskService tasks, RuntimeService runtime, Notifications notifications,
      WorkingDayCalendar calendar, JdbcTemplate jdbc,
      @Value("${makerspace.notifications.applicant-due-soon:P7D}") Duration applicantDueSoon,
      @Value("${makerspace.notifications.staff-due-soon:P1D}") Duration staffDueSoon) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.notifications = notifications;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.applicantDueSoon = applicantDueSoon;
    this.staffDueSoon = staffDueSoon;
  }

  @Scheduled(fixedDelayString = "${makerspace.notifications.due-check-interval:PT10M}",
      initialDelayString = "${makerspace.notifications.interval:PT5S}")
  @Transactional
  public void check() {
    Date now = EngineClock.now();
    Date horizon = new Date(now.getTime() + Math.max(applicantDueSoon.toMillis(), staffDueSoon.toMillis()));
    List<Task> due = WithoutAuthorization.call(() -> tasks.createTaskQuery().active().dueBefore(horizon).list());
    for (Task task : due) {
      if (task.getAssignee() != null && isOrganisation(task.getAssignee())) {
        remindApplicant(task, now);
      } else {
        remindStaff(task, now);
      }
    }
  }

  private void remindApplicant(Task task, Date now) {
    String name = "“" + task.getName() + "”";
    if (task.getDueDate().before(now)) {
      notifications.toApplicant(task.getAssignee(), "task-overdue:" + task.getId(), "事项已逾期：" + task.getName(),
          "您的待办事项" + name + "已超过办理期限（" + day(task.getDueDate()) + "），请尽快办理。");
    } else if (task.getDueDate().getTime() - now.getTime() <= applicantDueSoon.toMillis()) {
      notifications.toApplicant(task.getAssignee(), "task-due-soon:" + task.getId(), "事项即将到期：" + task.getName(),
          "您的待办事项" + name + "将于" + day(task.getDueDate()) + "到期，请及时办理。");
    }
  }

  private void remindStaff(Task task, Date now) {
    Set<String> handlers = task.getAssignee() != null ? Set.of(task.getAssignee()) : notifications.membersOf(candidateGroups(task));
    Map<String, Object> card = WithoutAuthorization.call(
        () -> tasks.getVariables(task.getId(), List.of(SPACE_NAME, APPLICATION_NUMBER)));
    String name = "“" + task.getName() + "”" + NotifiedSteps.about(card.get(SPACE_NAME), card.get(APPLICATION_NUMBER));
    String titled = NotifiedSteps.titled(task.getName(), card.get(SPACE_NAME));
    if (!task.getDueDate().before(now)) {
      if (task.getDueDate().getTime() - now.getTime() <= staffDueSoon.toMillis()) {
        notifications.toStaff(handlers, "task-due-soon:" + task.getId(), "任务即将到期：" + titled,
            "任务" + name + "将于" + day(task.getDueDate()) + "到期，请及时办理。");
      }
      return;
    }
    notifications.toStaff(handlers, "task-overdue:" + task.getId(), "超时提醒：" + titled,
        "任务" + name + "已超过办理期限（" + day(task.getDueDate()) + "），请尽快办理。");
    Policy policy = Policy.ofValue(WithoutAuthorization.call(() -> runtime.getVariable(task.getExecutionId(), POLICY)));
    if (policy != null && calendar.due(task.getDueDate(), policy.number(ESCALATION_WORKING_DAYS)).before(now)) {
      notifications.toStaff(notifications.membersOf(Capability.RECEIVE_ESCALATIONS.groups()), "task-escalated:" + task.getId(),
          "超时督办：" + titled, "任务" + name + "自" + day(task.getDueDate()) + "到期后超过"
              + policy.number(ESCALATION_WORKING_DAYS) + "个工作日仍未办理，请督办。");
    }
  }

  private Set<String> candidateGroups(Task task) {
    return WithoutAuthorization.call(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).collect(Collectors.toSet());
  }

  private boolean isOrganisation(String userId) {
    return !jdbc.queryForList("SELECT 1 FROM ms_organisation WHERE user_id = ?", userId).isEmpty();
  }

  private static String day(Date date) {
    return ReadableValues.date(EngineClock.toLocalDate(date));
  }
}
