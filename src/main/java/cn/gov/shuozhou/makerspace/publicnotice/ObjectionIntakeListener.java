package cn.gov.shuozhou.makerspace.publicnotice;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of an objection during the public notice (message {@code PublicNoticeObjection}).
 * Anonymous objections are refused: the correlation fails and nothing changes. Each objection's
 * text, objector and finding are kept in its own scope, so several objections never overwrite
 * one another.
 */
@Component("objectionIntake")
public class ObjectionIntakeListener implements ExecutionListener {

  static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
  private static final List<String> FIELDS = List.of(OBJECTION_TEXT, OBJECTOR_NAME, OBJECTOR_PHONE);

  @Override
  public void notify(DelegateExecution execution) {
    Inputs in = Inputs.of(execution.getVariables());
    String text = in.text(OBJECTION_TEXT, "异议内容", true, Inputs.MAX_TEXT);
    String name = in.text(OBJECTOR_NAME, "异议人姓名（不受理匿名异议）", true, 50);
    String phone = in.pattern(OBJECTOR_PHONE, "异议人联系电话（不受理匿名异议）", PHONE,
        "应为11位手机号码或带区号的固定电话");
    in.throwIfInvalid();
    FIELDS.forEach(f -> execution.getProcessInstance().removeVariableLocal(f));
    execution.setVariableLocal(OBJECTION_TEXT, text);
    execution.setVariableLocal(OBJECTOR_NAME, name);
    execution.setVariableLocal(OBJECTOR_PHONE, phone);
    Object acknowledgement = execution.getVariable(OBJECTION_ACKNOWLEDGEMENT);
    execution.getProcessInstance().removeVariableLocal(OBJECTION_ACKNOWLEDGEMENT);
    execution.setVariableLocal(OBJECTION_ACKNOWLEDGEMENT, acknowledgement);
    execution.setVariableLocal(OBJECTION_UPHELD, null);
    execution.setVariableLocal(OBJECTION_FINDING, null);
    execution.setVariableLocal(OBJECTION_FALSE_MATERIALS, null);
  }
}
