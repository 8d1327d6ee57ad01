package cn.gov.shuozhou.makerspace.api;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.application.ApplicationValidator;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
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
 * start variables; the system issues the application number). Runs as the authenticated user,
 * through the same start validation as Tasklist and {@code /engine-rest}: fields the start form
 * does not declare (such as {@code applicationNumber}) are handed on, so that the engine refuses
 * them by name instead of this door dropping them silently.
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final ApplicationValidator validator;
  private final RuntimeService runtime;

  public ApplicationController(ApplicationValidator validator, RuntimeService runtime) {
    this.validator = validator;
    this.runtime = runtime;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> apply(@RequestBody Map<String, Object> body) {
    Map<String, Object> variables = new LinkedHashMap<>(body);
    variables.putAll(validator.validate(body));
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(KEY)
        .setVariables(variables)
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
