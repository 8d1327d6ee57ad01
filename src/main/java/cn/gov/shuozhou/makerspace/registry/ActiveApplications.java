package cn.gov.shuozhou.makerspace.registry;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One application in progress per space (Art. 2, 4, 5: a space, not an operator, is certified;
 * one operator may run applications for several spaces at once). The primary key on the space key
 * makes two simultaneous applications for one space impossible: the second insert fails and its
 * start rolls back. A reservation belongs to one process instance and is released by that
 * instance only, so no other case (not even one with the same number) can free it.
 */
@Repository
public class ActiveApplications {

  private final JdbcTemplate jdbc;

  public ActiveApplications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean inProgress(Space space) {
    return !jdbc.queryForList("SELECT 1 FROM ms_space_application WHERE space_key = ?",
        Integer.class, space.key()).isEmpty();
  }

  /** What an instance reserved: the space's key and its operator's credit code. */
  public record Reservation(String spaceKey, String creditCode) {}

  public Optional<Reservation> reservationOf(String processInstanceId) {
    return jdbc.query("SELECT space_key, credit_code FROM ms_space_application WHERE process_instance_id = ?",
        (rs, row) -> new Reservation(rs.getString(1), rs.getString(2)), processInstanceId).stream().findFirst();
  }

  /** Reserves the space; throws {@link org.springframework.dao.DuplicateKeyException} when it is reserved already. */
  public void open(Space space, String applicationNumber, String processInstanceId) {
    jdbc.update("INSERT INTO ms_space_application (space_key, credit_code, application_number, process_instance_id) "
        + "VALUES (?, ?, ?, ?)", space.key(), space.creditCode(), applicationNumber, processInstanceId);
  }

  /**
   * Releases the reservation of this instance. Rows written before reservations recorded their
   * instance (process_instance_id null) are released by their number, as then.
   */
  public void close(String processInstanceId, String applicationNumber) {
    jdbc.update("DELETE FROM ms_space_application WHERE process_instance_id = ? "
        + "OR (process_instance_id IS NULL AND application_number = ?)", processInstanceId, applicationNumber);
  }
}
