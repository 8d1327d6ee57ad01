package cn.gov.shuozhou.makerspace.registry;

import java.sql.DatabaseMetaData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Gap-free named counters in table {@code ms_sequence}. Call inside the engine's transaction: the
 * increment locks the row until commit, so two allocations never see the same value and a rolled
 * back allocation leaves no gap.
 */
@Component
public class NumberSequence {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public NumberSequence(JdbcTemplate jdbc) throws Exception {
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
        DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  public long next(String name) {
    ensureRow(name);
    jdbc.update("UPDATE ms_sequence SET next_value = next_value + 1 WHERE seq_name = ?", name);
    Long value = jdbc.queryForObject("SELECT next_value FROM ms_sequence WHERE seq_name = ?", Long.class, name);
    return value;
  }

  private void ensureRow(String name) {
    if (postgres) {
      // A failed insert would abort a PostgreSQL transaction, so let the database skip it.
      jdbc.update("INSERT INTO ms_sequence (seq_name, next_value) VALUES (?, 0) ON CONFLICT (seq_name) DO NOTHING", name);
      return;
    }
    try {
      jdbc.update("INSERT INTO ms_sequence (seq_name, next_value) SELECT ?, 0 WHERE NOT EXISTS "
          + "(SELECT 1 FROM ms_sequence WHERE seq_name = ?)", name, name);
    } catch (DuplicateKeyException concurrentlyCreated) {
      // another transaction created it first: fine, the update below waits for its lock
    }
  }
}
