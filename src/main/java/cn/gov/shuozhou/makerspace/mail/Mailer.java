package cn.gov.shuozhou.makerspace.mail;

/** Sends one plain-text mail; fails with {@link MailUnavailableException} when it cannot. */
public interface Mailer {

  void send(String to, String subject, String text);

  /**
   * The same with a stable id (the notification outbox's row id), carried as the SMTP Message-ID
   * where the transport has one, so that a re-sent notification is recognisable as the same mail.
   */
  default void send(String to, String subject, String text, String id) {
    send(to, subject, text);
  }
}
