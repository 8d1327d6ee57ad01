package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.UserNames;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.http.ProblemDetail;

/**
 * The Chinese problems for what a user can act on, whether the engine's exception reaches JAX-RS
 * wrapped in a {@link RestException} (start, complete, correlate) or unwrapped (claim): bad input
 * 400, a missing permission 403, a concurrent change or an already claimed task 409, a task or
 * message target that is not there 404. {@code null} means: keep the engine's own answer.
 */
final class EngineErrors {

  static final String CONCURRENT_CHANGE = "该任务或申请已被他人同时处理，本次操作未生效，请刷新后查看最新状态";
  static final String TASK_GONE = "该任务不存在，或已由他人办理完毕，请刷新任务列表";

  /** Camunda's message when a typed REST variable does not convert to its declared type. */
  private static final Pattern CONVERSION =
      Pattern.compile("Cannot convert value '(.*)' of type '([^']*)' to java type .*", Pattern.DOTALL);
  private static final Pattern UNSUPPORTED_TYPE = Pattern.compile("Unsupported value type '([^']*)'");
  private static final int MAX_ECHO = 40;

  private EngineErrors() {}

  static ProblemDetail invalid(InvalidInputException e) {
    return Problems.of(ProblemType.INVALID_INPUT, e.getMessage(), e.getErrors());
  }

  static ProblemDetail problem(Throwable e) {
    InvalidInputException invalid = cause(e, InvalidInputException.class);
    if (invalid != null) {
      return invalid(invalid);
    }
    if (cause(e, OptimisticLockingException.class) != null) {
      return Problems.of(ProblemType.CONCURRENT_CHANGE, CONCURRENT_CHANGE);
    }
    TaskAlreadyClaimedException claimed = cause(e, TaskAlreadyClaimedException.class);
    if (claimed != null) {
      return Problems.of(ProblemType.TASK_ALREADY_CLAIMED,
          "该任务已由 " + person(claimed.getTaskAssignee()) + " 认领，只有认领人可以办理；如需改派，请联系认领人或管理员");
    }
    if (cause(e, MismatchingMessageCorrelationException.class) != null) {
      return Problems.of(ProblemType.NO_RUNNING_PROCESS,
          "没有正在等待该消息的流程：该申请不在公示期内，或该证书的年度管理已结束、不存在");
    }
    NullValueException missing = cause(e, NullValueException.class);
    if (missing != null && missing.getMessage() != null && missing.getMessage().startsWith("Cannot find task with id")) {
      return Problems.of(ProblemType.TASK_NOT_FOUND, TASK_GONE);
    }
    AuthorizationException denied = cause(e, AuthorizationException.class);
    if (denied != null && concernsVanishedTask(denied)) {
      // completed by someone else a moment ago: its candidates' authorizations went with it
      return Problems.of(ProblemType.TASK_NOT_FOUND, TASK_GONE);
    }
    if (denied != null) {
      // also when the REST resource wrapped it into a 400 (comments: "Not enough parameters submitted")
      return Problems.of(ProblemType.FORBIDDEN,
          "当前用户无权执行此操作" + (denied.getUserId() == null ? "" : "（用户 " + denied.getUserId() + "）")
              + "；如确需办理，请联系系统管理员授权");
    }
    if (e instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST) {
      return typeMismatch(rest);
    }
    return null;
  }

  /**
   * Whether the refusal is about a task that no longer exists. Two users completing one task at
   * the same moment: the second one's authorization check runs after the first one's completion
   * removed the task and its candidate links, so the engine says "no permission" where the truth
   * is "already done". A task id that never existed answers 404 as well, so this reveals nothing.
   */
  private static boolean concernsVanishedTask(AuthorizationException denied) {
    List<MissingAuthorization> missing = denied.getMissingAuthorizations();
    if (missing == null) {
      return false;
    }
    for (MissingAuthorization m : missing) {
      // a refusal on every task (ANY: a report over all of them) names no task that could have vanished
      if (Resources.TASK.resourceName().equals(m.getResourceType()) && m.getResourceId() != null
          && !Authorization.ANY.equals(m.getResourceId())) {
        return !taskExists(m.getResourceId());
      }
    }
    return false;
  }

  /** A user as staff know them, 考察小组组员一（inspector1）; the id alone when the name cannot be read. */
  private static String person(String userId) {
    try {
      // the name also for a user who may not read the user list (the claim was refused, not this)
      return UserNames.withId(EngineUtil.lookupProcessEngine(null), userId);
    } catch (RuntimeException cannotTell) {
      return userId;
    }
  }


  private static boolean taskExists(String taskId) {
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired()
          .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
    } catch (RuntimeException cannotTell) {
      return true;
    }
  }

  /** A variable whose value does not fit the type the client declared for it ("type": "Double", "value": "abc"). */
  private static ProblemDetail typeMismatch(RestException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      int colon = message.indexOf("Cannot convert value '");
      Matcher conversion = CONVERSION.matcher(colon < 0 ? message : message.substring(colon));
      if (conversion.matches()) {
        return Problems.of(ProblemType.INVALID_INPUT,
            "输入有误：变量值“" + shorten(conversion.group(1)) + "”不能按所声明的类型 " + conversion.group(2)
                + " 解析，请检查该变量的值或类型（type）");
      }
      Matcher unsupported = UNSUPPORTED_TYPE.matcher(message);
      if (unsupported.find()) {
        return Problems.of(ProblemType.INVALID_INPUT,
            "输入有误：不支持的变量类型 " + shorten(unsupported.group(1)));
      }
    }
    return null;
  }

  private static String shorten(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…（共" + value.length() + "个字符）";
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
