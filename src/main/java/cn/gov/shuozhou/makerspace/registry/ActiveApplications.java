package cn.gov.shuozhou.makerspace.registry;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One application in progress per credit code. The primary key on the credit code makes two
 * simultaneous applications of one operator impossible: the second insert fails and its start
 * rolls back.
 */
@Repository
public class ActiveApplications {

  private final JdbcTemplate jdbc;

  public ActiveApplications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> inProgress(String creditCode) {
    return jdbc.queryForList("SELECT application_number FROM ms_active_application WHERE credit_code = ?",
        String.class, creditCode).stream().findFirst();
  }

  public Optional<String> creditCodeOf(String applicationNumber) {
    return jdbc.queryForList("SELECT credit_code FROM ms_active_application WHERE application_number = ?",
        String.class, applicationNumber).stream().findFirst();
  }

  public void open(String creditCode, String applicationNumber) {
    jdbc.update("INSERT INTO ms_active_application (credit_code, application_number) VALUES (?, ?)",
        creditCode, applicationNumber);
  }

  public void close(String applicationNumber) {
    jdbc.update("DELETE FROM ms_active_application WHERE application_number = ?", applicationNumber);
  }
}
