package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REASSESSMENT_COMMENT;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.RECTIFICATION_PASSED;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.VerdictInputListener;
import org.springframework.stereotype.Component;

/** Completion of {@code reassessment} (Art. 8): passed or not, with the grounds; a failure revokes the title. */
@Component("reassessmentInput")
public class ReassessmentInputListener extends VerdictInputListener {

  public ReassessmentInputListener() {
    super(new Verdict(RECTIFICATION_PASSED, "整改合格", REASSESSMENT_COMMENT, "复核意见", Inputs.MAX_COMMENT));
  }
}
