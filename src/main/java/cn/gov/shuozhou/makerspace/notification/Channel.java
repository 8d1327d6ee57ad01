package cn.gov.shuozhou.makerspace.notification;

/** How a notification reaches its recipient; the outbox's {@code recipient} is the channel's address. */
public enum Channel {
  /** {@code recipient} is a mail address; sent through {@code mail/Mailer}. */
  EMAIL,
  /** {@code recipient} is a mobile number; sent through the {@link SmsGateway}. */
  SMS,
  /** {@code recipient} is a user id; delivered into {@code ms_inbox}. */
  INBOX
}
