package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Service task {@code aggregateExpertReviews}: once every expert is done, reads each expert's
 * task-local score and recommendation (kept in history, level FULL) and writes the panel's
 * {@code averageScore} and {@code recommendRatio} for decision {@code expert-conclusion}.
 */
@Component("expertReviewAggregation")
public class ExpertReviewAggregationDelegate implements JavaDelegate {

  /** The engine's id suffix of a multi-instance activity's body. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final HistoryService history;

  public ExpertReviewAggregationDelegate(HistoryService history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<HistoricVariableInstance> vars = WithoutAuthorization.call(() -> history.createHistoricVariableInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .variableNameIn(SCORE, RECOMMEND, EXPERT_FALSE_MATERIALS_GROUNDS)
        .list());
    Set<String> thisPanel = WithoutAuthorization.call(() -> reviewsOfLatestPanel(execution.getProcessInstanceId()));
    Map<String, Double> scores = new HashMap<>();
    Map<String, Boolean> recommends = new HashMap<>();
    List<String> suspicions = new ArrayList<>();
    for (HistoricVariableInstance v : vars) {
      if (!thisPanel.contains(v.getActivityInstanceId())) {
        continue;
      }
      if (SCORE.equals(v.getName()) && v.getValue() instanceof Number n) {
        scores.put(v.getActivityInstanceId(), n.doubleValue());
      } else if (RECOMMEND.equals(v.getName()) && v.getValue() instanceof Boolean b) {
        recommends.put(v.getActivityInstanceId(), b);
      } else if (EXPERT_FALSE_MATERIALS_GROUNDS.equals(v.getName()) && v.getValue() instanceof String grounds) {
        suspicions.add(grounds);
      }
    }
    if (scores.isEmpty()) {
      throw new IllegalStateException("未找到专家评审评分：汇总依赖历史级别 FULL 记录的任务局部变量");
    }
    double average = scores.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    long yes = recommends.values().stream().filter(Boolean::booleanValue).count();
    execution.setVariable(AVERAGE_SCORE, Math.round(average * 100) / 100.0);
    execution.setVariable(RECOMMEND_RATIO, Math.round(yes * 10000.0 / scores.size()) / 10000.0);
    // Art. 9: any expert's suspicion sends the case to reviewFalseMaterials before the conclusion counts
    execution.setVariable(EXPERTS_SUSPECT_FALSE_MATERIALS, !suspicions.isEmpty());
    execution.setVariable(EXPERTS_FALSE_MATERIALS_GROUNDS, suspicions.isEmpty() ? null : String.join("\n", suspicions));
  }

  /**
   * The review activities of the panel that just finished: a case sent back by the leaders (退回)
   * has an earlier panel whose votes no longer count.
   */
  private Set<String> reviewsOfLatestPanel(String processInstanceId) {
    List<HistoricActivityInstance> reviews = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityId(TASK_EXPERT_REVIEW + MULTI_INSTANCE_BODY)
        // the start time alone ties within a millisecond; the engine's occurrence counter does not
        .orderByHistoricActivityInstanceStartTime().desc()
        .orderPartiallyByOccurrence().desc()
        .list();
    if (reviews.isEmpty()) {
      return Set.of();
    }
    String latestPanel = reviews.get(0).getId();
    return history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityId(TASK_EXPERT_REVIEW)
        .list().stream()
        .filter(review -> latestPanel.equals(review.getParentActivityInstanceId()))
        .map(HistoricActivityInstance::getId)
        .collect(Collectors.toSet());
  }
}
