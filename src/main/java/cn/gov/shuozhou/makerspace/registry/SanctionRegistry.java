package cn.gov.shuozhou.makerspace.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Warnings, rectification orders and revocations of certified spaces (table {@code ms_sanction}),
 * the record that Art. 10's "sanctioned by severity" leaves behind. Never deleted.
 */
@Repository
public class SanctionRegistry {

  /**
   * One decision. {@code sanctionId} identifies the decision in the process (the activity instance
   * that recorded it), so recording the same decision twice changes nothing; {@code cause} is a code
   * such as {@code VIOLATION} or {@code ASSESSMENT_UNQUALIFIED}.
   */
  public record Sanction(String sanctionId, String certificateNumber, String creditCode, SanctionKind kind,
      String cause, LocalDate decidedOn, LocalDateTime recordedAt, String reason, String note,
      String processInstanceId) {}

  private static final String COLUMNS = "sanction_id, certificate_number, credit_code, kind, cause, decided_on, "
      + "recorded_at, reason, note, process_instance_id";

  private final JdbcTemplate jdbc;

  public SanctionRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Sanction s) {
    jdbc.update("INSERT INTO ms_sanction (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM ms_sanction WHERE sanction_id = ?)",
        s.sanctionId(), s.certificateNumber(), s.creditCode(), s.kind().name(), s.cause(),
        Date.valueOf(s.decidedOn()), Timestamp.valueOf(s.recordedAt()), s.reason(), s.note(),
        s.processInstanceId(), s.sanctionId());
  }

  /** The sanctions of one certificate, oldest first. */
  public List<Sanction> forCertificate(String certificateNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_sanction WHERE certificate_number = ? "
        + "ORDER BY recorded_at, sanction_id", SanctionRegistry::map, certificateNumber);
  }

  private static Sanction map(ResultSet rs, int row) throws SQLException {
    return new Sanction(rs.getString("sanction_id"), rs.getString("certificate_number"),
        rs.getString("credit_code"), SanctionKind.valueOf(rs.getString("kind")), rs.getString("cause"),
        rs.getDate("decided_on").toLocalDate(), rs.getTimestamp("recorded_at").toLocalDateTime(),
        rs.getString("reason"), rs.getString("note"), rs.getString("process_instance_id"));
  }
}
