package cn.gov.shuozhou.makerspace.statistics;

import java.util.Date;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * One completed stage of a certification (table {@code ms_stat_stage}). {@link #of} is the one
 * projection of a completed task, used by the live history-event handler and by the rebuild from
 * {@code ACT_HI_TASKINST} alike, so that both write the same row.
 */
record StageRow(String taskId, String processInstanceId, String stage, Date startedAt, Date endedAt, long durationMs,
    boolean overdue) {

  /**
   * How a task ends as a done stage ({@code DELETE_REASON_} of its history): completed. A task ended
   * otherwise (a supplement lapsed by its deadline, the tasks of a deleted case) was not done.
   */
  static final String COMPLETED = TaskEntity.DELETE_REASON_COMPLETED;

  /** The row of a task started and completed at these times, due at {@code due} (null for none). */
  static StageRow of(String taskId, String processInstanceId, String stage, Date started, Date ended, Date due) {
    return new StageRow(taskId, processInstanceId, stage, started, ended, ended.getTime() - started.getTime(),
        due != null && ended.getTime() > due.getTime());
  }
}
