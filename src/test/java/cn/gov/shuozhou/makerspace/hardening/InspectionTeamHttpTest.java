package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The inspection team member {@code inspector1} completes {@code onSiteInspection} for the team
 * over {@code /engine-rest} (Art. 5(2), Art. 3): a team of one, or a converted old building without
 * the structure and safety findings, is refused with 400 and a Chinese message naming the field,
 * and the task stays open; the full record is accepted and decides the preference.
 */
class InspectionTeamHttpTest extends HardeningHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void inspector1RecordsTheTeamAndTheArticle3FindingsForAConvertedOldBuilding() throws Exception {
    Map<String, Object> application = Applications.valid("shuocheng");
    application.put(CONVERTED_OLD_BUILDING, true);
    ProcessInstance pi = fixtures.apply(application);
    fixtures.complete(pi.getId(), TASK_FIRST_REVIEW, CertificationDriver.validCompletion(TASK_FIRST_REVIEW));
    Task inspection = fixtures.task(pi.getId(), TASK_INSPECTION, null);
    String path = "/task/" + inspection.getId() + "/complete";

    Map<String, Object> alone = Applications.inspection(true, false);
    alone.put(INSPECTION_TEAM, "王明，市科技局");
    alone.put(BUILDING_STRUCTURE_UNCHANGED, true);
    alone.put(BUILDING_SAFETY_UNAFFECTED, true);
    assertRefused(rest("inspector1").post(path, engineVariables(alone)), INSPECTION_TEAM);

    Map<String, Object> noFindings = Applications.inspection(true, false);
    assertRefused(rest("inspector1").post(path, engineVariables(noFindings)), BUILDING_STRUCTURE_UNCHANGED);
    assertThat(engine.getTaskService().createTaskQuery().taskId(inspection.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), INSPECTION_TEAM)).isNull();

    Map<String, Object> complete = Applications.inspection(true, false);
    complete.put(BUILDING_STRUCTURE_UNCHANGED, true);
    complete.put(BUILDING_SAFETY_UNAFFECTED, true);
    HttpResponse<String> done = rest("inspector1").post(path, engineVariables(complete));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), INSPECTION_TEAM))
        .isEqualTo(Applications.INSPECTION_TEAM_OF_TWO);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), OLD_BUILDING_PREFERRED)).isEqualTo(true);
    assertThat(fixtures.task(pi.getId(), TASK_ORGANISE_EXPERTS, null).getPriority()).isEqualTo(70);
  }

  private static void assertRefused(HttpResponse<String> answer, String field) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("errors").findValuesAsText("field")).contains(field);
    assertThat(answer.body()).containsPattern("\\p{IsHan}").contains(field);
  }
}
