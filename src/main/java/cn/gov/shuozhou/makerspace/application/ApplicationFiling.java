package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;

/**
 * Files an application given as plain values (the contract's start variables) as the authenticated
 * user, through the same start and intake as {@code /engine-rest}: fields the start form does not
 * declare (such as {@code applicationNumber}) are handed on, so that the engine refuses them by name
 * instead of a door dropping them silently; the intake checks the materials and binds the filer's
 * drafts. Used by {@code POST /api/applications} (alias {@code POST /api/my/applications}, the
 * portal's 在线申报).
 */
@Service
public class ApplicationFiling {

  private final RuntimeService runtime;

  public ApplicationFiling(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts the case; answers its number, instance, state and, when it ended at once, the outcome, or,
   * when the pre-check asked for a supplement at once, why (returnReason, eligibilityFindingsText).
   */
  public Map<String, Object> file(Map<String, Object> body) {
    // unchanged: the one intake of every entry path (ApplicationIntakeListener) validates it
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(KEY)
        .setVariables(body)
        .executeWithVariablesInReturn();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(APPLICATION_NUMBER, instance.getBusinessKey());
    answer.put("processInstanceId", instance.getId());
    answer.put("state", instance.isEnded() ? "COMPLETED" : "ACTIVE");
    if (instance.isEnded()) {
      answer.put(OUTCOME, instance.getVariables().get(OUTCOME));
      answer.put(OUTCOME_REASON, instance.getVariables().get(OUTCOME_REASON));
    } else if (instance.getVariables().get(ELIGIBILITY_FINDINGS_TEXT) instanceof String findings && !findings.isBlank()) {
      // the pre-check sent it back at once: the filer learns it with the number, not on a later visit
      answer.put(RETURN_REASON, instance.getVariables().get(RETURN_REASON));
      answer.put(ELIGIBILITY_FINDINGS_TEXT, findings);
    }
    return answer;
  }
}
