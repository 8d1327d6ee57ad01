package cn.gov.shuozhou.makerspace.audit;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.util.List;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;

/**
 * The staff's complete certification, the benchmark's unit of work
 * ({@link CertificationDriver#certifyAsStaff}): each step is done by the demo user whose role it
 * is, the case ends certified, and the user operation log names who completed each task.
 */
class StaffLifecycleAuditTest extends AbstractAuditTest {

  @Test
  void eachStepIsLoggedWithTheUserWhoseWorkItIs() {
    CertificationDriver driver = new CertificationDriver(engine);

    String id = driver.certifyAsStaff(KEY);

    assertThat(driver.isEnded(id)).isTrue();
    assertThat(driver.variable(id, OUTCOME)).isEqualTo("CERTIFIED");
    List<String> completedBy = engine.getHistoryService().createUserOperationLogQuery().processInstanceId(id)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).distinct().toList();
    assertThat(completedBy).containsExactlyInAnyOrder(
        "shuocheng1", "inspector1", "city1", "expert1", "expert2", "expert3", "leader1");
  }
}
