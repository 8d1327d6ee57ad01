package cn.gov.shuozhou.makerspace.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Statistics that let PostgreSQL plan the engine's authorization join well. Every task query of a
 * user joins {@code ACT_RU_AUTHORIZATION} filtered on {@code PERMS_ & <permission> = <permission>};
 * without statistics on those expressions the planner guesses a few dozen matching grants instead
 * of thousands (one per open task of the user's group), compares every task with every grant and
 * Tasklist's group list took 4-13 s with 100,000 open tasks; with them it looks each task's grant
 * up in the index (docs/performance.md). Created once, on PostgreSQL 14 or later only; H2 has no
 * such planner. The engine must have created its tables first, hence an engine plugin.
 */
@Component
public class PostgresPlannerStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresPlannerStatistics.class);

  /** READ on a task (Tasklist, task queries) and READ_TASK on a process definition. */
  static final List<String> STATEMENTS = List.of(
      "CREATE STATISTICS IF NOT EXISTS ms_auth_perms_read ON ((perms_ & 2)) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS ms_auth_perms_read_task ON ((perms_ & 64)) FROM act_ru_authorization");

  private final DataSource dataSource;

  public PostgresPlannerStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection c = dataSource.getConnection()) {
      var meta = c.getMetaData();
      if (!"PostgreSQL".equals(meta.getDatabaseProductName()) || meta.getDatabaseMajorVersion() < 14) {
        return;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : STATEMENTS) {
          s.execute(sql);
        }
        s.execute("ANALYZE act_ru_authorization");
      }
    } catch (SQLException e) {
      // a schema owned by a database administrator may not allow it: the application still works
      LOG.warn("未能创建 PostgreSQL 规划统计（查询仍然可用，但待办任务很多时任务列表会变慢）：{}", e.getMessage());
    }
  }
}
