package cn.gov.shuozhou.makerspace.expertreview;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Service task {@code aggregateExpertReviews}: once every expert of the latest panel is done, reads
 * each expert's task-local score, recommendation, comment and false-material grounds (kept in
 * history, level FULL) and writes the panel's {@code averageScore} and {@code recommendRatio} for
 * decision {@code expert-conclusion}, the experts' suspicion of false materials (Art. 9), and for
 * the bureau decision form the ratio as people read it and the experts' opinions as one text.
 */
@Component("expertReviewAggregation")
public class ExpertReviewAggregationDelegate implements JavaDelegate {

  /** The engine's id suffix of a multi-instance activity's body. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  /** A string variable holds at most 4,000 characters: long comments are shortened in this text. */
  static final int MAX_OPINIONS_LENGTH = 3_900;

  private final HistoryService history;
  private final IdentityService identity;

  public ExpertReviewAggregationDelegate(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<HistoricVariableInstance> vars = WithoutAuthorization.call(() -> history.createHistoricVariableInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .variableNameIn(SCORE, RECOMMEND, COMMENT, EXPERT_FALSE_MATERIALS_GROUNDS)
        .list());
    Set<String> thisPanel = WithoutAuthorization.call(() -> reviewsOfLatestPanel(execution.getProcessInstanceId()));
    Map<String, Double> scores = new HashMap<>();
    Map<String, Boolean> recommends = new HashMap<>();
    Map<String, String> comments = new HashMap<>();
    List<String> suspicions = new ArrayList<>();
    for (HistoricVariableInstance v : vars) {
      if (!thisPanel.contains(v.getActivityInstanceId())) {
        continue;
      }
      if (SCORE.equals(v.getName()) && v.getValue() instanceof Number n) {
        scores.put(v.getActivityInstanceId(), n.doubleValue());
      } else if (RECOMMEND.equals(v.getName()) && v.getValue() instanceof Boolean b) {
        recommends.put(v.getActivityInstanceId(), b);
      } else if (COMMENT.equals(v.getName()) && v.getValue() instanceof String c) {
        comments.put(v.getActivityInstanceId(), c);
      } else if (EXPERT_FALSE_MATERIALS_GROUNDS.equals(v.getName()) && v.getValue() instanceof String grounds) {
        suspicions.add(grounds);
      }
    }
    if (scores.isEmpty()) {
      throw new IllegalStateException("未找到专家评审评分：汇总依赖历史级别 FULL 记录的任务局部变量");
    }
    double average = scores.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    long yes = scores.keySet().stream().filter(scope -> Boolean.TRUE.equals(recommends.get(scope))).count();
    execution.setVariable(AVERAGE_SCORE, Math.round(average * 100) / 100.0);
    execution.setVariable(RECOMMEND_RATIO, Math.round(yes * 10000.0 / scores.size()) / 10000.0);
    execution.setVariable(RECOMMEND_RATIO_TEXT, ReadableValues.ratio(yes, scores.size()));
    execution.setVariable(EXPERT_OPINIONS, opinions(scores, recommends, comments));
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

  /** One paragraph per expert, by name: "评审专家一：80分，推荐认定。意见：……". */
  private String opinions(Map<String, Double> scores, Map<String, Boolean> recommends, Map<String, String> comments) {
    Map<String, String> expertOf = new HashMap<>();
    WithoutAuthorization.call(() -> history.createHistoricTaskInstanceQuery()
        .activityInstanceIdIn(scores.keySet().toArray(String[]::new)).list())
        .forEach((HistoricTaskInstance task) -> expertOf.put(task.getActivityInstanceId(), task.getAssignee()));
    int commentLength = MAX_OPINIONS_LENGTH / scores.size() - 60;
    Map<String, String> byExpert = new TreeMap<>();
    scores.forEach((scope, score) -> {
      String expert = expertOf.get(scope);
      String comment = comments.getOrDefault(scope, "");
      if (comment.length() > commentLength) {
        comment = comment.substring(0, commentLength) + "……（全文见评审记录）";
      }
      byExpert.put(String.valueOf(expert) + scope, "%s：%s分，%s。意见：%s".formatted(nameOf(expert),
          ReadableValues.number(score), ReadableValues.label(RECOMMEND, recommends.get(scope)), comment));
    });
    return String.join("\n", byExpert.values());
  }

  private String nameOf(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    return user == null ? String.valueOf(userId) : UserNames.of(user);
  }
}
