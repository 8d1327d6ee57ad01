package cn.gov.shuozhou.makerspace.mail;

/** Sends one plain-text mail; fails with {@link MailUnavailableException} when it cannot. */
public interface Mailer {

  void send(String to, String subject, String text);
}
