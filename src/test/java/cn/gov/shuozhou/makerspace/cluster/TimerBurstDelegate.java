package cn.gov.shuozhou.makerspace.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Test only (cluster/timer-burst.bpmn): records one row per execution in
 * {@code cluster_timer_fired}, inside the job's own transaction, so a row exists exactly when the
 * job's execution committed. The table has no unique constraint: a timer that fired twice would
 * show up as two rows, not as an error.
 */
public class TimerBurstDelegate implements JavaDelegate {

  public static final String TABLE_DDL = "CREATE TABLE IF NOT EXISTS cluster_timer_fired ("
      + "process_instance_id VARCHAR(64) NOT NULL, node VARCHAR(64) NOT NULL, "
      + "fired_at TIMESTAMP NOT NULL DEFAULT clock_timestamp())";

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO cluster_timer_fired (process_instance_id, node) VALUES (?, ?)")) {
      insert.setString(1, execution.getProcessInstanceId());
      insert.setString(2, Context.getProcessEngineConfiguration().getProcessEngineName());
      insert.executeUpdate();
    }
  }
}
