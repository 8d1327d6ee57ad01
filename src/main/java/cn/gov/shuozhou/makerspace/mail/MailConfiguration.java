package cn.gov.shuozhou.makerspace.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Which {@link Mailer} runs: SMTP when {@code spring.mail.host} is set (production, tests with
 * their SMTP server); otherwise, in the demo profile, the administrator's {@link DemoMailbox};
 * otherwise none, and every step that must send mail answers 503 until SMTP is configured.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Bean
  Mailer mailer(ObjectProvider<JavaMailSender> smtp, Environment environment, JdbcTemplate jdbc,
      @Value("${makerspace.mail.from:noreply@kjj.shuozhou.gov.cn}") String from) {
    JavaMailSender sender = smtp.getIfAvailable();
    if (sender != null) {
      return new SmtpMailer(sender, from);
    }
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return new DemoMailbox(jdbc);
    }
    return (to, subject, text) -> {
      throw new MailUnavailableException("系统未配置邮件服务器（spring.mail.host），暂时无法发送邮件，请联系系统管理员", null);
    };
  }
}
