package cn.gov.shuozhou.makerspace.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The in-app inbox ({@code ms_inbox}): delivered INBOX notifications, per user. */
@Repository
public class Inbox {

  /**
   * One message as its recipient sees it; {@code taskId}: the task it is about (a new, due or overdue
   * task), where the recipient can still open it ({@link InboxController}), else null.
   */
  public record Item(String id, String subject, String body, Instant createdAt, Instant readAt, String taskId) {

    Item withTaskId(String task) {
      return new Item(id, subject, body, createdAt, readAt, task);
    }
  }

  /** The events about one task (NotifiedSteps, DueTaskCheck): {@code task:<id>}, {@code task-overdue:<id>}… */
  private static final Pattern TASK_EVENT = Pattern.compile("task(-due-soon|-overdue|-escalated)?:(.+)");

  private static final int SHOWN = 200;

  private final JdbcTemplate jdbc;

  public Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's newest messages first, each with the task its event names (the outbox row it came from). */
  public List<Item> of(String userId) {
    return jdbc.query("SELECT i.inbox_id, i.subject, i.body, i.created_at, i.read_at, o.event_key FROM ms_inbox i "
        + "LEFT JOIN ms_outbox o ON o.outbox_id = i.inbox_id WHERE i.user_id = ? "
        + "ORDER BY i.created_at DESC, i.inbox_id FETCH FIRST " + SHOWN + " ROWS ONLY",
        (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), taskOf(rs.getString(6))), userId);
  }

  private static String taskOf(String eventKey) {
    Matcher task = eventKey == null ? null : TASK_EVENT.matcher(eventKey);
    return task != null && task.matches() ? task.group(2) : null;
  }

  /** Marks one of the user's messages read (again: no change); false when the user has no such message. */
  public boolean markRead(String userId, String id) {
    jdbc.update("UPDATE ms_inbox SET read_at = ? WHERE inbox_id = ? AND user_id = ? AND read_at IS NULL",
        Timestamp.from(Instant.now()), id, userId);
    return !jdbc.queryForList("SELECT 1 FROM ms_inbox WHERE inbox_id = ? AND user_id = ?", id, userId).isEmpty();
  }
}
