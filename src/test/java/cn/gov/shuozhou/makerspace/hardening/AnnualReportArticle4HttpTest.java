package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator {@code operator1} files the annual report over {@code /engine-rest} (Art. 4, 7, 8):
 * a report without the space's Art. 4 status is refused with 400 naming the field and changes
 * nothing; a report whose status fails Art. 4 is accepted and graded 不合格 however high it scores.
 */
class AnnualReportArticle4HttpTest extends HardeningHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CertificateRegistry certificates;

  @Test
  void operator1ReportsTheArticle4StatusAndAFailedConditionMakesTheYearUnqualified() throws Exception {
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, fixtures);
    Task report = supervision.waitingAt(TASK_SUBMIT_REPORT);
    String path = "/task/" + report.getId() + "/complete";

    Map<String, Object> withoutStatus = SupervisionFixtures.validCompletion(TASK_SUBMIT_REPORT);
    withoutStatus.remove(CertificationProcess.MENTOR_COUNT);
    HttpResponse<String> refused = rest("operator1").post(path, engineVariables(withoutStatus));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsText("field"))
        .containsExactly(CertificationProcess.MENTOR_COUNT);
    assertThat(refused.body()).containsPattern("\\p{IsHan}");
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);

    Map<String, Object> failing = SupervisionFixtures.validCompletion(TASK_SUBMIT_REPORT);
    failing.put(CertificationProcess.MENTOR_COUNT, 1);
    HttpResponse<String> filed = rest("operator1").post(path, engineVariables(failing));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(204);

    String id = report.getProcessInstanceId();
    fixtures.runJobsUntil(id, () -> engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(TASK_ASSESSMENT).count() > 0);
    assertThat(engine.getRuntimeService().getVariable(id, ARTICLE4_MET)).isEqualTo(false);
    assertThat(engine.getRuntimeService().getVariable(id, ASSESSMENT_GRADE)).isEqualTo(GRADE_UNQUALIFIED);
    assertThat(engine.getRuntimeService().getVariable(id, ARTICLE4_FINDINGS).toString()).contains("创业导师");
  }
}
