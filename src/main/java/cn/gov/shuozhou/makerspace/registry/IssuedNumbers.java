package cn.gov.shuozhou.makerspace.registry;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application numbers the system issued (table {@code ms_application}). Its unique constraints
 * refuse a number, a year's sequence value or an instance recorded twice.
 */
@Repository
public class IssuedNumbers {

  private final JdbcTemplate jdbc;

  public IssuedNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the number; throws {@link org.springframework.dao.DuplicateKeyException} when it was issued before. */
  public void record(String applicationNumber, int year, long sequence, String processInstanceId) {
    jdbc.update("INSERT INTO ms_application (application_number, app_year, app_seq, process_instance_id, issued_at) "
        + "VALUES (?, ?, ?, ?, ?)", applicationNumber, year, sequence, processInstanceId, Timestamp.from(Instant.now()));
  }
}
