package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.BAN_YEARS;
import static cn.gov.shuozhou.makerspace.certification.Policy.Output.SUPPLEMENT_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Why a certification ended, and the Chinese {@code outcomeReason} each end writes (Art. 5, 9). */
public enum OutcomeReason {
  /** The intake check wrote its own reason. */
  NOT_ACCEPTED {
    @Override
    String text(VariableScope e) {
      return (String) e.getVariable(OUTCOME_REASON);
    }
  },
  WITHDRAWN {
    @Override
    String text(VariableScope e) {
      return "申请人撤回申请";
    }
  },
  LAPSED {
    @Override
    String text(VariableScope e) {
      return "未在" + Policy.of(e).number(SUPPLEMENT_WORKING_DAYS) + "个工作日内补正申请材料，申请失效";
    }
  },
  FIRST_REVIEW {
    @Override
    String text(VariableScope e) {
      return "初审未通过：" + e.getVariable(FIRST_REVIEW_COMMENT);
    }
  },
  INSPECTION {
    @Override
    String text(VariableScope e) {
      return "实地考察未通过：" + inspectionReasons(e);
    }
  },
  FALSE_MATERIALS {
    @Override
    String text(VariableScope e) {
      return "经核定提供虚假材料，不予认定，" + Policy.of(e).number(BAN_YEARS) + "年内不再受理其认定申请（第九条）："
          + e.getVariable(FALSE_MATERIALS_FINDING);
    }
  },
  EXPERTS {
    @Override
    String text(VariableScope e) {
      return "专家评审未通过：" + e.getVariable(EXPERT_CONCLUSION_REASON);
    }
  },
  BUREAU {
    @Override
    String text(VariableScope e) {
      return "经市科技局研究，不予认定：" + e.getVariable(BUREAU_COMMENT);
    }
  },
  OBJECTION {
    @Override
    String text(VariableScope e) {
      return "公示期间异议经核查成立，不予认定：" + e.getVariable(UPHELD_OBJECTION_FINDING);
    }
  },
  CERTIFIED {
    @Override
    String text(VariableScope e) {
      return "认定为朔州市众创空间，证书编号 " + e.getVariable(CERTIFICATE_NUMBER)
          + "，有效期至 " + EngineClock.toLocalDate((Date) e.getVariable(VALID_UNTIL));
    }
  };

  /** The reason as the applicant reads it, from the case's variables. */
  abstract String text(VariableScope e);

  private static String inspectionReasons(VariableScope e) {
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
