package cn.gov.shuozhou.makerspace.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/** The DMN tables and case files of the repository's {@code dmn/} folder, read once per JVM. */
final class PackagedDecisions {

  /** Every decision key of the contract, each in {@code dmn/<key>.dmn}. */
  static final List<String> KEYS = List.of(
      "article4-eligibility",
      "first-review-routing",
      "expert-conclusion",
      "annual-assessment",
      "certification-policy",
      "required-materials");

  private static final Map<String, DmnModelInstance> MODELS = new ConcurrentHashMap<>();
  private static volatile RegressionCases runner;

  private PackagedDecisions() {}

  /** The {@code dmn/} folder at the repository top (Maven runs tests from the project folder). */
  static Path dmnDir() {
    Path dir = Path.of(System.getProperty("user.dir"), "dmn");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("dmn/ folder not found under " + dir.getParent());
    }
    return dir;
  }

  static Path dmnFile(String key) {
    return dmnDir().resolve(key + ".dmn");
  }

  static Path caseFile(String key) {
    return dmnDir().resolve("cases").resolve(key + ".json");
  }

  /** All case files, sorted by name. */
  static List<Path> caseFiles() {
    try (Stream<Path> files = Files.list(dmnDir().resolve("cases"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DmnModelInstance model(String key) {
    return MODELS.computeIfAbsent(key, k -> {
      try (InputStream in = Files.newInputStream(dmnFile(k))) {
        return RegressionCases.readModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static String xml(String key) {
    try {
      return Files.readString(dmnFile(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One shared runner: building the FEEL engine is the slow part. */
  static RegressionCases runner() {
    if (runner == null) {
      synchronized (PackagedDecisions.class) {
        if (runner == null) {
          runner = new RegressionCases();
        }
      }
    }
    return runner;
  }
}
