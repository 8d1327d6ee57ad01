package cn.gov.shuozhou.makerspace.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What lets the databases plan the engine's task queries well with thousands of open tasks
 * (docs/performance.md, sections 3 and 9). Created once, when the engine has created its tables
 * (hence an engine plugin); a schema owned by a database administrator may refuse it, and then the
 * application still works, only slower on long task lists (docs/operations.md).
 */
@Component
public class EngineQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineQueryTuning.class);

  /**
   * Tasklist's 快速搜索 asks, for each task, whether its instance's {@code searchText} is like the
   * words. The engine's own indexes lead H2 to read every instance's {@code searchText} for every
   * task (1,000 tasks: about a million comparisons, 2–12 s); this one finds the one row of each task's
   * instance. Its columns are all those the query compares, so that H2 prefers it.
   */
  static final List<String> EVERY_DATABASE = List.of(
      "CREATE INDEX IF NOT EXISTS ms_idx_var_procinst_name ON ACT_RU_VARIABLE (PROC_INST_ID_, NAME_, TYPE_, TASK_ID_)");

  /**
   * Every task query of a user joins {@code ACT_RU_AUTHORIZATION} filtered on {@code PERMS_ &
   * <permission> = <permission>}; without statistics on those expressions PostgreSQL guesses a few
   * dozen matching grants instead of thousands (one per open task of the user's group), compares
   * every task with every grant, and Tasklist's group list took 4–13 s with 100,000 open tasks; with
   * them it looks each task's grant up in the index. PostgreSQL 14 or later; H2 has no such planner.
   * READ on a task (Tasklist, task queries) and READ_TASK on a process definition.
   */
  static final List<String> POSTGRES = List.of(
      "CREATE STATISTICS IF NOT EXISTS ms_auth_perms_read ON ((perms_ & 2)) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS ms_auth_perms_read_task ON ((perms_ & 64)) FROM act_ru_authorization",
      "ANALYZE act_ru_authorization");

  private final DataSource dataSource;

  public EngineQueryTuning(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      DatabaseMetaData meta = c.getMetaData();
      boolean postgres = "PostgreSQL".equals(meta.getDatabaseProductName()) && meta.getDatabaseMajorVersion() >= 14;
      for (String sql : postgres ? concat(EVERY_DATABASE, POSTGRES) : EVERY_DATABASE) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      // another node may be creating the same index, or the schema's owner does not allow it
      LOG.warn("未能创建任务查询的索引或规划统计（查询仍然可用，但待办任务很多时任务列表和快速搜索会变慢）：{}", e.getMessage());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
