package cn.gov.shuozhou.makerspace.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 6: materials uploads (issue 16). The packaged application on H2 (a file database) and on
 * PostgreSQL takes {@code bench.uploads.parallel} (4) concurrent uploads of a PDF just under the
 * policy's 20 MB, {@code bench.uploads.rounds} times; between rounds the drafts are deleted (the
 * application's 200 MB limit). The application runs with the options docs/operations.md recommends
 * ({@code -Xmx256m -Xss512k -XX:+UseSerialGC}): with the JVM's defaults the heap grows with garbage
 * (up to a quarter of the machine's memory) and its peak says nothing about what the uploads hold.
 * Reports the throughput (MB/s of files stored) and the heap in use: idle after a full GC, the
 * highest value sampled every 50 ms during the uploads (garbage included, so an upper bound of what
 * the uploads hold), and the difference, which must stay below 256 MB.
 *
 * <p>Arguments: {@code h2} and/or {@code pg}.
 */
public final class UploadBench {

  private static final long MB = 1024L * 1024L;
  private static final String BOUNDARY = "----UploadBench7102";
  private static final String USER = "operator1";
  private static final List<String> JVM = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC");

  public static void main(String[] args) throws Exception {
    int parallel = Config.integer("bench.uploads.parallel", 4);
    int rounds = Config.integer("bench.uploads.rounds", 5);
    byte[] pdf = pdf(20 * MB - 4096);
    Results results = new Results();
    for (String database : args) {
      String p = "upload." + database + ".";
      Path h2 = Files.createTempDirectory("bench-upload-h2").resolve("makerspace");
      if ("pg".equals(database)) {
        Pg.recreate("bench_upload");
      }
      try (AppProcess app = "pg".equals(database)
          ? AppProcess.start("upload-pg", JVM, "bench_upload", List.of())
          : AppProcess.startH2("upload-h2", JVM, h2)) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        upload(http, app, pdf); // warm-up: the first upload loads the classes and the policy
        deleteDrafts(http, app);
        Thread.sleep(3_000);
        double idle = heapAfterGc(app.pid());
        HeapSampler sampler = new HeapSampler(app.pid());
        sampler.start();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
          Thread t = new Thread(r);
          t.setDaemon(true);
          return t;
        });
        for (int round = 0; round < rounds; round++) {
          List<Future<Integer>> answers = new ArrayList<>();
          for (int i = 0; i < parallel; i++) {
            answers.add(pool.submit(() -> upload(http, app, pdf)));
          }
          for (Future<Integer> answer : answers) {
            if (answer.get() != 201) {
              throw new IllegalStateException("upload answered " + answer.get());
            }
          }
          deleteDrafts(http, app);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        sampler.stop();
        double stored = (double) parallel * rounds * pdf.length / MB;
        results.put(p + "files", parallel * rounds);
        results.put(p + "parallel", parallel);
        results.put(p + "fileMb", String.format("%.2f", (double) pdf.length / MB));
        results.put(p + "mbPerSecond", String.format("%.1f", stored / seconds));
        results.put(p + "heapIdleMb", String.format("%.0f", idle));
        results.put(p + "heapPeakMb", String.format("%.0f", sampler.peakMb()));
        results.put(p + "heapAboveIdleMb", String.format("%.0f", sampler.peakMb() - idle));
        results.put(p + "heapAfterGcMb", String.format("%.0f", heapAfterGc(app.pid())));
        results.put(p + "rssPeakMb", String.format("%.0f", app.peakRssMb()));
        Log.info("upload %s: %d × %.1f MB in %.1f s = %.1f MB/s; heap idle %.0f MB, peak %.0f MB (+%.0f MB)",
            database, parallel * rounds, (double) pdf.length / MB, seconds, stored / seconds, idle,
            sampler.peakMb(), sampler.peakMb() - idle);
      } catch (Exception e) {
        // e.g. the application ran out of memory: recorded, and the other database is still measured
        results.put(p + "failed", e.getMessage());
        Log.info("upload %s FAILED: %s", database, e);
      } finally {
        if ("pg".equals(database)) {
          Pg.drop("bench_upload");
        }
      }
    }
    results.save(Config.out().resolve("results").resolve("upload.properties"));
    System.exit(0);
  }

  /** A harmless PDF of {@code size} bytes: letters and digits, no name that the upload's scan refuses. */
  static byte[] pdf(long size) {
    byte[] bytes = new byte[(int) size];
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \n";
    long x = 7102;
    for (int i = head.length; i < bytes.length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      bytes[i] = (byte) alphabet.charAt((int) ((x >>> 33) % alphabet.length()));
    }
    return bytes;
  }

  private static int upload(HttpClient http, AppProcess app, byte[] pdf) throws Exception {
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\napplication\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\nFLOOR_PLAN\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    HttpRequest request = authorized(app, "/api/materials")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
            HttpRequest.BodyPublishers.ofByteArray(pdf), HttpRequest.BodyPublishers.ofString(tail)))
        .build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      Log.info("upload refused: %d %s", answer.statusCode(), answer.body());
    }
    return answer.statusCode();
  }

  private static void deleteDrafts(HttpClient http, AppProcess app) throws Exception {
    String list = http.send(authorized(app, "/api/materials").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher id = Pattern.compile("\"fileId\":\"([^\"]+)\"").matcher(list);
    while (id.find()) {
      http.send(authorized(app, "/api/materials/" + id.group(1)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
  }

  private static HttpRequest.Builder authorized(AppProcess app, String path) {
    return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8)));
  }

  /** Heap in use (MB) right after a full collection: what the application holds. */
  private static double heapAfterGc(long pid) throws Exception {
    new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    return HeapSampler.once(pid);
  }

  /** Samples the heap in use with {@code jstat -gc} (survivors, eden and old generation). */
  static final class HeapSampler {

    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();
    private Process jstat;
    private Thread reader;

    HeapSampler(long pid) {
      this.pid = pid;
    }

    void start() throws Exception {
      jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "50").redirectErrorStream(true).start();
      reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
          List<String> header = null;
          for (String line; (line = in.readLine()) != null; ) {
            List<String> cells = Arrays.asList(line.trim().split("\\s+"));
            if (cells.contains("EU")) {
              header = cells;
            } else if (header != null && cells.size() == header.size()) {
              peakKb.accumulateAndGet((long) used(header, cells), Math::max);
            }
          }
        } catch (Exception e) {
          // the sampler ends with jstat
        }
      });
      reader.start();
    }

    void stop() throws Exception {
      jstat.destroy();
      reader.join(5_000);
    }

    double peakMb() {
      return peakKb.get() / 1024.0;
    }

    static double once(long pid) throws Exception {
      Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
      List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      p.waitFor();
      List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
      return used(header, Arrays.asList(lines.get(1).trim().split("\\s+"))) / 1024.0;
    }

    private static double used(List<String> header, List<String> cells) {
      double kb = 0;
      for (String column : List.of("S0U", "S1U", "EU", "OU")) {
        kb += Double.parseDouble(cells.get(header.indexOf(column)));
      }
      return kb;
    }
  }
}
