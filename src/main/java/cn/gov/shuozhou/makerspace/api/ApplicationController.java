package cn.gov.shuozhou.makerspace.api;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: integrators file an application as plain JSON (the contract's
 * start variables; the system issues the application number). Runs as the authenticated user and
 * hands the body to the engine's start unchanged, so that the one intake of every entry path
 * validates it ({@code ApplicationIntakeListener}) and the start's field guard refuses fields the
 * start form does not declare (such as {@code applicationNumber}) by name, instead of this door
 * dropping them silently.
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final RuntimeService runtime;

  public ApplicationController(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> apply(@RequestBody Map<String, Object> body) {
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(KEY)
        .setVariables(body)
        .executeWithVariablesInReturn();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("applicationNumber", instance.getBusinessKey());
    answer.put("processInstanceId", instance.getId());
    answer.put("state", instance.isEnded() ? "COMPLETED" : "ACTIVE");
    if (instance.isEnded()) {
      answer.put(OUTCOME, instance.getVariables().get(OUTCOME));
      answer.put(OUTCOME_REASON, instance.getVariables().get(OUTCOME_REASON));
    }
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId())).body(answer);
  }
}
