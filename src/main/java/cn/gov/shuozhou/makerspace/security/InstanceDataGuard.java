package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.Capability;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;

/**
 * A case's data changes only through its process: setting or removing variables directly,
 * modifying an instance's activities and suspending or activating instances are left to system
 * administrators ({@code camunda-admin}). Camunda grants all of them with {@code UPDATE_INSTANCE};
 * no other role holds it, and this guard keeps it so should a grant be added by hand in Admin: an
 * application's declared values must not change over {@code /engine-rest} or in Cockpit, past the
 * forms' validation. Form submissions, message payloads, the engine's own work and
 * delegate code (run without authorization checks) are not affected.
 */
final class InstanceDataGuard extends AdminOnlyGuard {

  private static final List<Class<?>> ADMIN_ONLY = List.of(
      AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
      SetVariablesToProcessInstancesBatchCmd.class,
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
      AbstractSetProcessInstanceStateCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class);

  InstanceDataGuard() {
    super(ADMIN_ONLY, Capability.CHANGE_CASE_DATA);
  }
}
