package cn.gov.shuozhou.makerspace.audit;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cockpit/access}: which of Cockpit's changing actions the signed-in caller may use, so
 * that Cockpit offers them only to those (the cockpit script scripts/actions/plugin.js). Cockpit itself
 * offers them to everyone and asks nobody; the engine API refuses the others anyway.
 * {@code changesCaseData} ({@link Capability#CHANGE_CASE_DATA}): suspend or activate a process definition
 * or instance, add, edit or delete a variable; {@code controlsProcesses} ({@link Capability#CONTROL_PROCESSES}):
 * suspend or activate a job definition, override job priorities, retry jobs and incidents;
 * {@code administersEngine} ({@link Capability#ADMINISTER_ENGINE}): delete (cancel) an instance, delete a
 * deployment.
 */
@RestController
public class CockpitAccessController {

  private final IdentityService identity;

  public CockpitAccessController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/api/cockpit/access")
  public Map<String, Boolean> access(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.signedIn(identity);
    Inputs.onlyParameters(parameters, Set.of());
    return Map.of("changesCaseData", caller.may(Capability.CHANGE_CASE_DATA),
        "controlsProcesses", caller.may(Capability.CONTROL_PROCESSES),
        "administersEngine", caller.may(Capability.ADMINISTER_ENGINE));
  }
}
