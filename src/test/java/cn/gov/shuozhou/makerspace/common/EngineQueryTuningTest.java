package cn.gov.shuozhou.makerspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link EngineQueryTuning} on H2: the index for 快速搜索 exists once the application has started.
 * Which plan H2 then chooses depends on the rows there are; with 1,000 open tasks it looks each
 * task's instance up in this index (the render benchmark, docs/performance.md section 9).
 */
class EngineQueryTuningTest extends AbstractHttpTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theQuickSearchIndexIsCreatedOnStart() {
    assertThat(jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
        + " WHERE TABLE_NAME = 'ACT_RU_VARIABLE' AND INDEX_NAME = 'MS_IDX_VAR_PROCINST_NAME' ORDER BY ORDINAL_POSITION",
        String.class)).containsExactly("PROC_INST_ID_", "NAME_", "TYPE_", "TASK_ID_");
  }
}
