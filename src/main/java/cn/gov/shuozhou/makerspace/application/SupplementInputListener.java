package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.ELIGIBILITY_FINDINGS_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_ADDRESS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.WITHDRAWN;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.registry.Space;
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
    Application corrected = validator.validate(task.getVariables());
    // the reservation is the space's (Art. 2, 4, 5): operator, name and address stay as filed
    Space space = corrected.space();
    intake.reservation(task.getProcessInstanceId())
        .filter(reserved -> !reserved.spaceKey().equals(space.key()))
        .ifPresent(reserved -> refuseOtherSpace(reserved.creditCode().equals(space.creditCode())));
    task.getExecution().setVariables(corrected.variables());
    CaseCard.describe(task.getExecution());
    // the old findings no longer apply; the pre-check that follows writes new ones if any remain
    task.getExecution().setVariable(ELIGIBILITY_FINDINGS_TEXT, "");
  }

  /** A supplement may re-spell the space but not name another one: a new space is a new application. */
  private static void refuseOtherSpace(boolean sameOperator) {
    Inputs in = Inputs.of(Map.of());
    String message = "统一社会信用代码（creditCode）、众创空间名称（spaceName）和地址（spaceAddress）不可在补正时更改；"
        + "如有误，请撤回后重新申请";
    if (sameOperator) {
      in.fail(SPACE_NAME, message);
      in.fail(SPACE_ADDRESS, message);
    } else {
      in.fail(CREDIT_CODE, message);
    }
    in.throwIfInvalid();
  }
}
