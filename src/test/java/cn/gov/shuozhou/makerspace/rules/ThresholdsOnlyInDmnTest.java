package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture principle 1, "one home for every rule": the Art. 4 thresholds live in
 * {@code dmn/article4-eligibility.dmn} only. This test scans {@code src/main/java} (comments
 * removed) for a threshold number compared with, or assigned to, something named after its
 * condition, e.g. {@code totalArea < 200}, {@code MIN_LEASE_YEARS = 5}, {@code mentorCount >= 3}.
 */
class ThresholdsOnlyInDmnTest {

  /** A condition: identifiers that name it and the threshold numbers that belong to it. */
  private record Topic(String label, Pattern identifier, List<BigDecimal> thresholds) {}

  private static final List<Topic> TOPICS = List.of(
      topic("area (Art. 4(2): 100/200 m2, 90 %)", "area", "100", "200", "0.9", "90"),
      topic("public service ratio (Art. 4(2): 90 %)", "ratio|publicservice|percent", "0.9", "90"),
      topic("lease term (Art. 4(2): 5 years)", "lease", "5"),
      topic("mentors (Art. 4(3): 3)", "mentor", "3"),
      topic("events per month (Art. 4(3): 1)", "monthlyevent", "1"),
      topic("active makers (Art. 4(5): 10)", "maker", "10"),
      topic("active teams (Art. 4(5): 3)", "team", "3"));

  /** A numeric literal, optionally typed (200d, 5L) or quoted ("200" in new BigDecimal("200")). */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?:[dDfFlL])?(?![\\w.])");
  private static final String OPERATOR = "(?:<=|>=|==|!=|<|>)";
  private static final Pattern COMPARED_AFTER =
      Pattern.compile(OPERATOR + "\\s*[(\\s]*-?\"?(\\d+(?:\\.\\d+)?)[dDfFlL]?\"?(?![\\w.])");
  private static final Pattern COMPARED_BEFORE =
      Pattern.compile("(?<![\\w.])\"?(\\d+(?:\\.\\d+)?)[dDfFlL]?\"?[)\\s]*" + OPERATOR);
  private static final Pattern ASSIGNED =
      Pattern.compile("\\b(\\w+)\\s*=(?!=)\\s*[(\\s]*\"?(\\d+(?:\\.\\d+)?)[dDfFlL]?\"?(?![\\w.])");

  @Test
  void noArticle4ThresholdInMainJava() throws IOException {
    Path sources = Path.of(System.getProperty("user.dir"), "src", "main", "java");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        for (String finding : findViolations(Files.readString(file))) {
          violations.add(sources.relativize(file) + ": " + finding);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertThat(violations)
        .as("Art. 4 thresholds belong in dmn/article4-eligibility.dmn, not in Java")
        .isEmpty();
  }

  @Test
  void detectsThresholdsInCodeButNotInCommentsOrText() {
    assertThat(findViolations("if (totalArea < 200) { reject(); }")).hasSize(1);
    assertThat(findViolations("boolean ok = \"university\".equals(hostType) ? totalArea >= 100.0 : true;"))
        .hasSize(1);
    assertThat(findViolations("boolean ratioOk = publicServiceArea / totalArea >= 0.9;")).hasSize(1);
    assertThat(findViolations("if (leaseYears < 5d) {}")).hasSize(1);
    assertThat(findViolations("if (app.getMentorCount() >= 3) {}")).hasSize(1);
    assertThat(findViolations("return 10 <= activeMakers;")).hasSize(1);
    assertThat(findViolations("if (activeTeams < 3) {}")).hasSize(1);
    assertThat(findViolations("static final double MIN_TOTAL_AREA = 200;")).hasSize(1);
    assertThat(findViolations("private static final int MIN_MENTORS = 3;")).hasSize(1);
    assertThat(findViolations("if (area.compareTo(new BigDecimal(\"200\")) < 0) {}")).hasSize(1);
    assertThat(findViolations("if (monthlyEvents < 1.0) {}")).hasSize(1);

    assertThat(findViolations("// totalArea < 200 is decided by the DMN\nint x = 1;")).isEmpty();
    assertThat(findViolations("/* leaseYears < 5 */ int y = 2;")).isEmpty();
    assertThat(findViolations("/** mentorCount >= 3 */ void m() {}")).isEmpty();
    assertThat(findViolations("String s = \"totalArea < 200\"; String u = \"http://x\";")).isEmpty();
    assertThat(findViolations("if (score < 0 || score > 100) { throw bad(); }")).isEmpty();
    assertThat(findViolations("vars.put(\"totalArea\", 200.0);")).isEmpty();
    assertThat(findViolations("if (totalArea <= 0) { throw bad(); }")).isEmpty();
    assertThat(findViolations("for (int i = 0; i < 17; i++) { sum += weights[i]; }")).isEmpty();
    assertThat(findViolations("if (makerSpaceName.length() > 10) {}")).isEmpty();
    assertThat(findViolations("String text = \"活跃创客不少于10人\" + makerCount;")).isEmpty();
    assertThat(findViolations("if ((Double) vars.get(\"leaseYears\") < 5) {}")).hasSize(1);
  }

  /** The offending statements of one Java source text. */
  static List<String> findViolations(String javaSource) {
    List<String> findings = new ArrayList<>();
    for (String statement : stripComments(javaSource).split("[;{}]")) {
      String code = statement.strip().replaceAll("\\s+", " ");
      if (code.isEmpty()) {
        continue;
      }
      String identifiers = code.toLowerCase(Locale.ROOT).replace("makerspace", "space");
      for (Topic topic : TOPICS) {
        if (topic.identifier().matcher(identifiers).find() && mentionsThreshold(code, topic)) {
          findings.add(topic.label() + ": " + code);
          break;
        }
      }
    }
    return findings;
  }

  private static boolean mentionsThreshold(String code, Topic topic) {
    if (anyThreshold(COMPARED_AFTER.matcher(code), 1, topic)
        || anyThreshold(COMPARED_BEFORE.matcher(code), 1, topic)) {
      return true;
    }
    if (code.contains("compareTo") && anyThreshold(NUMBER.matcher(code), 1, topic)) {
      return true;
    }
    Matcher assigned = ASSIGNED.matcher(code);
    while (assigned.find()) {
      if (topic.identifier().matcher(assigned.group(1).toLowerCase(Locale.ROOT)).find()
          && isThreshold(assigned.group(2), topic)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyThreshold(Matcher numbers, int group, Topic topic) {
    while (numbers.find()) {
      if (isThreshold(numbers.group(group), topic)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isThreshold(String literal, Topic topic) {
    BigDecimal value = new BigDecimal(literal);
    return topic.thresholds().stream().anyMatch(t -> t.compareTo(value) == 0);
  }

  /**
   * Removes comments; keeps string literals that are just a number (they may feed a BigDecimal)
   * and keeps only the letters of all others (a variable name such as "totalArea" still names its
   * condition), so that text such as "不低于200平方米" or "a < 5" is not mistaken for code.
   */
  static String stripComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int start = i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i + 1, n);
        String literal = source.substring(start, i);
        out.append(literal.matches("\"\\d+(\\.\\d+)?\"")
            ? literal
            : c + literal.substring(1).replaceAll("[^A-Za-z_]", "") + c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static Topic topic(String label, String identifierRegex, String... thresholds) {
    return new Topic(label, Pattern.compile(identifierRegex),
        Stream.of(thresholds).map(BigDecimal::new).toList());
  }
}
