package cn.gov.shuozhou.makerspace.statistics;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes table {@code ms_stat_stage}: the completed stages of the cases of {@code ms_stat_case}
 * (docs/statistics.md). Public for the benchmark, which fills it from its generated history by {@link #rebuild}.
 */
@Component
public class StageRows {

  private static final String INSERT = "INSERT INTO ms_stat_stage (task_id, process_instance_id, stage, started_at, "
      + "ended_at, duration_ms, overdue) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  StageRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a completed task if its instance is a case of the read model (as the rebuild: tasks of other
   * processes are no stage). The event carries the task's start only when the task began in the same
   * command; otherwise it is read from the task's history row, as the rebuild reads it.
   */
  void add(HistoricTaskInstanceEventEntity task) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM ms_stat_case WHERE process_instance_id = ?", Integer.class,
        task.getProcessInstanceId()) > 0) {
      Date started = task.getStartTime() != null ? task.getStartTime() : jdbc.queryForObject(
          "SELECT START_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?", Timestamp.class, task.getTaskId());
      jdbc.update(INSERT, values(StageRow.of(task.getTaskId(), task.getProcessInstanceId(), task.getName(), started,
          task.getEndTime(), task.getDueDate())));
    }
  }

  /**
   * Replaces every row by the completed tasks of {@code ACT_HI_TASKINST} whose instance is a case of
   * the read model, through {@link StageRow#of}; returns how many it wrote.
   */
  public int rebuild() {
    List<StageRow> rows = jdbc.query("SELECT t.ID_, t.PROC_INST_ID_, t.NAME_, t.START_TIME_, t.END_TIME_, t.DUE_DATE_ "
        + "FROM ms_stat_case c JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = c.process_instance_id "
        + "WHERE t.DELETE_REASON_ = ?", (rs, i) -> StageRow.of(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4), rs.getTimestamp(5), rs.getTimestamp(6)), StageRow.COMPLETED);
    jdbc.update("DELETE FROM ms_stat_stage");
    for (int from = 0; from < rows.size(); from += 1000) {
      jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 1000)).stream()
          .map(StageRows::values).toList());
    }
    return rows.size();
  }

  private static Object[] values(StageRow row) {
    return new Object[] {row.taskId(), row.processInstanceId(), row.stage(), timestamp(row.startedAt()),
        timestamp(row.endedAt()), row.durationMs(), row.overdue()};
  }

  private static Timestamp timestamp(Date date) {
    return new Timestamp(date.getTime());
  }
}
