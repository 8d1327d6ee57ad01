package cn.gov.shuozhou.makerspace.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The in-app inbox ({@code ms_inbox}): delivered INBOX notifications, per user. */
@Repository
public class Inbox {

  /** One message as its recipient sees it. */
  public record Item(String id, String subject, String body, Instant createdAt, Instant readAt) {}

  private static final int SHOWN = 200;

  private final JdbcTemplate jdbc;

  public Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's newest messages first. */
  public List<Item> of(String userId) {
    return jdbc.query("SELECT inbox_id, subject, body, created_at, read_at FROM ms_inbox WHERE user_id = ? "
        + "ORDER BY created_at DESC, inbox_id FETCH FIRST " + SHOWN + " ROWS ONLY",
        (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), userId);
  }

  /** Marks one of the user's messages read (again: no change); false when the user has no such message. */
  public boolean markRead(String userId, String id) {
    jdbc.update("UPDATE ms_inbox SET read_at = ? WHERE inbox_id = ? AND user_id = ? AND read_at IS NULL",
        Timestamp.from(Instant.now()), id, userId);
    return !jdbc.queryForList("SELECT 1 FROM ms_inbox WHERE inbox_id = ? AND user_id = ?", id, userId).isEmpty();
  }
}
