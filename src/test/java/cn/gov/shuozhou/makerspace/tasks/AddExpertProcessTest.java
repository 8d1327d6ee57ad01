package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 加签: the city bureau adds an expert to a reviewing panel; the conclusion waits for and counts the new review. */
class AddExpertProcessTest extends AbstractProcessTest {

  @Autowired PanelCommands panels;

  @Test
  void theCityBureauAddsAnExpertWhoseReviewCounts() {
    ProcessInstance pi = reviewing(List.of("expert1", "expert2", "expert3"));
    complete(pi.getId(), "expert1", 90.0);

    Task added = as("city1", List.of(Groups.CITY_BUREAU), () -> panels.addExpert(pi.getBusinessKey(), "expert4", "需补充财务专家意见"));

    assertThat(added.getAssignee()).isEqualTo("expert4");
    assertThat(tasks.getTaskComments(added.getId())).extracting(Comment::getFullMessage)
        .containsExactly("加签（city1）：增补评审专家 expert4：需补充财务专家意见");
    assertThat(variable(pi.getId(), EXPERTS).toString()).contains("expert4");
    for (String expert : List.of("expert2", "expert3")) {
      complete(pi.getId(), expert, 70.0);
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_EXPERT_REVIEW);
    complete(pi.getId(), "expert4", 70.0);

    assertThat(variable(pi.getId(), AVERAGE_SCORE)).isEqualTo(75.0);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_BUREAU_DECISION);
  }

  @Test
  void onlyTheCityBureauAddsAndOnlyAnExpertNotYetOnThePanel() {
    ProcessInstance pi = reviewing(List.of("expert1", "expert2", "expert3"));

    ApiRefusal forbidden = catchThrowableOfType(ApiRefusal.class, () -> as("leader1", List.of(Groups.BUREAU_LEADERS),
        () -> panels.addExpert(pi.getBusinessKey(), "expert4", "理由")));
    assertThat(forbidden.getMessage()).contains("无权加签");
    assertThat(refused(() -> as("city1", List.of(Groups.CITY_BUREAU),
        () -> panels.addExpert(pi.getBusinessKey(), "expert2", "理由"))).getMessage()).contains("已在");
    assertThat(refused(() -> as("city1", List.of(Groups.CITY_BUREAU),
        () -> panels.addExpert(pi.getBusinessKey(), "inspector1", "理由"))).getMessage()).contains("评审专家组");

    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW).count())
        .isEqualTo(3);
  }

  private ProcessInstance reviewing(List<String> experts) {
    Map<String, Object> application = Applications.valid("shuocheng");
    ProcessInstance pi = file(application);
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, Applications.inspection(true, false));
    tasks.complete(task(pi.getId(), TASK_ORGANISE_EXPERTS).getId(), Map.of(EXPERTS,
        Variables.objectValue(experts).serializationDataFormat("application/json").create()));
    return pi;
  }

  private void complete(String processInstanceId, String expert, double score) {
    Task review = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_EXPERT_REVIEW)
        .taskAssignee(expert).singleResult();
    tasks.complete(review.getId(), Map.of(SCORE, score, RECOMMEND, true, COMMENT, "评审意见"));
  }
}
