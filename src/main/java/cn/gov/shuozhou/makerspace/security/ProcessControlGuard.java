package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.Capability;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;

/**
 * Timers fire on their due date and a case moves only through its tasks. Running, rescheduling,
 * deleting, suspending or re-prioritising jobs, setting their retries, creating or resolving
 * incidents, signalling executions and delivering messages or signals are left to system
 * administrators ({@code camunda-admin}), whatever permission a grant holds: Camunda allows most of
 * them with {@code UPDATE_INSTANCE} (or {@code RETRY_JOB}, {@code SUSPEND}), which no other role may
 * get back by accident. The engine's own work (the job executor, no user) and the application's
 * commands (objections and reports, correlated with authorization checks off) are not affected.
 * An administrator's override is recorded by the engine's user operation log.
 */
final class ProcessControlGuard extends AdminOnlyGuard {

  private static final List<Class<?>> ADMIN_ONLY = List.of(
      ExecuteJobsCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, DeleteJobCmd.class,
      SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobPriorityCmd.class,
      AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, SetJobDefinitionPriorityCmd.class,
      CreateIncidentCmd.class, ResolveIncidentCmd.class, SetAnnotationForIncidentCmd.class,
      SignalCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, AbstractCorrelateMessageCmd.class);

  ProcessControlGuard() {
    super(ADMIN_ONLY, Capability.CONTROL_PROCESSES);
  }
}
