package cn.gov.shuozhou.makerspace.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
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

  /** The organisation this user acts for; empty for users of no organisation. */
  public Optional<Organisation> find(String userId) {
    return jdbc.query("SELECT * FROM ms_organisation WHERE user_id = ?", (rs, row) -> organisation(rs), userId)
        .stream().findFirst();
  }

  public boolean creditCodeTaken(String creditCode) {
    return !jdbc.queryForList("SELECT 1 FROM ms_organisation WHERE credit_code = ?", Integer.class, creditCode)
        .isEmpty();
  }

  /** An account as administrators see it: the organisation and whether the account is disabled, since when. */
  public record Account(Organisation organisation, Instant createdAt, boolean disabled, Instant disabledAt) {}

  /** The accounts of the given counties (all for {@code null}), by county and organisation name. */
  public List<Account> accounts(Collection<String> counties) {
    if (counties != null && counties.isEmpty()) {
      return List.of();
    }
    String where = counties == null ? "" : " WHERE o.county IN (" + String.join(", ", Collections.nCopies(counties.size(), "?")) + ")";
    return jdbc.query("SELECT o.*, d.disabled_at FROM ms_organisation o LEFT JOIN ms_organisation_disabled d "
        + "ON d.user_id = o.user_id" + where + " ORDER BY o.county, o.organisation_name, o.user_id",
        (rs, row) -> {
          Timestamp disabledAt = rs.getTimestamp("disabled_at");
          return new Account(organisation(rs), rs.getTimestamp("created_at").toInstant(),
              disabledAt != null, disabledAt == null ? null : disabledAt.toInstant());
        }, counties == null ? new Object[0] : counties.toArray());
  }

  private static Organisation organisation(ResultSet rs) throws SQLException {
    return new Organisation(rs.getString("user_id"), rs.getString("credit_code"), rs.getString("organisation_name"),
        rs.getString("contact_name"), rs.getString("phone"), rs.getString("email"), rs.getString("county"));
  }

  public boolean exists(String userId) {
    return creditCodeOf(userId).isPresent();
  }

  /** True while an administrator has disabled the account: it cannot log in anywhere. */
  public boolean isDisabled(String userId) {
    return !jdbc.queryForList("SELECT 1 FROM ms_organisation_disabled WHERE user_id = ?", Integer.class, userId)
        .isEmpty();
  }

  /** Marks the account disabled (once; a second time changes nothing). */
  void disable(String userId, String disabledBy) {
    lock(userId);
    if (!isDisabled(userId)) {
      jdbc.update("INSERT INTO ms_organisation_disabled (user_id, disabled_by, disabled_at) VALUES (?, ?, ?)",
          userId, disabledBy, Timestamp.from(Instant.now()));
    }
  }

  void enable(String userId) {
    lock(userId);
    jdbc.update("DELETE FROM ms_organisation_disabled WHERE user_id = ?", userId);
  }

  /**
   * Holds the organisation's row until the transaction ends: two administrators (or one double click)
   * disabling or enabling one account at once take turns, so the second sees what the first did
   * instead of inserting the same row again (a duplicate key, HTTP 500).
   */
  private void lock(String userId) {
    jdbc.queryForList("SELECT user_id FROM ms_organisation WHERE user_id = ? FOR UPDATE", String.class, userId);
  }

  /** Inserts the row; throws {@link org.springframework.dao.DuplicateKeyException} when the user or code is taken. */
  public void insert(Organisation o, String createdBy) {
    jdbc.update("INSERT INTO ms_organisation (user_id, credit_code, organisation_name, contact_name, phone, email, "
        + "county, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.userId(), o.creditCode(),
        o.organisationName(), o.contactName(), o.phone(), o.email(), o.county(), createdBy,
        Timestamp.from(Instant.now()));
  }
}
