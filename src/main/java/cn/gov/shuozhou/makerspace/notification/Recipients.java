package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a user is told: an organisation account on every channel (email and SMS to the contact of
 * {@code ms_organisation}, SMS only while the gateway is configured, and the inbox); staff in the
 * inbox, and by email when their account has an address. Reads past the engine's authorizations:
 * the steps that notify run as whoever completed them.
 */
@Component
class Recipients {

  /** One channel's address of a recipient. */
  record Address(Channel channel, String recipient) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final SmsGateway sms;

  Recipients(JdbcTemplate jdbc, IdentityService identity, SmsGateway sms) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.sms = sms;
  }

  /** The organisation account {@code userId}: its contact's email and phone, then its inbox. */
  List<Address> ofApplicant(String userId) {
    List<Address> addresses = new ArrayList<>();
    jdbc.query("SELECT email, phone FROM ms_organisation WHERE user_id = ?", row -> {
      addresses.add(new Address(Channel.EMAIL, row.getString(1)));
      if (sms.enabled()) {
        addresses.add(new Address(Channel.SMS, row.getString(2)));
      }
    }, userId);
    addresses.add(new Address(Channel.INBOX, userId));
    return addresses;
  }

  /** The staff user {@code userId}: the inbox, and the account's email where it has one. */
  List<Address> ofStaff(String userId) {
    List<Address> addresses = new ArrayList<>(List.of(new Address(Channel.INBOX, userId)));
    User user = WithoutAuthorization.call(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(new Address(Channel.EMAIL, user.getEmail()));
    }
    return addresses;
  }

  Set<String> membersOf(Collection<String> groupIds) {
    Set<String> members = new LinkedHashSet<>();
    for (String group : groupIds) {
      WithoutAuthorization.call(() -> identity.createUserQuery().memberOfGroup(group).list())
          .forEach(u -> members.add(u.getId()));
    }
    return members;
  }
}
