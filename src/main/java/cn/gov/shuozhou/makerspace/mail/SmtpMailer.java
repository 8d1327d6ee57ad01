package cn.gov.shuozhou.makerspace.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

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

  /** With Message-ID {@code <id@from's domain>} instead of a random one. */
  @Override
  public void send(String to, String subject, String text, String id) {
    String domain = from.substring(from.indexOf('@') + 1);
    MimeMessage message = new MimeMessage((Session) null) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + id + "@" + domain + ">");
      }
    };
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text);
      sender.send(message);
    } catch (MessagingException | MailException e) {
      throw new MailUnavailableException("邮件暂时无法发送，请稍后重试", e);
    }
  }
}
