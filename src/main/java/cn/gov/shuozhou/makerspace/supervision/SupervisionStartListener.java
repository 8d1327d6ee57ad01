package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.tasks.CaseCard;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a supervision (normally by the certification's {@code startSupervision}): refuses a
 * start without the certificate's data, whatever the entry path, and keeps the last valid day as
 * text for the forms.
 */
@Component("supervisionStart")
public class SupervisionStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Inputs in = Inputs.of(execution.getVariables());
    String number = in.text(CERTIFICATE_NUMBER, "认定证书编号", true, Inputs.MAX_NAME);
    in.text(CREDIT_CODE, "统一社会信用代码", true, 18);
    in.text(SPACE_NAME, "众创空间名称", true, Inputs.MAX_NAME);
    in.text(APPLICANT, "运营机构用户", true, Inputs.MAX_NAME);
    for (String date : new String[] {CERTIFIED_ON, VALID_UNTIL}) {
      if (!(in.raw(date) instanceof Date)) {
        in.fail(date, (CERTIFIED_ON.equals(date) ? "认定日期" : "有效期截止日期") + "（" + date + "）应为日期");
      }
    }
    if (number != null && !number.equals(execution.getProcessBusinessKey())) {
      in.fail("businessKey", "业务编号（businessKey）应为认定证书编号 " + number);
    }
    in.throwIfInvalid();
    execution.setVariable(VALID_UNTIL_DATE, EngineClock.toLocalDate((Date) in.raw(VALID_UNTIL)).toString());
    CaseCard.describe(execution);
  }
}
