package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COMMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.EXPERT_FALSE_MATERIALS_GROUNDS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RECOMMEND;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SCORE;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of one {@code expertReview}. The values live in the expert's own multi-instance scope
 * (input mappings of the task), so parallel experts never write one variable. Besides the vote an
 * expert may give grounds for suspecting false materials (Art. 9).
 */
@Component("expertReviewInput")
public class ExpertReviewInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Double score = in.decimal(SCORE, "评分", true, 0, 100);
    Boolean recommend = in.bool(RECOMMEND, "建议认定", true);
    String comment = in.text(COMMENT, "评审意见", true, Inputs.MAX_TEXT);
    String grounds = in.text(EXPERT_FALSE_MATERIALS_GROUNDS, "疑似提供虚假材料的依据", false, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(EXPERT_FALSE_MATERIALS_GROUNDS, grounds == null || grounds.isBlank() ? null : grounds);
    task.setVariable(SCORE, score);
    task.setVariable(RECOMMEND, recommend);
    task.setVariable(COMMENT, comment);
  }
}
