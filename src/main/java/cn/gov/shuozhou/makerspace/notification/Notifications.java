package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes notifications into the outbox, in the caller's transaction. An applicant (an organisation
 * account) is told on every channel: email and SMS to the contact of {@code ms_organisation}, and
 * the inbox; staff get the inbox (and email when their account has an address). {@code eventKey}
 * names the event once ("accepted:{instance}", "task-overdue:{task}"): the outbox keeps one row
 * per event, recipient and channel, so repeating a call changes nothing.
 */
@Service
public class Notifications {

  private final Outbox outbox;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final SmsGateway sms;

  public Notifications(Outbox outbox, JdbcTemplate jdbc, IdentityService identity, SmsGateway sms) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.identity = identity;
    this.sms = sms;
  }

  /** To the organisation account {@code userId}: email, SMS (when configured) and inbox. */
  public void toApplicant(String userId, String eventKey, String subject, String body) {
    if (userId == null) {
      return;
    }
    List<String[]> contact = jdbc.query("SELECT email, phone FROM ms_organisation WHERE user_id = ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, userId);
    if (!contact.isEmpty()) {
      outbox.add(eventKey, Channel.EMAIL, contact.get(0)[0], userId, subject, body);
      if (sms.enabled()) {
        outbox.add(eventKey, Channel.SMS, contact.get(0)[1], userId, subject, subject + "：" + body);
      }
    }
    outbox.add(eventKey, Channel.INBOX, userId, userId, subject, body);
  }

  /** To staff users: inbox, and email where their account has one. */
  public void toStaff(Collection<String> userIds, String eventKey, String subject, String body) {
    for (String userId : new LinkedHashSet<>(userIds)) {
      outbox.add(eventKey, Channel.INBOX, userId, userId, subject, body);
      User user = WithoutAuthorization.call(() -> identity.createUserQuery().userId(userId).singleResult());
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        outbox.add(eventKey, Channel.EMAIL, user.getEmail(), userId, subject, body);
      }
    }
  }

  /** The members of the groups. */
  public Set<String> membersOf(Collection<String> groupIds) {
    Set<String> members = new LinkedHashSet<>();
    for (String group : groupIds) {
      WithoutAuthorization.call(() -> identity.createUserQuery().memberOfGroup(group).list())
          .forEach(u -> members.add(u.getId()));
    }
    return members;
  }
}
