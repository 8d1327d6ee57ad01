package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.notification.Channel;
import cn.gov.shuozhou.makerspace.notification.Outbox;
import cn.gov.shuozhou.makerspace.notification.OutboxSender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Section 9 (issue 17): {@code bench.notifications} (10,000) year-end notifications ("年度报告开始报送")
 * drained through the transactional outbox — a third each by email (to GreenMail, a real SMTP server
 * in this JVM), by SMS (to a counting stub of the HTTP gateway) and into the inbox. Runs: one node
 * on an H2 file, one node on PostgreSQL, two nodes sharing one PostgreSQL database.
 *
 * <p>The rows are written first, as one year-end step would, with the nodes' schedulers off; then
 * every node drains on its own thread ({@link OutboxSender#drain()}, what its scheduler calls) until
 * no row is left. Measured: the drain time, messages per second, and duplicates: deliveries at the
 * stubs minus distinct outbox ids (must be 0; the leases keep two nodes apart).
 */
public final class NotificationBench {

  static final String DATABASE = "bench_notify";
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern MESSAGE_ID = Pattern.compile("<([^@>]+)@");

  public static void main(String[] args) throws Exception {
    int n = Config.integer("bench.notifications", 10_000);
    Results results = new Results();
    results.put("notify.messages", n);
    for (String run : args) {
      switch (run) {
        case "h2" -> drain("h2.1node", n, 1, null, results);
        case "pg" -> drain("pg.1node", n, 1, Pg.url(DATABASE), results);
        case "pg2" -> drain("pg.2nodes", n, 2, Pg.url(DATABASE), results);
        default -> throw new IllegalArgumentException(run);
      }
    }
    results.save(Config.out().resolve("results").resolve("notify.properties"));
    System.exit(0);
  }

  /** One run on a fresh database: fill the outbox, drain it with {@code nodes} senders, count what arrived. */
  static void drain(String id, int n, int nodes, String pgUrl, Results results) throws Exception {
    String prefix = "notify." + id + ".";
    Path h2 = Config.out().resolve("notify-h2");
    if (pgUrl != null) {
      Pg.recreate(DATABASE);
    } else if (Files.exists(h2)) {
      try (var files = Files.walk(h2)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Map<String, AtomicInteger> sms = new ConcurrentHashMap<>();
    HttpServer gateway = smsStub(sms);
    List<AppNode> started = new ArrayList<>();
    try {
      for (int i = 1; i <= nodes; i++) {
        String name = "nt" + id.replaceAll("[^a-z0-9]", "") + i;
        AppNode.Builder b = pgUrl != null ? AppNode.postgres(pgUrl, name) : AppNode.h2File(h2.resolve("db"), name);
        started.add(b.property("makerspace.notifications.scheduled", "false")
            .property("spring.mail.host", "127.0.0.1")
            .property("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()))
            .property("makerspace.sms.url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms")
            .property("makerspace.sms.key", "bench")
            .start());
      }
      AppNode first = started.get(0);
      Outbox outbox = first.bean(Outbox.class);
      double fill = Batches.run(n, 100, new TransactionTemplate(first.bean(PlatformTransactionManager.class)),
          i -> yearEndNotice(outbox, i), "outbox rows", 2_500);
      results.put(prefix + "fillSeconds", fill);

      DataSource data = first.bean(DataSource.class);
      long[] cpuBefore = Machine.cpuTicks();
      String load = Machine.loadAverage();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      List<Future<?>> senders = new ArrayList<>();
      for (AppNode node : started) {
        OutboxSender sender = node.bean(OutboxSender.class);
        senders.add(pool.submit(() -> {
          while (open(data) > 0) {
            sender.drain();
            Thread.sleep(20); // the rows left are another node's (leased): look again shortly
          }
          return null;
        }));
      }
      for (Future<?> f : senders) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      results.put(prefix + "loadAverageBefore", load);
      results.put(prefix + "machineCpuBusyPercent", Machine.busyPercent(cpuBefore, Machine.cpuTicks()));
      results.put(prefix + "drainSeconds", seconds);
      results.put(prefix + "perSecond", n / seconds);
      results.put(prefix + "sent", count(data, "SELECT COUNT(*) FROM ms_outbox WHERE status = 'SENT'"));
      results.put(prefix + "failed", count(data, "SELECT COUNT(*) FROM ms_outbox WHERE status = 'FAILED'"));
      results.put(prefix + "attemptsAboveOne", count(data, "SELECT COUNT(*) FROM ms_outbox WHERE attempts > 1"));

      List<String> mailIds = new ArrayList<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        Matcher outboxId = MESSAGE_ID.matcher(m.getMessageID());
        mailIds.add(outboxId.find() ? outboxId.group(1) : m.getMessageID());
      }
      int smsDeliveries = sms.values().stream().mapToInt(AtomicInteger::get).sum();
      long inbox = count(data, "SELECT COUNT(*) FROM ms_inbox");
      results.put(prefix + "email", mailIds.size());
      results.put(prefix + "sms", smsDeliveries);
      results.put(prefix + "inbox", inbox);
      Set<String> distinctMail = new HashSet<>(mailIds);
      results.put(prefix + "duplicates", (mailIds.size() - distinctMail.size()) + (smsDeliveries - sms.size()));
      results.put(prefix + "delivered", distinctMail.size() + sms.size() + inbox);
    } finally {
      for (AppNode node : started) {
        node.close();
      }
      gateway.stop(0);
      smtp.stop();
      if (pgUrl != null) {
        Pg.drop(DATABASE);
      }
    }
  }

  /** Notification {@code i}: the report window of space i, by email, SMS or inbox in turn. */
  private static void yearEndNotice(Outbox outbox, int i) {
    Channel channel = List.of(Channel.EMAIL, Channel.SMS, Channel.INBOX).get(i % 3);
    String user = "op" + i;
    String recipient = switch (channel) {
      case EMAIL -> user + "@bench.local";
      case SMS -> String.format("139%08d", i);
      case INBOX -> user;
    };
    outbox.add("report-window:bench:" + i, channel, recipient, user, "年度报告开始报送",
        "本年度工作报告已开始报送，请按期提交。（空间：众创空间" + i + "）");
  }

  /** Rows not yet delivered for good: pending or being sent. */
  private static long open(DataSource data) throws Exception {
    return count(data, "SELECT COUNT(*) FROM ms_outbox WHERE status IN ('PENDING', 'SENDING')");
  }

  private static long count(DataSource data, String sql) throws Exception {
    try (Connection c = data.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The SMS gateway's stub: answers 200 and counts each request id. */
  private static HttpServer smsStub(Map<String, AtomicInteger> received) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/sms", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        Matcher m = REQUEST_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (m.find()) {
          received.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }
}
