package cn.gov.shuozhou.makerspace.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Proposed changes of statutory rules and their decisions (table {@code ms_rule_proposal}). */
@Repository
public class RuleProposals {

  public static final String PROPOSED = "PROPOSED";
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";

  /** A proposal; pending while {@code status} is {@link #PROPOSED}. */
  public record Proposal(
      String id,
      String decisionKey,
      Integer baseVersion,
      Integer rollbackOf,
      String xml,
      String changedCasesJson,
      String status,
      String proposedBy,
      Instant proposedAt,
      String reason,
      String decidedBy,
      Instant decidedAt,
      String decisionReason,
      Integer version,
      String deploymentId) {}

  private final JdbcTemplate jdbc;

  public RuleProposals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String propose(String key, Integer baseVersion, Integer rollbackOf, String xml, String changedCasesJson,
      String user, Instant at, String reason) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ms_rule_proposal (proposal_id, decision_key, base_version, rollback_of, xml, changed_cases,"
            + " status, proposed_by, proposed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, key, baseVersion, rollbackOf, xml, changedCasesJson, PROPOSED, user, Timestamp.from(at), reason);
    return id;
  }

  public Optional<Proposal> find(String key, String id) {
    return jdbc.query("SELECT * FROM ms_rule_proposal WHERE decision_key = ? AND proposal_id = ?",
        RuleProposals::map, key, id).stream().findFirst();
  }

  public Optional<Proposal> pending(String key) {
    return jdbc.query("SELECT * FROM ms_rule_proposal WHERE decision_key = ? AND status = ?",
        RuleProposals::map, key, PROPOSED).stream().findFirst();
  }

  /** Every proposal of the key, newest first. */
  public List<Proposal> all(String key) {
    return jdbc.query("SELECT * FROM ms_rule_proposal WHERE decision_key = ? ORDER BY proposed_at DESC",
        RuleProposals::map, key);
  }

  /** Who proposed or decided a change, of any key. */
  public List<String> people() {
    return jdbc.queryForList("SELECT proposed_by FROM ms_rule_proposal"
        + " UNION SELECT decided_by FROM ms_rule_proposal WHERE decided_by IS NOT NULL", String.class);
  }

  /** Records the decision of a pending proposal; false when it was decided meanwhile. */
  public boolean decide(String id, String status, String user, Instant at, String reason, Integer version,
      String deploymentId) {
    return jdbc.update("UPDATE ms_rule_proposal SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,"
            + " version = ?, deployment_id = ? WHERE proposal_id = ? AND status = ?",
        status, user, Timestamp.from(at), reason, version, deploymentId, id, PROPOSED) == 1;
  }

  private static Proposal map(ResultSet rs, int row) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new Proposal(rs.getString("proposal_id"), rs.getString("decision_key"),
        (Integer) rs.getObject("base_version", Integer.class), (Integer) rs.getObject("rollback_of", Integer.class),
        rs.getString("xml"), rs.getString("changed_cases"), rs.getString("status"), rs.getString("proposed_by"),
        rs.getTimestamp("proposed_at").toInstant(), rs.getString("reason"), rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"),
        (Integer) rs.getObject("version", Integer.class), rs.getString("deployment_id"));
  }
}
