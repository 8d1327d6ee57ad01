package cn.gov.shuozhou.makerspace.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.TestMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox survives kill -9: a separate JVM ({@link OutboxCrashNode}) sends {@value #COUNT} mails
 * to GreenMail in this JVM; the test kills it with SIGKILL while it sends, starts it again on the
 * same H2 file database, and finds every notification delivered. A mail sent but not yet marked SENT
 * at the kill is sent again (the documented window, docs/notifications.md): it carries the same
 * Message-ID, so at most one copy per kill is a recognisable duplicate and no notification is lost.
 */
class OutboxCrashTest {

  private static final int COUNT = 300;

  @TempDir Path dir;

  static String eventKey(String run, int i) {
    return "crash-" + run + ":" + i;
  }

  static String address(String run, int i) {
    return "crash-" + run + "-" + i + "@test.local";
  }

  @Test
  void aKilledSenderLosesNothingAndRepeatsAtMostTheMailInFlight() throws Exception {
    String run = Long.toString(System.nanoTime());
    // WRITE_DELAY=0: H2 writes each commit before answering (its default delays writes by 500 ms,
    // so a kill -9 would also lose the SENT marks of the last half second: more re-sent mails)
    String url = "jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    Process first = start(url, run, dir.resolve("first.log"));
    try {
      await(() -> received(run).size() >= COUNT / 5, 240, first, dir.resolve("first.log"));
      assertThat(first.isAlive()).isTrue();
      first.destroyForcibly().waitFor();
    } finally {
      first.destroyForcibly();
    }
    int atKill = received(run).size();
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    assertThat(atKill).as("killed while sending").isLessThan(COUNT);

    Process second = start(url, run, dir.resolve("second.log"));
    try {
      await(() -> distinctIds(run) >= COUNT, 240, second, dir.resolve("second.log"));
      await(() -> sentRows(url, run) >= COUNT, 30, second, dir.resolve("second.log"));
    } finally {
      second.destroyForcibly().waitFor();
    }

    List<Message> mails = received(run);
    Map<String, Integer> copies = new HashMap<>();
    mails.forEach(m -> copies.merge(messageId(m), 1, Integer::sum));
    assertThat(copies).as("every notification delivered").hasSize(COUNT);
    long repeated = copies.values().stream().filter(n -> n > 1).count();
    System.out.printf("[outbox crash] %d of %d mails sent before the kill; %d re-sent after it%n", atKill, COUNT, repeated);
    assertThat(repeated).as("only the mail in flight at the kill may come twice").isLessThanOrEqualTo(1);
    assertThat(copies.values()).allMatch(n -> n <= 2);
    for (int i = 0; i < COUNT; i++) {
      String address = address(run, i);
      assertThat(mails.stream().filter(m -> recipient(m).equals(address)).map(TestMail::body).map(String::strip)
          .collect(Collectors.toSet())).as(address).containsExactly("第" + i + "条通知");
    }
  }

  private List<Message> received(String run) {
    return TestMail.all().stream().filter(m -> recipient(m).startsWith("crash-" + run + "-")).toList();
  }

  private long distinctIds(String run) {
    return received(run).stream().map(OutboxCrashTest::messageId).distinct().count();
  }

  /** Read while the node runs: both JVMs open the file database in H2's mixed mode (AUTO_SERVER). */
  private static int sentRows(String url, String run) {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ms_outbox WHERE status = 'SENT' "
            + "AND event_key LIKE 'crash-" + run + ":%'")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(Message m) {
    try {
      return m.getHeader("Message-ID")[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(Message m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, int seconds, Process node, Path log) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end || !node.isAlive() && !condition.getAsBoolean()) {
        throw new AssertionError("timed out or node ended; log:\n" + tail(log));
      }
      Thread.sleep(20);
    }
  }

  private Process start(String url, String run, Path log) throws IOException {
    // the test class path without empty entries (see postgres/CrashRecoveryTest)
    String classpath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
            .split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !entry.equals("."))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
        "-Dfile.encoding=UTF-8", "-cp", classpath, OutboxCrashNode.class.getName(),
        url, Integer.toString(TestMail.port()), run, Integer.toString(COUNT)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .directory(dir.toFile());
    builder.environment().remove("DB_URL");
    return builder.start();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
