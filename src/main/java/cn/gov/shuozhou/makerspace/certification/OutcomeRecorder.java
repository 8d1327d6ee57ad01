package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes {@code outcome} and its Chinese {@code outcomeReason} at each end event of the
 * certification (used as {@code ${outcomes.record(execution, 'REJECTED', 'EXPERTS')}}).
 */
@Component("outcomes")
public class OutcomeRecorder {

  public void record(DelegateExecution execution, String outcome, String reasonCode) {
    execution.setVariable(OUTCOME, outcome);
    execution.setVariable(OUTCOME_REASON, reason(execution, reasonCode));
  }

  private String reason(DelegateExecution e, String code) {
    return switch (code) {
      case "NOT_ACCEPTED" -> (String) e.getVariable(OUTCOME_REASON);
      case "WITHDRAWN" -> "申请人撤回申请";
      case "LAPSED" -> "未在" + Policy.of(e).supplementWorkingDays() + "个工作日内补正申请材料，申请失效";
      case "FIRST_REVIEW" -> "初审未通过：" + e.getVariable(FIRST_REVIEW_COMMENT);
      case "INSPECTION" -> "实地考察未通过：" + inspectionReasons(e);
      case "FALSE_MATERIALS" -> "经核定提供虚假材料，不予认定，" + Policy.of(e).banYears()
          + "年内不再受理其认定申请（第九条）：" + e.getVariable(FALSE_MATERIALS_FINDING);
      case "EXPERTS" -> "专家评审未通过：" + e.getVariable(EXPERT_CONCLUSION_REASON);
      case "BUREAU" -> "经市科技局研究，不予认定：" + e.getVariable(BUREAU_COMMENT);
      case "OBJECTION" -> "公示期间异议经核查成立，不予认定：" + e.getVariable(UPHELD_OBJECTION_FINDING);
      case "CERTIFIED" -> "认定为朔州市众创空间，证书编号 " + e.getVariable(CERTIFICATE_NUMBER)
          + "，有效期至 " + EngineClock.toLocalDate((Date) e.getVariable(VALID_UNTIL));
      default -> throw new IllegalArgumentException("未知的办结原因代码：" + code);
    };
  }

  private static String inspectionReasons(DelegateExecution e) {
    List<String> reasons = new ArrayList<>();
    if (e.getVariable(INSPECTION_FINDINGS) instanceof List<?> rows) {
      rows.forEach(r -> reasons.add(((Map<?, ?>) r).get("article") + "：" + ((Map<?, ?>) r).get("message")));
    }
    if (!Boolean.TRUE.equals(e.getVariable(OPERATION_VERIFIED))) {
      reasons.add("实际运行情况与申报材料不符");
    }
    reasons.add("考察意见：" + e.getVariable(INSPECTION_COMMENT));
    return String.join("；", reasons);
  }
}
