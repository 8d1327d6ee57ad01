package cn.gov.shuozhou.makerspace.dmn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;

/**
 * The simplest FEEL unary tests, decided in Java: most cells of a decision table are a string
 * ({@code "team"}), {@code not("university")}, a comparison ({@code >= 200}), an interval
 * ({@code [60..80)}), a number, {@code true}, {@code false} or {@code null}, or a list of them
 * ({@code < 3, null}). FEEL's interpreter spends far more time setting up an evaluation than
 * comparing one value; these tests skip it.
 *
 * <p>Exactness first: a test answers only where FEEL's answer is certain — a number against
 * numbers (compared as {@link BigDecimal}, as FEEL does), a string against strings, a boolean
 * against booleans, and {@code null}, with FEEL's own quirk kept: in a list, FEEL reads {@code true}
 * as a condition that is always satisfied ({@code true, null} matches {@code false}). For anything else (another type, a null input against a
 * comparison, a text outside this grammar) it answers {@code null} and the caller asks FEEL.
 * {@code SimpleFeelTest} compares every answer with FEEL's on every cell of the packaged tables.
 */
final class SimpleFeel {

  /** One compiled list of unary tests. */
  interface UnaryTests {
    /** TRUE or FALSE where certain; null: ask FEEL. */
    Boolean test(Val input);
  }

  private interface Atom {
    Boolean test(Val input);
  }

  private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern NOT_STRINGS = Pattern.compile("not\\((.*)\\)");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(" + NUMBER + ")");
  private static final Pattern INTERVAL = Pattern.compile("([\\[(])\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")\\s*([\\])])");
  private static final Pattern NUMBER_LITERAL = Pattern.compile(NUMBER);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Words that are not variable names in FEEL. */
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
      "else", "for", "in", "some", "every", "satisfies", "between", "instance", "of", "function", "return");

  private SimpleFeel() {}

  /** The compiled tests, or null when the text is not one of the simple forms. */
  static UnaryTests unaryTests(String text) {
    List<Atom> atoms = new ArrayList<>();
    List<String> parts = splitTopLevel(text.trim());
    for (String part : parts) {
      Atom atom = atom(part.trim(), parts.size() > 1);
      if (atom == null) {
        return null;
      }
      atoms.add(atom);
    }
    if (atoms.isEmpty()) {
      return null;
    }
    return input -> {
      boolean undecided = false;
      for (Atom atom : atoms) {
        Boolean result = atom.test(input);
        if (Boolean.TRUE.equals(result)) {
          return true;
        }
        undecided |= result == null;
      }
      return undecided ? null : Boolean.FALSE;
    };
  }

  /** Whether a text is a literal (string, number, boolean, null): its value never depends on the variables. */
  static boolean literal(String text) {
    String t = text.trim();
    return STRING.matcher(t).matches() || NUMBER_LITERAL.matcher(t).matches()
        || t.equals("true") || t.equals("false") || t.equals("null");
  }

  /** The variable a text names when it is just a name, else null. */
  static String name(String text) {
    String trimmed = text.trim();
    return NAME.matcher(trimmed).matches() && !KEYWORDS.contains(trimmed) ? trimmed : null;
  }

  private static Atom atom(String part, boolean inList) {
    if (part.equals("null")) {
      return input -> input == ValNull$.MODULE$ ? Boolean.TRUE : simpleValue(input) ? Boolean.FALSE : null;
    }
    if (part.equals("true") || part.equals("false")) {
      boolean literal = part.equals("true");
      if (literal && inList) {
        // FEEL reads a boolean element of a list as a condition of its own: true is always satisfied
        return input -> input == ValNull$.MODULE$ || simpleValue(input) ? Boolean.TRUE : null;
      }
      return input -> input instanceof ValBoolean b ? Boolean.valueOf(b.value() == literal)
          : input == ValNull$.MODULE$ || simpleValue(input) ? Boolean.FALSE : null;
    }
    Matcher m = STRING.matcher(part);
    if (m.matches()) {
      String expected = m.group(1);
      return input -> input instanceof ValString s ? Boolean.valueOf(s.value().equals(expected)) : null;
    }
    m = NOT_STRINGS.matcher(part);
    if (m.matches()) {
      List<String> excluded = new ArrayList<>();
      for (String inner : splitTopLevel(m.group(1).trim())) {
        Matcher s = STRING.matcher(inner.trim());
        if (!s.matches()) {
          return null;
        }
        excluded.add(s.group(1));
      }
      return input -> input instanceof ValString s ? Boolean.valueOf(!excluded.contains(s.value())) : null;
    }
    m = COMPARISON.matcher(part);
    if (m.matches()) {
      String op = m.group(1);
      BigDecimal bound = new BigDecimal(m.group(2));
      return number(n -> {
        int c = n.compareTo(bound);
        return switch (op) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      });
    }
    m = INTERVAL.matcher(part);
    if (m.matches()) {
      boolean lowIncluded = m.group(1).equals("[");
      BigDecimal low = new BigDecimal(m.group(2));
      BigDecimal high = new BigDecimal(m.group(3));
      boolean highIncluded = m.group(4).equals("]");
      return number(n -> {
        int lo = n.compareTo(low);
        int hi = n.compareTo(high);
        return (lowIncluded ? lo >= 0 : lo > 0) && (highIncluded ? hi <= 0 : hi < 0);
      });
    }
    if (NUMBER_LITERAL.matcher(part).matches()) {
      BigDecimal expected = new BigDecimal(part);
      return number(n -> n.compareTo(expected) == 0);
    }
    return null;
  }

  private interface NumberTest {
    boolean test(BigDecimal n);
  }

  private static Atom number(NumberTest test) {
    return input -> input instanceof ValNumber n ? Boolean.valueOf(test.test(n.value().bigDecimal())) : null;
  }

  private static boolean simpleValue(Val input) {
    return input instanceof ValNumber || input instanceof ValString || input instanceof ValBoolean;
  }

  /** Splits at commas that are outside quotes and brackets. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
