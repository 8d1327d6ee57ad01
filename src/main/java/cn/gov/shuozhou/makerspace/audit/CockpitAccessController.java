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
 * that Cockpit offers them only to those (the cockpit script scripts/suspension/plugin.js). Cockpit
 * itself offers 挂起 and 激活 to everyone and asks nobody. {@code changesCaseData}: suspend or activate
 * a process definition or instance ({@link Capability#CHANGE_CASE_DATA}); {@code controlsProcesses}: a
 * job definition ({@link Capability#CONTROL_PROCESSES}). The engine API refuses the others anyway.
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
        "controlsProcesses", caller.may(Capability.CONTROL_PROCESSES));
  }
}
