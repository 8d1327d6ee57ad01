package cn.gov.shuozhou.makerspace.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Our own tables of the rules feature ({@code schema.sql}): who activated which version and why,
 * the packaged file last seen per key, and release conflicts.
 */
@Repository
public class RuleRecords {

  /** Where a version came from. */
  public static final String SOURCE_RELEASE = "release";
  public static final String SOURCE_RULE_ADMIN = "rule-admin";
  public static final String SOURCE_ROLLBACK = "rollback";

  public static final String KEEP_ADMIN = "keep-admin";
  public static final String TAKE_PACKAGED = "take-packaged";

  private final JdbcTemplate jdbc;

  public RuleRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ versions

  /** One activated version of a rule. */
  public record VersionRecord(
      String deploymentId,
      String decisionKey,
      int version,
      String decisionDefinitionId,
      String source,
      String activatedBy,
      Instant activatedAt,
      String reason,
      String checksum,
      Integer rollbackOf,
      String changedCasesJson) {}

  public void insertVersion(VersionRecord record) {
    jdbc.update("INSERT INTO ms_rule_version (deployment_id, decision_key, version, decision_definition_id, source,"
            + " activated_by, activated_at, reason, checksum, rollback_of, changed_cases)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        record.deploymentId(), record.decisionKey(), record.version(), record.decisionDefinitionId(),
        record.source(), record.activatedBy(), Timestamp.from(record.activatedAt()), record.reason(),
        record.checksum(), record.rollbackOf(), record.changedCasesJson());
  }

  /** The records of a key by deployment id. */
  public Map<String, VersionRecord> versions(String decisionKey) {
    return jdbc.query("SELECT * FROM ms_rule_version WHERE decision_key = ?", RuleRecords::version, decisionKey)
        .stream().collect(Collectors.toMap(VersionRecord::deploymentId, Function.identity(), (a, b) -> a));
  }

  /** Who activated a version or resolved a conflict, of any key. */
  public List<String> people() {
    return jdbc.queryForList("SELECT activated_by FROM ms_rule_version WHERE activated_by IS NOT NULL"
        + " UNION SELECT resolved_by FROM ms_rule_conflict WHERE resolved_by IS NOT NULL", String.class);
  }

  private static VersionRecord version(ResultSet rs, int row) throws SQLException {
    int rollbackOf = rs.getInt("rollback_of");
    return new VersionRecord(
        rs.getString("deployment_id"), rs.getString("decision_key"), rs.getInt("version"),
        rs.getString("decision_definition_id"), rs.getString("source"), rs.getString("activated_by"),
        rs.getTimestamp("activated_at").toInstant(), rs.getString("reason"), rs.getString("checksum"),
        rs.wasNull() ? null : rollbackOf, rs.getString("changed_cases"));
  }

  // ------------------------------------------------------------------ packaged files seen, per-key lock

