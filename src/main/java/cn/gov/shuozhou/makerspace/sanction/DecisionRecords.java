package cn.gov.shuozhou.makerspace.sanction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Decision records of Art. 8–10 (table {@code ms_decision_record}): one row per hearing, written
 * when the notice goes out and completed when the leaders decide. Who, when, the facts, the article,
 * the intended decision, the statement received and the leaders' decision: what the letters are
 * made from. Never deleted.
 */
@Repository
public class DecisionRecords {

  /** One record; the statement and decision fields are null until the leaders decide. */
  public record DecisionRecord(String recordId, String caseRef, String creditCode, String kind, String article,
      String facts, String intendedDecision, String proposedBy, LocalDateTime noticeAt, LocalDateTime statementDueAt,
      String statement, Boolean statementWaived, LocalDateTime statementAt, String leaderDecision,
      String leaderComment, String decidedBy, LocalDateTime decidedAt) {

    /** Whether the operator answered within the period (a statement or an explicit waiver). */
    public boolean statementReceived() {
      return statementAt != null;
    }
  }

  private static final String COLUMNS = "record_id, case_ref, credit_code, kind, article, facts, intended_decision, "
      + "proposed_by, notice_at, statement_due_at, statement_text, statement_waived, statement_at, leader_decision, "
      + "leader_comment, decided_by, decided_at";

  private final JdbcTemplate jdbc;

  public DecisionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The proposal and its notice; a retried step that wrote it already changes nothing. */
  public void notified(String recordId, String caseRef, String creditCode, String kind, String article, String facts,
      String intendedDecision, String proposedBy, LocalDateTime noticeAt, LocalDateTime statementDueAt) {
    jdbc.update("INSERT INTO ms_decision_record (record_id, case_ref, credit_code, kind, article, facts, "
            + "intended_decision, proposed_by, notice_at, statement_due_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM ms_decision_record WHERE record_id = ?)",
        recordId, caseRef, creditCode, kind, article, facts, intendedDecision, proposedBy,
        Timestamp.valueOf(noticeAt), Timestamp.valueOf(statementDueAt), recordId);
  }

  /** The statement received (null time when the period passed) and the leaders' decision. */
  public void decided(String recordId, String statement, Boolean waived, LocalDateTime statementAt,
      String leaderDecision, String leaderComment, String decidedBy, LocalDateTime decidedAt) {
    jdbc.update("UPDATE ms_decision_record SET statement_text = ?, statement_waived = ?, statement_at = ?, "
            + "leader_decision = ?, leader_comment = ?, decided_by = ?, decided_at = ? WHERE record_id = ?",
        statement, waived, statementAt == null ? null : Timestamp.valueOf(statementAt), leaderDecision,
        leaderComment, decidedBy, Timestamp.valueOf(decidedAt), recordId);
  }

  public Optional<DecisionRecord> find(String recordId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_decision_record WHERE record_id = ?", DecisionRecords::map,
        recordId).stream().findFirst();
  }

  /** The records of one case (application or certificate number), oldest first. */
  public List<DecisionRecord> forCase(String caseRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_decision_record WHERE case_ref = ? ORDER BY notice_at, record_id",
        DecisionRecords::map, caseRef);
  }

  private static DecisionRecord map(ResultSet rs, int row) throws SQLException {
    return new DecisionRecord(rs.getString("record_id"), rs.getString("case_ref"), rs.getString("credit_code"),
        rs.getString("kind"), rs.getString("article"), rs.getString("facts"), rs.getString("intended_decision"),
        rs.getString("proposed_by"), time(rs, "notice_at"), time(rs, "statement_due_at"),
        rs.getString("statement_text"), (Boolean) rs.getObject("statement_waived"), time(rs, "statement_at"),
        rs.getString("leader_decision"), rs.getString("leader_comment"), rs.getString("decided_by"),
        time(rs, "decided_at"));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
