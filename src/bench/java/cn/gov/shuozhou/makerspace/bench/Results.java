package cn.gov.shuozhou.makerspace.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Measured values of one section (a child JVM), saved as a properties file for the parent. */
final class Results {

  private final Map<String, String> values = new TreeMap<>();

  void put(String key, Object value) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
        : value instanceof Float f ? String.format(Locale.ROOT, "%.3f", f) : String.valueOf(value);
    values.put(key, text);
    Log.info("  %s = %s", key, text);
  }

  Map<String, String> values() {
    return values;
  }

  void save(Path file) {
    Properties p = new Properties();
    p.putAll(values);
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(w, "bench results");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> load(Path file) {
    Map<String, String> map = new TreeMap<>();
    if (!Files.exists(file)) {
      return map;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.forEach((k, v) -> map.put((String) k, (String) v));
    return map;
  }
}
