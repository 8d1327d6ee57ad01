package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Cockpit's 人工任务 page asks for the open tasks counted by candidate group, which needs READ on every
 * task. A reader without it is refused as such (403, 无权…), not told that "the task" was completed by
 * someone else: that answer is for a task that vanished, and this refusal names no task at all.
 */
class TaskReportRefusalHttpTest extends AbstractHttpTest {

  @Test
  void theReportOfTasksByGroupIsRefusedAsSuchNotAsAVanishedTask() {
    HttpResponse<String> report = rest("city1").get("/task/report/candidate-group-count");
    assertThat(report.statusCode()).isEqualTo(403);
    assertThat(report.body()).contains("无权").doesNotContain("该任务不存在");
  }
}
