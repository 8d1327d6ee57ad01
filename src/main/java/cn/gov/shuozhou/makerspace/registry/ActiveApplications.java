package cn.gov.shuozhou.makerspace.registry;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One application in progress per credit code. The primary key on the credit code makes two
 * simultaneous applications of one operator impossible: the second insert fails and its start
 * rolls back. A reservation belongs to one process instance and is released by that instance
 * only, so no other case (not even one with the same number) can free it.
 */
@Repository
public class ActiveApplications {

  private final JdbcTemplate jdbc;

  public ActiveApplications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean inProgress(String creditCode) {
    return !jdbc.queryForList("SELECT 1 FROM ms_active_application WHERE credit_code = ?",
        Integer.class, creditCode).isEmpty();
  }

  public Optional<String> creditCodeOf(String processInstanceId) {
    return jdbc.queryForList("SELECT credit_code FROM ms_active_application WHERE process_instance_id = ?",
        String.class, processInstanceId).stream().findFirst();
  }

  public void open(String creditCode, String applicationNumber, String processInstanceId) {
    jdbc.update("INSERT INTO ms_active_application (credit_code, application_number, process_instance_id) "
        + "VALUES (?, ?, ?)", creditCode, applicationNumber, processInstanceId);
  }

  /**
   * Releases the reservation of this instance. Rows written before reservations recorded their
   * instance (process_instance_id null) are released by their number, as then.
   */
  public void close(String processInstanceId, String applicationNumber) {
    jdbc.update("DELETE FROM ms_active_application WHERE process_instance_id = ? "
        + "OR (process_instance_id IS NULL AND application_number = ?)", processInstanceId, applicationNumber);
  }
}