  /**
   * Makes sure the key has its row in {@code ms_rule_packaged} (checksum empty until a packaged file
   * is seen). Call outside the transaction that will {@link #lockKey lock} it; a concurrent insert
   * by another node is ignored.
   */
  public void ensureKeyRow(String decisionKey, Instant at) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM ms_rule_packaged WHERE decision_key = ?",
        Integer.class, decisionKey);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      jdbc.update("INSERT INTO ms_rule_packaged (decision_key, checksum, seen_at) VALUES (?, '', ?)",
          decisionKey, Timestamp.from(at));
    } catch (DataIntegrityViolationException concurrentInsert) {
      // another node inserted it first
    }
  }

  /**
   * Locks the key's row until the current transaction ends, so that deciding "which version is
   * active" and deploying the next one happen one at a time per key, across nodes.
   */
  public void lockKey(String decisionKey) {
    List<String> locked = jdbc.queryForList(
        "SELECT decision_key FROM ms_rule_packaged WHERE decision_key = ? FOR UPDATE", String.class, decisionKey);
    if (locked.isEmpty()) {
      throw new IllegalStateException("no ms_rule_packaged row for " + decisionKey + ": call ensureKeyRow first");
    }
  }

  /** The checksum of the packaged file last seen for the key, if any. */
  public Optional<String> packagedChecksumSeen(String decisionKey) {
    return jdbc.queryForList("SELECT checksum FROM ms_rule_packaged WHERE decision_key = ?", String.class, decisionKey)
        .stream().filter(checksum -> checksum != null && !checksum.isEmpty()).findFirst();
  }

  public void packagedSeen(String decisionKey, String checksum, Instant at) {
    int updated = jdbc.update("UPDATE ms_rule_packaged SET checksum = ?, seen_at = ? WHERE decision_key = ?",
        checksum, Timestamp.from(at), decisionKey);
    if (updated == 0) {
      jdbc.update("INSERT INTO ms_rule_packaged (decision_key, checksum, seen_at) VALUES (?, ?, ?)",
          decisionKey, checksum, Timestamp.from(at));
    }
  }

  // ------------------------------------------------------------------ conflicts

  /** A release conflict; open while {@code resolvedAt} is null. */
  public record ConflictRecord(
      String id,
      String decisionKey,
      String packagedChecksum,
      int adminVersion,
      Instant detectedAt,
      String message,
      Instant resolvedAt,
      String resolvedBy,
      String resolution,
      String resolutionReason) {}

  public Optional<ConflictRecord> openConflict(String decisionKey) {
    return jdbc.query("SELECT * FROM ms_rule_conflict WHERE decision_key = ? AND resolved_at IS NULL"
            + " ORDER BY detected_at DESC", RuleRecords::conflict, decisionKey)
        .stream().findFirst();
  }

  public List<ConflictRecord> conflicts(String decisionKey) {
    return jdbc.query("SELECT * FROM ms_rule_conflict WHERE decision_key = ? ORDER BY detected_at DESC",
        RuleRecords::conflict, decisionKey);
  }

  /** Opens a conflict, or updates the open one of the key to the newest packaged file. */
  public ConflictRecord recordConflict(String decisionKey, String packagedChecksum, int adminVersion,
      String message, Instant at) {
    Optional<ConflictRecord> open = openConflict(decisionKey);
    if (open.isPresent()) {
      ConflictRecord current = open.get();
      if (current.packagedChecksum().equals(packagedChecksum) && current.adminVersion() == adminVersion) {
        return current;
      }
      jdbc.update("UPDATE ms_rule_conflict SET packaged_checksum = ?, admin_version = ?, detected_at = ?, message = ?"
          + " WHERE conflict_id = ?", packagedChecksum, adminVersion, Timestamp.from(at), message, current.id());
      return openConflict(decisionKey).orElseThrow();
    }
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ms_rule_conflict (conflict_id, decision_key, packaged_checksum, admin_version,"
        + " detected_at, message) VALUES (?, ?, ?, ?, ?, ?)",
        id, decisionKey, packagedChecksum, adminVersion, Timestamp.from(at), message);
    return openConflict(decisionKey).orElseThrow();
  }

  public void resolveConflict(String conflictId, String user, String resolution, String reason, Instant at) {
    jdbc.update("UPDATE ms_rule_conflict SET resolved_at = ?, resolved_by = ?, resolution = ?, resolution_reason = ?"
        + " WHERE conflict_id = ? AND resolved_at IS NULL", Timestamp.from(at), user, resolution, reason, conflictId);
  }

  private static ConflictRecord conflict(ResultSet rs, int row) throws SQLException {
    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
    return new ConflictRecord(
        rs.getString("conflict_id"), rs.getString("decision_key"), rs.getString("packaged_checksum"),
        rs.getInt("admin_version"), rs.getTimestamp("detected_at").toInstant(), rs.getString("message"),
        resolvedAt == null ? null : resolvedAt.toInstant(), rs.getString("resolved_by"),
        rs.getString("resolution"), rs.getString("resolution_reason"));
  }
}
