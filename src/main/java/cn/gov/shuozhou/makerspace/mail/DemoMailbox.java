package cn.gov.shuozhou.makerspace.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo profile's mail "server": mails are kept in {@code ms_demo_mail} and shown to the system
 * administrator on {@code /mailbox/}, so that the demo needs no mail server. Never outside the demo.
 */
public class DemoMailbox implements Mailer {

  /** One kept mail. */
  public record Mail(String id, String recipient, String subject, String body, Instant sentAt) {}

  private static final int MAX_BODY = 4000;

  private final JdbcTemplate jdbc;

  public DemoMailbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void send(String to, String subject, String text) {
    jdbc.update("INSERT INTO ms_demo_mail (mail_id, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), to, subject, text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text,
        Timestamp.from(Instant.now()));
  }

  /** The newest mails first. */
  public List<Mail> latest(int limit) {
    return jdbc.query("SELECT mail_id, recipient, subject, body, sent_at FROM ms_demo_mail ORDER BY sent_at DESC "
        + "FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> new Mail(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
  }
}
