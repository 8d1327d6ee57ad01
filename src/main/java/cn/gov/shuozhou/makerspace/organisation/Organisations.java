package cn.gov.shuozhou.makerspace.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code ms_organisation}: one row per organisation account, unique by user and by credit code. */
@Repository
public class Organisations {

  private final JdbcTemplate jdbc;

  public Organisations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The credit code of the organisation this user acts for; empty for users of no organisation. */
  public Optional<String> creditCodeOf(String userId) {
    return jdbc.queryForList("SELECT credit_code FROM ms_organisation WHERE user_id = ?", String.class, userId)
        .stream().findFirst();
  }

  public boolean creditCodeTaken(String creditCode) {
    return !jdbc.queryForList("SELECT 1 FROM ms_organisation WHERE credit_code = ?", Integer.class, creditCode)
        .isEmpty();
  }

  /** Inserts the row; throws {@link org.springframework.dao.DuplicateKeyException} when the user or code is taken. */
  public void insert(Organisation o, String createdBy) {
    jdbc.update("INSERT INTO ms_organisation (user_id, credit_code, organisation_name, contact_name, phone, email, "
        + "county, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.userId(), o.creditCode(),
        o.organisationName(), o.contactName(), o.phone(), o.email(), o.county(), createdBy,
        Timestamp.from(Instant.now()));
  }
}
