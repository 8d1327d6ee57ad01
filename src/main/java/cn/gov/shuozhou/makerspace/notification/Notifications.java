package cn.gov.shuozhou.makerspace.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Writes notifications into the outbox, in the caller's transaction, on each channel that
 * {@link Recipients} names for the user. {@code eventKey}
 * names the event once ("accepted:{instance}", "task-overdue:{task}"): the outbox keeps one row
 * per event, recipient and channel, so repeating a call changes nothing.
 */
@Service
public class Notifications {

  private final Outbox outbox;
  private final Recipients recipients;

  public Notifications(Outbox outbox, Recipients recipients) {
    this.outbox = outbox;
    this.recipients = recipients;
  }

  /** To the organisation account {@code userId}: email, SMS (when configured) and inbox. */
  public void toApplicant(String userId, String eventKey, String subject, String body) {
    if (userId != null) {
      add(userId, recipients.ofApplicant(userId), eventKey, subject, body);
    }
  }

  /** To staff users: inbox, and email where their account has one. */
  public void toStaff(Collection<String> userIds, String eventKey, String subject, String body) {
    for (String userId : new LinkedHashSet<>(userIds)) {
      add(userId, recipients.ofStaff(userId), eventKey, subject, body);
    }
  }

  /** The members of the groups. */
  public Set<String> membersOf(Collection<String> groupIds) {
    return recipients.membersOf(groupIds);
  }

  private void add(String userId, List<Recipients.Address> addresses, String eventKey, String subject, String body) {
    for (Recipients.Address to : addresses) {
      // an SMS has no subject line: its text starts with it
      String text = to.channel() == Channel.SMS ? subject + "：" + body : body;
      outbox.add(eventKey, to.channel(), to.recipient(), userId, subject, text);
    }
  }
}
