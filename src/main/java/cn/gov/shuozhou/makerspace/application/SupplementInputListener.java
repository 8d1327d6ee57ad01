package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.ELIGIBILITY_FINDINGS_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.WITHDRAWN;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.tasks.CaseCard;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code supplementApplication}: a withdrawal, or a corrected application of valid shape. */
@Component("supplementInput")
public class SupplementInputListener implements TaskListener {

  private final ApplicationValidator validator;
  private final IntakeService intake;

  public SupplementInputListener(ApplicationValidator validator, IntakeService intake) {
    this.validator = validator;
    this.intake = intake;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean withdrawn = in.bool(WITHDRAWN, "撤回申请", false);
    in.throwIfInvalid();
    if (Boolean.TRUE.equals(withdrawn)) {
      return;
    }
    Map<String, Object> corrected = validator.validate(task.getVariables());
    intake.reservedCreditCode(task.getProcessInstanceId())
        .filter(reserved -> !reserved.equals(corrected.get(CREDIT_CODE)))
        .ifPresent(reserved -> {
          throw new InvalidInputException(CREDIT_CODE, "统一社会信用代码（creditCode）不可在补正时更改；如运营机构有误，请撤回后重新申请");
        });
    task.getExecution().setVariables(corrected);
    CaseCard.describe(task.getExecution());
    // the old findings no longer apply; the pre-check that follows writes new ones if any remain
    task.getExecution().setVariable(ELIGIBILITY_FINDINGS_TEXT, "");
  }
}
