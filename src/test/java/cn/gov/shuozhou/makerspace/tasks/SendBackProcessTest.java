package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 退回 in {@code maker-space-certification}: the two message boundary events and where they lead. */
class SendBackProcessTest extends AbstractProcessTest {

  @Autowired TaskCommands commands;

  @Test
  void theInspectionSendsTheCaseBackToFirstReviewWithItsReason() {
    ProcessInstance pi = apply();
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    Task inspection = task(pi.getId(), TASK_INSPECTION);
    tasks.claim(inspection.getId(), "inspector1");

    as("inspector1", List.of(Groups.INSPECTION_TEAM), () -> {
      commands.sendBack(inspection.getId(), "现场面积与申报不符，请初审复核");
      return null;
    });

    BpmnAwareTests.assertThat(pi).hasPassed("inspectionSentBack").isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(variable(pi.getId(), SENT_BACK_REASON)).isEqualTo("现场面积与申报不符，请初审复核");
    assertThat(variable(pi.getId(), SENT_BACK_BY)).isEqualTo("inspector1");
    assertThat(comments(inspection.getId())).containsExactly("退回初审：现场面积与申报不符，请初审复核");
    assertThat(comments(task(pi.getId(), TASK_FIRST_REVIEW).getId()))
        .containsExactly("由“实地考察”退回（inspector1）：现场面积与申报不符，请初审复核");
    assertThat(tasks.getTaskComments(inspection.getId())).extracting(Comment::getUserId).containsExactly("inspector1");

    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_INSPECTION);
  }

  @Test
  void theLeadersSendTheCaseBackToTheExpertReview() {
    ProcessInstance pi = apply();
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, Applications.inspection(true, false));
    panel(pi, List.of("expert1", "expert2", "expert3"), 85.0, true);
    Task decision = task(pi.getId(), TASK_BUREAU_DECISION);
    tasks.claim(decision.getId(), "leader1");

    as("leader1", List.of(Groups.BUREAU_LEADERS), () -> {
      commands.sendBack(decision.getId(), "专家意见分歧，请补充评审");
      return null;
    });

    BpmnAwareTests.assertThat(pi).hasPassed("bureauDecisionSentBack")
        .isWaitingAt(TASK_ORGANISE_EXPERTS);
    assertThat(comments(decision.getId())).containsExactly("退回专家评审：专家意见分歧，请补充评审");

    // only the new panel's votes count: the earlier panel's 85 would have made this one pass
    panel(pi, List.of("expert3", "expert4", "expert5"), 40.0, false);
    assertThat(variable(pi.getId(), AVERAGE_SCORE)).isEqualTo(40.0);
    assertThat(variable(pi.getId(), RECOMMEND_RATIO)).isEqualTo(0.0);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("rejectedByExperts");
  }

  private void panel(ProcessInstance pi, List<String> experts, double score, boolean recommend) {
    tasks.complete(task(pi.getId(), TASK_ORGANISE_EXPERTS).getId(), Map.of(EXPERTS, Variables.objectValue(
        experts).serializationDataFormat("application/json").create()));
    for (Task review : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      tasks.complete(review.getId(), Map.of(SCORE, score, RECOMMEND, recommend, COMMENT, "评审意见"));
    }
  }

  @Test
  void aFirstReviewCannotBeSentBackAndStaysOpen() {
    ProcessInstance pi = apply();
    Task review = task(pi.getId(), TASK_FIRST_REVIEW);
    tasks.claim(review.getId(), "shuocheng1");

    var refusal = refused(() -> as("shuocheng1", List.of(Groups.COUNTY_SHUOCHENG), () -> {
      commands.sendBack(review.getId(), "理由");
      return null;
    }));

    assertThat(refusal.getMessage()).contains("不能退回");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(comments(review.getId())).isEmpty();
  }

  private ProcessInstance apply() {
    Map<String, Object> application = Applications.valid("shuocheng");
    return file(application);
  }

  private List<String> comments(String taskId) {
    return tasks.getTaskComments(taskId).stream().map(Comment::getFullMessage).toList();
  }
}
