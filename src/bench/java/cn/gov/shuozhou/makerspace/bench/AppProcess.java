package cn.gov.shuozhou.makerspace.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code java -jar target/maker-space-*.jar}) as a process of its own, as
 * it runs in production: started on a PostgreSQL database, ready when {@code /actuator/health}
 * answers UP, its resident memory read from {@code /proc/<pid>/status}.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final double readySeconds;

  private AppProcess(Process process, int port, Path log, double readySeconds) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.readySeconds = readySeconds;
  }

  /** Starts the jar with the given JVM options and application arguments on that PostgreSQL database; waits until healthy. */
  static AppProcess start(String name, List<String> jvmOptions, String database, List<String> appArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
        "--spring.datasource.url=" + Pg.url(database), "--spring.datasource.username=" + Config.pgUser(),
        "--spring.datasource.password=" + Config.pgPassword()));
    args.addAll(appArgs);
    return launch(name, jvmOptions, args);
  }

  /** The jar on an H2 file database of its own (the default, demo profile): {@code file} without ".mv.db". */
  static AppProcess startH2(String name, List<String> jvmOptions, Path file, String... appArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:file:" + file
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"));
    args.addAll(List.of(appArgs));
    return launch(name, jvmOptions, args);
  }

  private static AppProcess launch(String name, List<String> jvmOptions, List<String> appArgs) throws Exception {
    String jar = Config.text("bench.jar", null);
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("application jar not found: " + jar + " (run ./mvnw -Pbench verify)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar);
    command.add("--server.port=" + port);
    command.addAll(appArgs);
    Path log = Config.out().resolve("logs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = start + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("application exited with " + p.exitValue() + ", see " + log);
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
          double seconds = (System.nanoTime() - start) / 1e9;
          Log.info("%s: healthy after %.1f s (pid %d, port %d)", name, seconds, p.pid(), port);
          return new AppProcess(p, port, log, seconds);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("application not healthy within 5 minutes, see " + log);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** From starting the JVM until /actuator/health answered UP. */
  double readySeconds() {
    return readySeconds;
  }

  /** Spring Boot's own "Started ... in N seconds" (JVM start to context refreshed). */
  double startedSeconds() throws IOException {
    Matcher m = Pattern.compile("Started \\S+ in ([0-9.]+) seconds").matcher(Files.readString(log));
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Resident set size in MB, from /proc/<pid>/status. */
  double rssMb() throws IOException {
    return procStatus("VmRSS");
  }

  long pid() {
    return process.pid();
  }

  /** Peak resident set size in MB. */
  double peakRssMb() throws IOException {
    return procStatus("VmHWM");
  }

  /** CPU time (user and system) the process used so far, in seconds, from /proc/<pid>/stat (100 ticks a second). */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private double procStatus(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
