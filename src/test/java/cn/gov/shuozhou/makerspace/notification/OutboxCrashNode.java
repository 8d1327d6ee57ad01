package cn.gov.shuozhou.makerspace.notification;

import cn.gov.shuozhou.makerspace.MakerSpaceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application that {@link OutboxCrashTest} kills with SIGKILL: a separate JVM on an H2 file
 * database, mailing through the test JVM's GreenMail. It adds {@code count} notifications (again
 * after a restart: the outbox's unique key makes that a no-op) and lets the scheduled sender drain
 * them in small batches, printing READY once it runs.
 * Arguments: database URL, SMTP port, run id, count.
 */
public final class OutboxCrashNode {

  private OutboxCrashNode() {}

  public static void main(String[] args) {
    String url = args[0];
    String smtpPort = args[1];
    String run = args[2];
    int count = Integer.parseInt(args[3]);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(MakerSpaceApplication.class).run(
        "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--server.port=0", "--spring.main.banner-mode=off", "--camunda.bpm.job-execution.enabled=false",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--makerspace.notifications.interval=PT0.2S", "--makerspace.notifications.batch=10",
        "--makerspace.notifications.lease=PT5S");
    Outbox outbox = context.getBean(Outbox.class);
    context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
      for (int i = 0; i < count; i++) {
        outbox.add(OutboxCrashTest.eventKey(run, i), Channel.EMAIL, OutboxCrashTest.address(run, i), null,
            "崩溃测试通知" + i, "第" + i + "条通知");
      }
    });
    System.out.println("READY");
  }
}
