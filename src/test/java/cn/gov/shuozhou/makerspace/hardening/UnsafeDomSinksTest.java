package cn.gov.shuozhou.makerspace.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text that people typed (an operator's name, an objection, an expert's comment, possibly HTML)
 * must be shown as text on our own pages: the rule page ({@code static/**}) and the Cockpit plugins
 * ({@code webjars/camunda/app/**}/scripts). This guard fails on the DOM sinks that would interpret
 * a string as HTML or code; build the DOM with {@code textContent} and text nodes instead.
 */
class UnsafeDomSinksTest {

  private static final List<Path> ROOTS = List.of(Path.of("src/main/resources/static"),
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app"));

  /** Assigning anything but an empty string to innerHTML/outerHTML, and the other HTML/code sinks. */
  private static final List<Pattern> SINKS = List.of(
      Pattern.compile("\\.(inner|outer)HTML\\s*\\+?=(?!=)\\s*+(?!''\\s*;|\"\"\\s*;)"),
      Pattern.compile("insertAdjacentHTML\\s*\\("),
      Pattern.compile("document\\.write(ln)?\\s*\\("),
      Pattern.compile("(?<![\\w.])eval\\s*\\("),
      Pattern.compile("new\\s+Function\\s*\\("),
      Pattern.compile("set(Timeout|Interval)\\s*\\(\\s*['\"`]"),
      Pattern.compile("createContextualFragment\\s*\\("),
      Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

  @Test
  void ourScriptsNeverTurnTextIntoHtmlOrCode() throws IOException {
    List<String> findings = new ArrayList<>();
    int scanned = 0;
    for (Path root : ROOTS) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
          scanned++;
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.strip();
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
              continue;
            }
            for (Pattern sink : SINKS) {
              if (sink.matcher(line).find()) {
                findings.add(file + ":" + (i + 1) + ": " + code);
              }
            }
          }
        }
      }
    }
    assertThat(scanned).as("scripts scanned").isPositive();
    assertThat(findings).as("HTML/code sinks in our own front-end code").isEmpty();
  }
}
