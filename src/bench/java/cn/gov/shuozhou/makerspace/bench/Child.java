package cn.gov.shuozhou.makerspace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One section of the harness in its own JVM: a fresh heap, its own engines and static state
 * (Camunda's clock and engine registry), and for the DMN section another FEEL jar on the class path.
 * The child's output goes to {@code <out>/logs/<name>.log}; its progress lines are shown here.
 */
final class Child {

  private Child() {}

  /** The harness's own class path with the pinned FEEL jar replaced by {@code feelJar} (null: unchanged). */
  static String classPath(String feelJar) {
    String cp = System.getProperty("java.class.path");
    if (feelJar == null) {
      return cp;
    }
    List<String> entries = new ArrayList<>();
    boolean replaced = false;
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      if (entry.matches(".*feel-engine-[0-9.]+-scala-shaded\\.jar$")) {
        entries.add(feelJar);
        replaced = true;
      } else {
        entries.add(entry);
      }
    }
    if (!replaced) {
      throw new IllegalStateException("no feel-engine jar on the class path: " + cp);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Runs {@code mainClass} with the given JVM options and arguments; returns the exit code. */
  static int run(String name, String classPath, List<String> jvmOptions, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Duser.timezone=Asia/Shanghai");
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.")).sorted()
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    Path log = Config.out().resolve("logs").resolve(name + ".log");
    Log.info("%s: %s %s (log: %s)", name, mainClass.substring(mainClass.lastIndexOf('.') + 1),
        String.join(" ", args), log);
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          file.println(line);
          if (line.startsWith(Log.PREFIX)) {
            System.out.println("    " + line.substring(Log.PREFIX.length()));
          }
        }
      }
      int code = process.waitFor();
      if (code != 0) {
        Log.info("%s FAILED with exit code %d; last lines of %s:%n%s", name, code, log, tail(log, 25));
      }
      return code;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
  }
}
