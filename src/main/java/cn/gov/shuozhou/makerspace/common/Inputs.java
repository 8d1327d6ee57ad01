package cn.gov.shuozhou.makerspace.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.Range;

/**
 * Checks the shape of submitted variables (type, presence, range, length) and collects every
 * problem before failing, so that the user sees all fields at once. Whether an application is
 * eligible is never decided here: that is the DMN's answer alone.
 *
 * <p>A typed value with Bean Validation constraints (such as {@code certification/Application}) is
 * read with the type-only readers ({@link #text(String, String)}, {@link #decimal(String, String)},
 * {@link #integer(String, String)}, {@link #bool}), validated, and its violations reported through
 * {@link #check}: the messages are the same as the readers' own.
 */
public final class Inputs {

  // The sanity limits of every input (not policy thresholds, which are the DMN's): anything longer or
  // larger is refused, never truncated.
  /** Longest free text we store. */
  public static final int MAX_TEXT = 2000;
  /** A comment that may quote a report or a finding. */
  public static final int MAX_COMMENT = 3000;
  /** The engine stores a String variable in VARCHAR(4000): the longest report, and any composed text. */
  public static final int MAX_LONG_TEXT = 4000;
  public static final int MAX_NAME = 100;
  public static final int MAX_ADDRESS = 200;
  public static final long MAX_AREA = 1_000_000;
  public static final long MAX_MONEY = 1_000_000_000_000L;
  public static final int MAX_COUNT = 1_000_000;
  /** The last page number a list accepts: far beyond any list, short of an overflow. */
  public static final int MAX_PAGE = 10_000;
  /** The query parameter of a list's page number. */
  public static final String PAGE = "page";
  public static final String MOBILE_OR_LANDLINE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
  /** The hint of a phone number that does not match {@link #MOBILE_OR_LANDLINE}. */
  public static final String PHONE_HINT = "应为11位手机号码或带区号的固定电话（如0349-2881234）";

  /**
   * When a value breaks several constraints, the first of these is reported (then any other), as
   * the readers check in turn: presence, then length or range, then format and codes.
   */
  private static final List<Class<? extends Annotation>> PRECEDENCE =
      List.of(NotNull.class, NotBlank.class, Size.class, Range.class);

  private final Map<String, Object> values;
  private final List<FieldError> errors = new ArrayList<>();
  /** Field → label, in the order the fields were read: the form's order. */
  private final Map<String, String> labels = new LinkedHashMap<>();

  private Inputs(Map<String, Object> values) {
    this.values = values;
  }

