package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.common.ParseListeners;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICANT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RETURN_REASON;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The one list of which step notifies whom (docs/notifications.md). Engine listeners added to every
 * model at parse time write the notifications in the step's transaction: the applicant hears of each
 * step in {@link #APPLICANT_STEPS} (when the activity starts), of each staff task in {@link
 * #APPLICANT_RESULTS} (when it is completed) and of each of their own tasks in {@link
 * #APPLICANT_TASKS} (when it is created); staff hear of every other new task (the assignee,
 * else the candidate groups' members). Reminders of due and overdue tasks: {@link DueTaskCheck}.
 */
@Component
public class NotifiedSteps extends AbstractProcessEnginePlugin {

  /** What the applicant is told. {@code once}: the event key is the instance, not the activity run. */
  record Notice(String event, String subject, String text, boolean once) {}

  /** Activities (of all models, by id) whose start concerns the applicant. */
  static final Map<String, Notice> APPLICANT_STEPS = Map.ofEntries(
      Map.entry("notAccepted", new Notice("decision", "不予受理通知", "您的认定申请不予受理。", true)),
      Map.entry("lapsed", new Notice("decision", "申请失效通知", "补正期限届满未补正，您的认定申请已失效。", true)),
      Map.entry("rejectedAtFirstReview", rejected()),
      Map.entry("rejectedAtInspection", rejected()),
      Map.entry("rejectedForFalseMaterials", rejected()),
      Map.entry("rejectedByExperts", rejected()),
      Map.entry("rejectedByBureau", rejected()),
      Map.entry("rejectedAfterObjection", rejected()),
      Map.entry("certified", new Notice("decision", "认定通知", "您的空间已被认定为市级众创空间，证书可在“我的申请”中查看。", true)),
      Map.entry("recordReportReminder", new Notice("report-due", "年度报告即将截止",
          "本年度工作报告即将截止报送，请尽快提交。", false)),
      Map.entry("markReportLate", new Notice("report-overdue", "年度报告已逾期", "本年度工作报告已超过报送截止日期，请立即报送。", false)),
      Map.entry("orderRectification", new Notice("rectification", "整改通知", "您的空间被责令限期整改，请在期限内完成整改。", false)),
      Map.entry("noticeSanction", new Notice("sanction-notice", "处理决定告知书",
          "市科技局拟对您的空间作出处理决定，您可在期限内陈述申辩。", false)),
      Map.entry("recordSanction", new Notice("sanction", "处理决定通知", "市科技局已对您的空间作出处理决定。", false)),
      // the leaders did not approve what the 告知书 announced: the operator learns that it is dropped
      Map.entry("sanctionNotApproved", notApproved()),
      Map.entry("falseMaterialsNotApproved", notApproved()),
      Map.entry("rectificationRevocationNotApproved", notApproved()),
      Map.entry("revoke", new Notice("revoked", "取消称号决定", "您的空间的市级众创空间称号已被取消。", false)),
      Map.entry("expire", new Notice("expired", "称号到期通知", "您的空间的市级众创空间认定有效期已届满。", false)));

  /** The events of one report year: their subjects start with 年度 and are prefixed with the year. */
  private static final Set<String> YEARLY = Set.of("report-window", "report-due", "report-overdue", "assessment");

  /** Staff tasks (by id) whose completion concerns the applicant: the annual assessment and the reward. */
  static final Map<String, Notice> APPLICANT_RESULTS = Map.of(
      "annualAssessment", new Notice("assessment", "年度考核结果", "本年度考核结果已确定，考核结果通知书可在“我的申请”中查看。", false),
      "grantReward", new Notice("reward", "优秀奖励通知", "您的空间年度考核优秀，市科技局已决定给予奖励。", false));

  /** Tasks of the applicant (assignee = the organisation account) and what their creation tells. */
  static final Map<String, Notice> APPLICANT_TASKS = Map.of(
      "firstReview", new Notice("accepted", "申请已受理", "您的认定申请已受理，进入初审。", true),
      "supplementApplication", new Notice("supplement", "补正通知", "您的认定申请需要补正材料，请在期限内补正。", false),
      "submitAnnualReport", new Notice("report-window", "年度报告开始报送", "本年度工作报告已开始报送，请按期提交。", false),
      "rectify", new Notice("rectify", "限期整改任务", "请在整改期限内提交整改情况。", false),
      "submitStatement", new Notice("statement", "陈述申辩", "您可在期限内提交陈述申辩意见。", false),
      "acknowledgeRenewalReminder", new Notice("renewal", "有效期届满提醒", "您的空间认定有效期即将届满，可申请重新认定。", false));

  private final Notifications notifications;

  public NotifiedSteps(@Lazy Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NotifiedSteps.this::taskCreated);
        }
        step(activity);
        Notice result = APPLICANT_RESULTS.get(activity.getId());
        if (result != null) {
          // completed, not ended by a cancellation (a revocation or the end of validity meanwhile)
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            if (!execution.isCanceled()) {
              toApplicant(execution, result, key(result, execution.getProcessInstanceId(), execution.getActivityInstanceId()));
            }
          });
        }
      }

      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        step(activity);
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        step(activity);
      }
    });
  }

  private void step(ActivityImpl activity) {
    Notice notice = APPLICANT_STEPS.get(activity.getId());
    if (notice != null) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener)
          execution -> toApplicant(execution, notice, key(notice, execution.getProcessInstanceId(), execution.getActivityInstanceId())));
    }
  }

  private void taskCreated(DelegateTask task) {
    Notice notice = APPLICANT_TASKS.get(task.getTaskDefinitionKey());
    String applicant = (String) task.getVariable(APPLICANT);
    if (notice != null && (notice.once() || applicant != null && applicant.equals(task.getAssignee()))) {
      toApplicant(task, notice, key(notice, task.getProcessInstanceId(), task.getId()));
    }
    if (applicant != null && applicant.equals(task.getAssignee())) {
      return;
    }
    Set<String> staff = task.getAssignee() != null ? Set.of(task.getAssignee())
        : notifications.membersOf(task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId()).collect(Collectors.toSet()));
    notifications.toStaff(staff, "task:" + task.getId(), "新任务：" + titled(task.getName(), task.getVariable(SPACE_NAME)),
        "您（或您所在的组）有一项新的待办任务“" + task.getName() + "”" + about(task) + "，请在任务列表中办理。");
  }

  private void toApplicant(VariableScope scope, Notice notice, String eventKey) {
    String text = notice.text() + about(scope);
    Object reason = scope.getVariable(RETURN_REASON);
    if ("supplement".equals(notice.event()) && reason != null) {
      text += "补正事项：" + reason;
    }
    String subject = notice.subject();
    Object reportYear = scope.getVariable(SupervisionProcess.REPORT_YEAR);
    if (reportYear != null && YEARLY.contains(notice.event())) {
      // one report and assessment a year: the inbox says which year's it is about (2027年度报告开始报送)
      subject = reportYear + subject;
      text = text.replace("本年度", reportYear + "年度");
    }
    Object amount = scope.getVariable(SupervisionProcess.REWARD_AMOUNT);
    if ("reward".equals(notice.event()) && amount instanceof Number number && number.doubleValue() > 0) {
      text += "奖励金额：" + ReadableValues.amount(number.doubleValue()) + "。";
    }
    notifications.toApplicant((String) scope.getVariable(APPLICANT), eventKey, subject, text);
  }

  private static String key(Notice notice, String processInstanceId, String runId) {
    return notice.event() + ":" + processInstanceId + (notice.once() ? "" : ":" + runId);
  }

  /** "（空间：…，申请编号：…）" as far as the case has them. */
  static String about(VariableScope scope) {
    return about(scope.getVariable(SPACE_NAME), scope.getVariable(APPLICATION_NUMBER));
  }

  /** A staff message's subject: the task and, to tell one case from the next in a list, its space: 初审（朔城创客之家）. */
  static String titled(String taskName, Object space) {
    return space == null ? taskName : taskName + "（" + space + "）";
  }

  /** "（空间：…，申请编号：…）" of the values given (null: not known). */
  static String about(Object space, Object number) {
    if (space == null && number == null) {
      return "";
    }
    return "（" + (space == null ? "" : "空间：" + space) + (space != null && number != null ? "，" : "")
        + (number == null ? "" : "申请编号：" + number) + "）";
  }

  private static Notice notApproved() {
    return new Notice("sanction-dropped", "不予处理通知", "经局领导审定，市科技局不对您的空间作出告知书所述的处理决定。", false);
  }

  private static Notice rejected() {
    return new Notice("decision", "不予认定通知书", "经审查，您的认定申请不予认定，理由见“我的申请”。", true);
  }
}
