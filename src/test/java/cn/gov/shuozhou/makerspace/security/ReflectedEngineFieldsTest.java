package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;

import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine guards read some fields of Camunda's internal commands by name ({@link Guards#field},
 * which answers null for a missing field). A Camunda upgrade that renames one would switch a guard
 * off silently; this test fails instead. Each pair below is one that a guard reads.
 */
class ReflectedEngineFieldsTest {

  static Stream<Arguments> fieldsTheGuardsRead() {
    return Stream.of(
        // ClaimedTaskGuard, DeclaredFieldsGuard
        arguments(CompleteTaskCmd.class, "taskId"), arguments(CompleteTaskCmd.class, "variables"),
        arguments(ResolveTaskCmd.class, "taskId"), arguments(ResolveTaskCmd.class, "variables"),
        arguments(SubmitTaskFormCmd.class, "taskId"), arguments(SubmitTaskFormCmd.class, "properties"),
        arguments(StartProcessInstanceCmd.class, "instantiationBuilder"),
        arguments(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder"),
        arguments(SubmitStartFormCmd.class, "processDefinitionId"), arguments(SubmitStartFormCmd.class, "variables"),
        // ConfidentialVariablesGuard
        arguments(GetTaskVariablesCmd.class, "taskId"),
        arguments(GetTaskVariableCmd.class, "taskId"), arguments(GetTaskVariableCmd.class, "variableName"),
        arguments(GetTaskVariableCmdTyped.class, "taskId"), arguments(GetTaskVariableCmdTyped.class, "variableName"),
        arguments(GetExecutionVariablesCmd.class, "executionId"),
        arguments(GetExecutionVariableCmd.class, "executionId"), arguments(GetExecutionVariableCmd.class, "variableName"),
        arguments(GetExecutionVariableTypedCmd.class, "executionId"),
        arguments(GetExecutionVariableTypedCmd.class, "variableName"),
        arguments(AbstractQuery.class, "resultType"),
        arguments(VariableInstanceQueryImpl.class, "variableNames"),
        arguments(HistoricVariableInstanceQueryImpl.class, "variableNameIn"),
        arguments(HistoricDetailQueryImpl.class, "variableNameLike"),
        // RefusedJobExecutionGuard
        arguments(FailedJobListener.class, "jobFailureCollector"));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("fieldsTheGuardsRead")
  void theFieldStillExists(Class<?> type, String name) {
    assertThat(declared(type, name)).as("%s.%s", type.getSimpleName(), name).isNotNull();
  }

  /** CommentAttachmentGuard finds the task, instance or attachment of each command it guards. */
  @Test
  void everyGuardedCommentOrAttachmentCommandNamesWhatItConcerns() {
    List<String> targets = List.of("taskId", "processInstanceId", "attachmentId", "attachment");
    assertThat(CommentAttachmentGuard.GUARDED.keySet()).isNotEmpty().allSatisfy(type ->
        assertThat(targets.stream().anyMatch(name -> declared(type, name) != null))
            .as("%s has one of %s", type.getSimpleName(), targets).isTrue());
  }

  private static Field declared(Class<?> type, String name) {
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      try {
        return t.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
