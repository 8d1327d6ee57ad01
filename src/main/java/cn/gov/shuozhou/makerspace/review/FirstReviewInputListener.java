package cn.gov.shuozhou.makerspace.review;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_FALSE_MATERIALS_GROUNDS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code firstReview} (Art. 5(1)): a decision, and a comment unless approved. The
 * reviewer may flag suspected false materials with the grounds (Art. 9): the city bureau then
 * reviews them after the inspection ({@code reviewFalseMaterials}).
 */
@Component("firstReviewInput")
public class FirstReviewInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    String decision = in.choice(FIRST_REVIEW_DECISION, "初审意见", List.of("approve", "return", "reject"));
    String comment = in.text(FIRST_REVIEW_COMMENT, "初审意见", decision != null && !"approve".equals(decision),
        Inputs.MAX_TEXT);
    boolean suspects = Boolean.TRUE.equals(in.bool(FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS, "疑似提供虚假材料", false));
    String grounds = in.text(FIRST_REVIEW_FALSE_MATERIALS_GROUNDS, "疑似虚假材料的依据", suspects, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(FIRST_REVIEW_COMMENT, comment);
    task.setVariable(FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS, suspects);
    task.setVariable(FIRST_REVIEW_FALSE_MATERIALS_GROUNDS, suspects ? grounds : null);
  }
}
