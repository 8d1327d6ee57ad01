package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.mail.Mailer;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on every node ({@code @Scheduled}, not the engine's job executor: sending is no
 * step of a case and must not hold engine jobs). Each round claims a batch under a lease, sends
 * each row and marks it SENT at once in its own statement; a failure is retried after
 * {@code backoff × 2^(attempts-1)} (at most {@code max-backoff}) until {@code max-attempts}, then
 * FAILED. A node killed between sending and marking leaves the row SENDING: once its lease has
 * expired another round sends it again (the one duplicate window, docs/notifications.md).
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final Mailer mailer;
  private final SmsGateway sms;
  private final JdbcTemplate jdbc;
  private final int batch;
  private final Duration lease;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final int maxAttempts;

  public OutboxSender(Outbox outbox, Mailer mailer, SmsGateway sms, JdbcTemplate jdbc,
      @Value("${makerspace.notifications.batch:50}") int batch,
      @Value("${makerspace.notifications.lease:PT2M}") Duration lease,
      @Value("${makerspace.notifications.backoff:PT30S}") Duration backoff,
      @Value("${makerspace.notifications.max-backoff:PT6H}") Duration maxBackoff,
      @Value("${makerspace.notifications.max-attempts:12}") int maxAttempts) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.sms = sms;
    this.jdbc = jdbc;
    this.batch = batch;
    this.lease = lease;
    this.backoff = backoff;
    this.maxBackoff = maxBackoff;
    this.maxAttempts = maxAttempts;
  }

  @Scheduled(fixedDelayString = "${makerspace.notifications.interval:PT5S}",
      initialDelayString = "${makerspace.notifications.interval:PT5S}")
  public void drain() {
    List<Outbox.Message> claimed;
    do {
      claimed = outbox.claim(batch, lease);
      claimed.forEach(this::deliver);
    } while (claimed.size() == batch);
  }

  private void deliver(Outbox.Message message) {
    try {
      switch (message.channel()) {
        case EMAIL -> mailer.send(message.recipient(), message.subject(), message.body(), message.id());
        case SMS -> sms.send(message.id(), message.recipient(), message.body());
        case INBOX -> jdbc.update("INSERT INTO ms_inbox (inbox_id, user_id, subject, body, created_at) "
            + "SELECT ?, ?, ?, ?, created_at FROM ms_outbox WHERE outbox_id = ? "
            + "AND NOT EXISTS (SELECT 1 FROM ms_inbox WHERE inbox_id = ?)",
            message.id(), message.recipient(), message.subject(), message.body(), message.id(), message.id());
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Duration retryIn = message.attempts() >= maxAttempts ? null : backoffAfter(message.attempts());
      LOG.warn("Notification {} ({} to {}) failed, attempt {}: {}", message.id(), message.channel(),
          message.recipient(), message.attempts(), e.toString());
      outbox.failed(message.id(), e.toString(), retryIn);
      return;
    }
    outbox.sent(message.id());
  }

  /** {@code backoff × 2^(attempts-1)}, capped. */
  Duration backoffAfter(int attempts) {
    Duration next = backoff.multipliedBy(1L << Math.min(attempts - 1, 30));
    return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
  }
}
