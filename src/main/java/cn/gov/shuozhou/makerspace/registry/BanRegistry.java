package cn.gov.shuozhou.makerspace.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Art. 9: credit codes that may not apply until a date (table {@code ms_ban}). */
@Repository
public class BanRegistry {

  public record Ban(String creditCode, LocalDate bannedFrom, LocalDate bannedUntil, String reason, String sourceRef) {}

  private final JdbcTemplate jdbc;

  public BanRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a ban once per source (application or certificate number); repeating it changes nothing. */
  public void ban(String creditCode, LocalDate from, LocalDate until, String reason, String sourceRef) {
    jdbc.update("INSERT INTO ms_ban (source_ref, credit_code, banned_from, banned_until, reason) "
            + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ms_ban WHERE source_ref = ?)",
        sourceRef, creditCode, Date.valueOf(from), Date.valueOf(until), reason, sourceRef);
  }

  /** The ban in force on the given day (the last day of a ban is {@code bannedUntil - 1}). */
  public Optional<Ban> activeBan(String creditCode, LocalDate day) {
    return jdbc.query("SELECT credit_code, banned_from, banned_until, reason, source_ref FROM ms_ban "
            + "WHERE credit_code = ? AND banned_from <= ? AND banned_until > ? ORDER BY banned_until DESC",
        (rs, i) -> new Ban(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
            rs.getString(4), rs.getString(5)),
        creditCode, Date.valueOf(day), Date.valueOf(day)).stream().findFirst();
  }
}