  public static Inputs of(Map<String, Object> values) {
    return new Inputs(values);
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public Object raw(String name) {
    return values.get(name);
  }

  /** Required or optional text, trimmed; returns null when absent or invalid. */
  public String text(String name, String label, boolean required, int maxLength) {
    String t = text(name, label);
    if (t == null) {
      requireIf(required && absent(name), name, label);
      return null;
    }
    if (t.length() > maxLength) {
      fail(name, named(name, label, "不得超过" + maxLength + "个字符"));
      return null;
    }
    return t;
  }

  /** Text, trimmed; null when absent or blank, and when not text (then refused). Type only. */
  public String text(String name, String label) {
    Object v = read(name, label);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    if (!(v instanceof String s)) {
      fail(name, named(name, label, "应为文本"));
      return null;
    }
    return s.strip();
  }

  /** Text that must be one of the allowed codes. */
  public String choice(String name, String label, Collection<String> allowed) {
    String v = text(name, label, true, MAX_NAME);
    if (v != null && !allowed.contains(v)) {
      fail(name, named(name, label, notOneOf(allowed)));
      return null;
    }
    return v;
  }

  public String pattern(String name, String label, String regex, String hint) {
    String v = text(name, label, true, MAX_NAME);
    if (v != null && !v.matches(regex)) {
      fail(name, named(name, label, "格式不正确，" + hint));
      return null;
    }
    return v;
  }

  /** A mobile number or a landline with its area code, wherever a contact phone is entered. */
  public String phone(String name) {
    return pattern(name, "联系电话", MOBILE_OR_LANDLINE, PHONE_HINT);
  }

  /** A unified social credit code (GB 32100-2015, {@link CreditCode}); a lowercase code is refused, not guessed at. */
  public String creditCode(String name) {
    String code = text(name, "统一社会信用代码", true, CreditCode.LENGTH);
    if (code != null && !CreditCode.isValid(code)) {
      fail(name, CreditCode.INVALID);
    }
    return code;
  }

  /** A finite decimal within [min, max]; null when absent (and required) or invalid. */
  public Double decimal(String name, String label, boolean required, double min, double max) {
    Double d = decimal(name, label);
    if (d == null) {
      requireIf(required && !has(name), name, label);
      return null;
    }
    if (d < min || d > max) {
      fail(name, named(name, label, "应在" + fmt(min) + "至" + fmt(max) + "之间"));
      return null;
    }
    return d;
  }

  /** A finite decimal (-0 read as 0); null when absent, and when not one (then refused). Type only. */
  public Double decimal(String name, String label) {
    Object v = read(name, label);
    if (v == null) {
      return null;
    }
    Double d = toDouble(v);
    if (d == null || d.isNaN() || d.isInfinite()) {
      fail(name, named(name, label, "应为数字"));
      return null;
    }
    return d + 0.0;
  }

  /** A whole number within [min, max]. */
  public Integer integer(String name, String label, boolean required, int min, int max) {
    Integer i = integer(name, label);
    if (i == null) {
      requireIf(required && !has(name), name, label);
      return null;
    }
    if (i < min || i > max) {
      fail(name, named(name, label, "应在" + min + "至" + max + "之间"));
      return null;
    }
    return i;
  }

  /**
   * A whole number; null when absent, and when not one (then refused). Type only: one beyond the
   * int range is read as the nearest int, so that a range check still refuses it.
   */
  public Integer integer(String name, String label) {
    Object v = read(name, label);
    if (v == null) {
      return null;
    }
    Double d = toDouble(v);
    if (d == null || d.isNaN() || d.isInfinite() || d != Math.rint(d)) {
      fail(name, named(name, label, "应为整数"));
      return null;
    }
    return d.intValue();
  }

  /** The page number of a list ({@link #PAGE}, text from 1 to {@link #MAX_PAGE}); null when absent or refused. */
  public Integer page() {
    String text = text(PAGE, "页码", false, 6);
    if (text == null) {
      return null;
    }
    if (!text.matches("[1-9]\\d{0,4}") || Integer.parseInt(text) > MAX_PAGE) {
      fail(PAGE, "页码（page）应为1至" + MAX_PAGE + "之间的整数");
      return null;
    }
    return Integer.valueOf(text);
  }

  /** A Boolean; Tasklist checkboxes always send one, REST clients must too. */
  public Boolean bool(String name, String label, boolean required) {
    Object v = read(name, label);
    if (v == null) {
      requireIf(required, name, label);
      return null;
    }
    if (!(v instanceof Boolean b)) {
      fail(name, named(name, label, "应为是/否（Boolean）"));
      return null;
    }
    return b;
  }

  /** Refuses every field not in {@code declared}: a command accepts exactly what it declares. */
  public Inputs only(Collection<String> declared) {
    values.keySet().stream().filter(name -> !declared.contains(name)).sorted().forEach(name ->
        fail(name, "不接受字段 " + name + "：本接口只接受 " + String.join("、", declared)));
    return this;
  }

  /**
   * Refuses (400, each at its name) the query parameters of a door that are not {@code declared}:
   * for doors that read their few parameters themselves, without an {@code Inputs}.
   */
  public static void onlyParameters(Map<String, String> parameters, Set<String> declared) {
    List<FieldError> unknown = parameters.keySet().stream().filter(name -> !declared.contains(name)).sorted()
        .map(name -> new FieldError(name, "未知参数：" + name + (declared.isEmpty() ? "（本接口不接受参数）"
            : "（本接口只接受 " + String.join("、", declared.stream().sorted().toList()) + "）"))).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
  }

  public void fail(String name, String message) {
    errors.add(new FieldError(name, message));
  }

  /** Whether {@code name} has been refused already. */
  public boolean failed(String name) {
    return errors.stream().anyMatch(e -> e.field().equals(name));
  }

  /**
   * Reports the Bean Validation violations of a value typed from these inputs, each under its field
   * (the last node of its path) and named with the label the field was read with. A field refused
   * already (of the wrong type) gets no second message, and a field that breaks several
   * constraints gets the first by {@link #PRECEDENCE}.
   */
  public Inputs check(Set<? extends ConstraintViolation<?>> violations) {
    Map<String, ConstraintViolation<?>> first = new HashMap<>();
    for (ConstraintViolation<?> v : violations) {
      first.merge(field(v.getPropertyPath()), v, (a, b) -> rank(a) <= rank(b) ? a : b);
    }
    first.forEach((name, v) -> {
      if (!failed(name)) {
        fail(name, named(name, labels.getOrDefault(name, name), v.getMessage()));
      }
    });
    return this;
  }

  /** Puts the errors in the order their fields were read (the form's), whichever check found them. */
  public Inputs inReadingOrder() {
    List<String> order = List.copyOf(labels.keySet());
    errors.sort(Comparator.comparingInt(e -> order.contains(e.field()) ? order.indexOf(e.field()) : order.size()));
    return this;
  }

  /** "取值无效，应为：a、b": what follows "label（field）" when a value is none of the allowed codes. */
  public static String notOneOf(Collection<String> allowed) {
    return "取值无效，应为：" + String.join("、", allowed);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private Object read(String name, String label) {
    labels.putIfAbsent(name, label);
    return values.get(name);
  }

  private boolean absent(String name) {
    Object v = values.get(name);
    return v == null || (v instanceof String s && s.isBlank());
  }

  private void requireIf(boolean required, String name, String label) {
    if (required) {
      fail(name, named(name, label, "为必填项"));
    }
  }

  /** "label（field）text". */
  private static String named(String name, String label, String text) {
    return label + "（" + name + "）" + text;
  }

  private static String field(Path path) {
    String name = null;
    for (Path.Node node : path) {
      name = node.getName();
    }
    return name;
  }

  private static int rank(ConstraintViolation<?> v) {
    int i = PRECEDENCE.indexOf(v.getConstraintDescriptor().getAnnotation().annotationType());
    return i < 0 ? PRECEDENCE.size() : i;
  }

  private static Double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }
}
