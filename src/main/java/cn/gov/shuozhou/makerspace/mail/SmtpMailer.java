package cn.gov.shuozhou.makerspace.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail through the SMTP server of {@code spring.mail.*}, from {@code makerspace.mail.from}. */
class SmtpMailer implements Mailer {

  private final JavaMailSender sender;
  private final String from;

  SmtpMailer(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(String to, String subject, String text) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(text);
    try {
      sender.send(message);
    } catch (MailException e) {
      throw new MailUnavailableException("邮件暂时无法发送，请稍后重试", e);
    }
  }
}
