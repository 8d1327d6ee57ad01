package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Deny by default for data: completing a user task (complete, submit-form, resolve) and starting a
 * process (start, submit start form) accept exactly the writable fields of the Camunda Form the
 * model references ({@code camunda:formRef} on the task or start event), see {@link FormFields}.
 * Anything else is refused with 400 and a Chinese message naming the variable, before anything is
 * stored: unknown names and whatever the model computes (policy, scores, grades, outcomes,
 * numbers, deadlines), a list, object, JSON or file value for a single-value field, a single value
 * for a list field, and values longer than the form allows. The fields' content is then validated
 * by each task's input listener as before. Starting an instance at an inner activity (which skips
 * the start event and its intake) is left to administrators (403 for everyone else).
 *
 * <p>It holds for every caller, with or without a user (Tasklist, {@code /engine-rest}, {@code /api},
 * our own code and tests through the Java API), except for the model's own steps: a command that
 * a delegate or listener issues inside another command. A process without a start form (the
 * supervision, started by the certification) is started with variables only by code without a user.
 */
final class DeclaredFieldsGuard extends CommandInterceptor {

  /** Most items a list field takes (a panel of experts is a few user ids). */
  static final int MAX_LIST_ITEMS = 50;

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
  private static final Map<String, FormFields> FORMS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    if (depth == 0) {
      check(command, Context.getCommandContext());
    }
    DEPTH.set(depth + 1);
    try {
      return next.execute(command);
    } finally {
      DEPTH.set(depth);
    }
  }

  private static void check(Command<?> command, CommandContext context) {
    if (command instanceof CompleteTaskCmd) { // and ResolveTaskCmd
      checkTask(context, Guards.field(command, "taskId"), Guards.field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(context, Guards.field(command, "taskId"), Guards.field(command, "properties"));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      refuseSkippedStart(context);
      checkStart(context, Guards.<ProcessInstantiationBuilderImpl>field(command, "instantiationBuilder"));
    } else if (command instanceof StartProcessInstanceCmd) {
      checkStart(context, Guards.<ProcessInstantiationBuilderImpl>field(command, "instantiationBuilder"));
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = Guards.field(command, "processDefinitionId");
      checkStart(context, definition(context, definitionId, null, null), Guards.field(command, "variables"));
    }
  }

  /** Starting at an inner activity skips the start event and its intake: administrators only. */
  private static void refuseSkippedStart(CommandContext context) {
    Authentication user = Guards.checkedUser(context);
    if (user != null && !AccessPolicy.allows(user, Capability.START_AT_INNER_ACTIVITY)) {
      throw new AuthorizationException(AccessPolicy.refusal(Capability.START_AT_INNER_ACTIVITY, user.getUserId()));
    }
  }

  private static void checkTask(CommandContext context, String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty() || taskId == null) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself answers "task not found"
    }
    if (Guards.checkedUser(context) != null) {
      // who may not work on the task learns that first (403), not which fields its form has
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    }
    FormFields form = task.getTaskDefinition() == null ? FormFields.NONE
        : fields(context, context.runWithoutAuthorization(new GetTaskFormCmd(taskId)));
    refuseUndeclared(variables, form, "任务“" + task.getName() + "”");
  }

  private static void checkStart(CommandContext context, ProcessInstantiationBuilderImpl start) {
    checkStart(context, definition(context, start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
        start.getTenantId()), start.getVariables());
  }

  private static void checkStart(CommandContext context, ProcessDefinitionEntity definition, Map<String, Object> variables) {
    if (definition == null || variables == null || variables.isEmpty()) {
      return;
    }
    if (Guards.checkedUser(context) != null) {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkCreateProcessInstance(definition);
      }
    }
    FormData form = context.runWithoutAuthorization(new GetStartFormCmd(definition.getId()));
    if (form.getCamundaFormRef() == null && context.getAuthentication() == null) {
      return; // started by our own code, as the certification starts the supervision
    }
    refuseUndeclared(variables, fields(context, form), "流程“" + definition.getName() + "”的发起");
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key, String tenantId) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      if (id != null) {
        return cache.findDeployedProcessDefinitionById(id);
      }
      return tenantId == null ? cache.findDeployedLatestProcessDefinitionByKey(key)
          : cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
    } catch (RuntimeException notFound) {
      return null; // the command itself answers "no such process"
    }
  }

  /** The writable fields of the Camunda Form behind {@code form}; none without one. */
  private static FormFields fields(CommandContext context, FormData form) {
    CamundaFormRef ref = form.getCamundaFormRef();
    if (ref == null) {
      return FormFields.NONE;
    }
    CamundaFormDefinition definition = context.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
    if (definition == null) {
      return FormFields.NONE;
    }
    return FORMS.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return FormFields.parse(resource.getBytes());
    });
  }

  private static void refuseUndeclared(Map<String, Object> variables, FormFields form, String door) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : variables.keySet()) {
      FormFields.Field field = form.field(name);
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      String problem = field == null
          ? "变量 " + name + " 不是" + door + "可填写的字段，不予接受（可填写的字段以表单为准，系统计算的结果只能由流程写入）"
          : field.list() ? listProblem(field, value) : singleProblem(field, value);
      if (problem != null) {
        errors.add(new FieldError(name, problem));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** A single value: text, number, yes/no or date, no longer than the form allows. */
  private static String singleProblem(FormFields.Field field, Object value) {
    if (value instanceof TypedValue typed && typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
      return "字段 " + field.key() + " 应为单个值，不接受 " + typed.getType().getName() + " 类型";
    }
    Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
    if (plain instanceof String text) {
      return text.length() > field.maxLength()
          ? "字段 " + field.key() + " 不得超过" + field.maxLength() + "个字符" : null;
    }
    return plain == null || plain instanceof Number || plain instanceof Boolean || plain instanceof Date ? null
        : "字段 " + field.key() + " 应为单个值（文本、数字或是否），不接受 " + plain.getClass().getSimpleName();
  }

  /** A list of short texts (user ids): a JSON array or a Java list, as Tasklist and REST clients send it. */
  private static String listProblem(FormFields.Field field, Object value) {
    String refused = "字段 " + field.key() + " 应为不超过" + MAX_LIST_ITEMS + "项的文本列表（JSON 数组）";
    List<?> items;
    if (value == null) {
      return null;
    } else if (value instanceof ObjectValue object && !object.isDeserialized()) {
      // Tasklist sends a taglist as an object of its options' type: a Java list in JSON, nothing else
      String type = object.getObjectTypeName();
      items = type != null && type.startsWith("java.util.") && type.endsWith("List")
          ? jsonArray(object.getValueSerialized()) : null;
    } else if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      items = jsonArray(serializable.getValueSerialized());
    } else {
      Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
      items = plain instanceof List<?> list ? list : plain == null ? List.of() : jsonArray(plain.toString());
    }
    if (items == null || items.size() > MAX_LIST_ITEMS) {
      return refused;
    }
    for (Object item : items) {
      if (!(item instanceof String text) || text.length() > Inputs.MAX_NAME) {
        return refused;
      }
    }
    return null;
  }

  /** The elements of a JSON array of texts; null for anything else or anything too long. */
  private static List<?> jsonArray(String json) {
    if (json == null || json.length() > MAX_LIST_ITEMS * (Inputs.MAX_NAME + 3) + 2) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isArray()) {
        return null;
      }
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isTextual() ? item.asText() : item));
      return items;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
