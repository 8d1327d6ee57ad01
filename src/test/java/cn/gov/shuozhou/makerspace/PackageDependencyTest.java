package cn.gov.shuozhou.makerspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (issue 14, "Done when"): the packages form no cycle, and the lifecycle
 * packages (the measures' steps and their registry) know nothing of HTTP or of the guards of the
 * doors, so that a door can change without touching the rules it serves.
 */
class PackageDependencyTest {

  private static final String BASE = "cn.gov.shuozhou.makerspace";
  private static final Path ROOT = Path.of("src/main/java/cn/gov/shuozhou/makerspace");
  private static final Set<String> LIFECYCLE = Set.of("application", "review", "inspection", "expertreview",
      "certification", "publicnotice", "supervision", "sanction", "falsematerials", "registry");
  /** What a lifecycle package must not name: the servlet and Spring MVC APIs, our web and security packages. */
  private static final Pattern WEB_OR_SECURITY = Pattern.compile(
      "\\b(org\\.springframework\\.web|jakarta\\.servlet|" + Pattern.quote(BASE) + "\\.(web|security))\\.[\\w.]+");
  /** A reference to one of our classes: its package, then a capitalised class name. */
  private static final Pattern OWN_CLASS = Pattern.compile(Pattern.quote(BASE) + "\\.([a-z][\\w.]*?)\\.[A-Z]");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void packagesDependOnEachOtherWithoutCycles() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path file : sources()) {
      String from = packageOf(file);
      Set<String> targets = uses.computeIfAbsent(from, p -> new TreeSet<>());
      Matcher m = OWN_CLASS.matcher(code(file));
      while (m.find()) {
        if (!m.group(1).equals(from)) {
          targets.add(m.group(1));
        }
      }
    }
    List<List<String>> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      List<String> cycle = cycleThrough(start, uses);
      if (!cycle.isEmpty() && cycle.get(0).equals(start)
          && cycles.stream().noneMatch(c -> Set.copyOf(c).equals(Set.copyOf(cycle)))) {
        cycles.add(cycle);
      }
    }
    assertThat(cycles).as("import cycles between packages of " + BASE).isEmpty();
  }

  @Test
  void lifecyclePackagesImportNoWebOrSecurityClass() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : sources()) {
      if (!LIFECYCLE.contains(packageOf(file).split("\\.")[0])) {
        continue;
      }
      Matcher m = WEB_OR_SECURITY.matcher(code(file));
      while (m.find()) {
        offences.add(ROOT.relativize(file) + ": " + m.group());
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theScanSeesReferences() throws IOException {
    // guards the two checks above against passing because the scan found nothing
    assertThat(code(ROOT.resolve("application/ApplicationIntakeListener.java")))
        .containsPattern(OWN_CLASS);
  }

  /** A shortest path from {@code start} back to itself, or empty. */
  private static List<String> cycleThrough(String start, Map<String, Set<String>> uses) {
    Map<String, String> cameFrom = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>(uses.getOrDefault(start, Set.of()));
    uses.getOrDefault(start, Set.of()).forEach(next -> cameFrom.put(next, start));
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (at.equals(start)) {
        List<String> path = new ArrayList<>();
        String step = cameFrom.get(start);
        path.add(0, start);
        while (!step.equals(start)) {
          path.add(0, step);
          step = cameFrom.get(step);
        }
        path.add(0, start);
        return path;
      }
      for (String next : uses.getOrDefault(at, Set.of())) {
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          queue.add(next);
        }
      }
    }
    return List.of();
  }

  private static String packageOf(Path file) {
    return ROOT.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
  }

  private static String code(Path file) throws IOException {
    return COMMENT.matcher(Files.readString(file)).replaceAll("");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.toString().endsWith(".java") && !p.getParent().equals(ROOT)).toList();
    }
  }
}
