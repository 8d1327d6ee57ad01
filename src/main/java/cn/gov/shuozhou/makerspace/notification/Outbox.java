package cn.gov.shuozhou.makerspace.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code ms_outbox}. {@link #add} joins the caller's transaction (the step's), so a
 * notification exists exactly when its step committed. The sender's methods each run on their own
 * (auto-commit): a claim, and each outcome, is committed at once.
 */
@Repository
public class Outbox {

  /** One claimed row. */
  public record Message(String id, String eventKey, Channel channel, String recipient, String userId,
      String subject, String body, int attempts) {}

  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  private static final int MAX_SUBJECT = 200;
  private static final int MAX_BODY = 4000;
  private static final int MAX_ERROR = 500;

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a notification unless this event already went to this recipient on this channel; true when
   * added. The NOT EXISTS keeps the common repeat (a re-created task, a second check) from failing
   * the step; two concurrent writers of the same key still meet the unique constraint, and the
   * engine's optimistic retry of the losing step then finds the row. (The casts: PostgreSQL types
   * an untyped parameter in a SELECT list as text.)
   */
  public boolean add(String eventKey, Channel channel, String recipient, String userId, String subject, String body) {
    Timestamp now = Timestamp.from(Instant.now());
    return jdbc.update("INSERT INTO ms_outbox (outbox_id, event_key, recipient, channel, user_id, subject, body, "
        + "status, attempts, next_attempt_at, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, 0, CAST(? AS TIMESTAMP), "
        + "CAST(? AS TIMESTAMP) FROM (VALUES (1)) one "
        + "WHERE NOT EXISTS (SELECT 1 FROM ms_outbox WHERE event_key = ? AND recipient = ? AND channel = ?)",
        UUID.randomUUID().toString(), eventKey, recipient, channel.name(), userId, cut(subject, MAX_SUBJECT),
        cut(body, MAX_BODY), PENDING, now, now, eventKey, recipient, channel.name()) == 1;
  }

  /**
   * Claims up to {@code limit} rows that are due, or whose lease expired (a node died mid-send), for
   * {@code lease} under a fresh owner id, and returns them. The UPDATE re-checks its condition per
   * row, so two nodes never hold the same row at once.
   */
  List<Message> claim(int limit, Duration lease) {
    String owner = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    String claimable = "((status = '" + PENDING + "' AND next_attempt_at <= ?) OR (status = '" + SENDING
        + "' AND lease_until < ?))";
    jdbc.update("UPDATE ms_outbox SET status = '" + SENDING + "', lease_owner = ?, lease_until = ?, "
        + "attempts = attempts + 1 WHERE " + claimable + " AND outbox_id IN (SELECT outbox_id FROM ms_outbox WHERE "
        + claimable + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY)",
        owner, Timestamp.from(now.toInstant().plus(lease)), now, now, now, now);
    return jdbc.query("SELECT outbox_id, event_key, channel, recipient, user_id, subject, body, attempts "
        + "FROM ms_outbox WHERE lease_owner = ? AND status = '" + SENDING + "'",
        (rs, i) -> new Message(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)), owner);
  }

  /** Marks a sent row; only its current lease holder may. */
  void sent(String id) {
    jdbc.update("UPDATE ms_outbox SET status = '" + SENT + "', sent_at = ?, lease_owner = NULL, lease_until = NULL "
        + "WHERE outbox_id = ? AND status = '" + SENDING + "'", Timestamp.from(Instant.now()), id);
  }

  /** A failed attempt: again after {@code retryIn}, or never ({@code retryIn == null}). */
  void failed(String id, String error, Duration retryIn) {
    Instant now = Instant.now();
    jdbc.update("UPDATE ms_outbox SET status = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL, "
        + "lease_until = NULL WHERE outbox_id = ? AND status = '" + SENDING + "'",
        retryIn == null ? FAILED : PENDING, Timestamp.from(retryIn == null ? now : now.plus(retryIn)),
        cut(error, MAX_ERROR), id);
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() > max ? text.substring(0, max) : text;
  }
}
