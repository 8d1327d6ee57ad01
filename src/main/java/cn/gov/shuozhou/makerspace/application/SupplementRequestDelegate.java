package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code prepareSupplement}: tells the applicant why the application came back,
 * either the unmet Art. 4 conditions of the pre-check or the first reviewer's comment.
 */
@Component("supplementRequest")
public class SupplementRequestDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String findings = describe(execution.getVariable(ELIGIBILITY_FINDINGS));
    boolean returnedByReviewer = "return".equals(execution.getVariable(FIRST_REVIEW_DECISION));
    String reason = returnedByReviewer
        ? "初审退回补正：" + execution.getVariable(FIRST_REVIEW_COMMENT)
        : "申报材料不符合《朔州市众创空间认定和管理办法》第四条规定的条件，请补正或撤回申请";
    execution.setVariable(RETURN_REASON, reason);
    execution.setVariable(ELIGIBILITY_FINDINGS_TEXT, returnedByReviewer ? "" : findings);
    // the reviewer's decision is answered by this supplement (its text is in returnReason and in
    // history); the next review decides afresh on an empty form
    execution.removeVariable(FIRST_REVIEW_DECISION);
    execution.removeVariable(FIRST_REVIEW_COMMENT);
    execution.setVariable(WITHDRAWN, false);
  }

  /** One line per unmet condition: "第四条第（二）项：message". */
  static String describe(Object findings) {
    if (!(findings instanceof List<?> rows)) {
      return "";
    }
    return rows.stream()
        .map(r -> (Map<?, ?>) r)
        .map(r -> r.get("article") + "：" + r.get("message"))
        .collect(Collectors.joining("\n"));
  }
}
