package cn.gov.shuozhou.makerspace.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of submitted variables (type, presence, range, length) and collects every
 * problem before failing, so that the user sees all fields at once. Whether an application is
 * eligible is never decided here: that is the DMN's answer alone.
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
  public static final double MAX_AREA = 1_000_000;
  public static final double MAX_MONEY = 1e12;
  public static final int MAX_COUNT = 1_000_000;
  public static final String MOBILE_OR_LANDLINE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

  private final Map<String, Object> values;
  private final List<FieldError> errors = new ArrayList<>();

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
    Object v = values.get(name);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        fail(name, label + "（" + name + "）为必填项");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      fail(name, label + "（" + name + "）应为文本");
      return null;
    }
    String t = s.strip();
    if (t.length() > maxLength) {
      fail(name, label + "（" + name + "）不得超过" + maxLength + "个字符");
      return null;
    }
    return t;
  }

  /** Text that must be one of the allowed codes. */
  public String choice(String name, String label, Collection<String> allowed) {
    String v = text(name, label, true, MAX_NAME);
    if (v != null && !allowed.contains(v)) {
      fail(name, label + "（" + name + "）取值无效，应为：" + String.join("、", allowed));
      return null;
    }
    return v;
  }

  public String pattern(String name, String label, String regex, String hint) {
    String v = text(name, label, true, MAX_NAME);
    if (v != null && !v.matches(regex)) {
      fail(name, label + "（" + name + "）格式不正确，" + hint);
      return null;
    }
    return v;
  }

  /** A mobile number or a landline with its area code, wherever a contact phone is entered. */
  public String phone(String name) {
    return pattern(name, "联系电话", MOBILE_OR_LANDLINE, "应为11位手机号码或带区号的固定电话（如0349-2881234）");
  }

  /** A unified social credit code (GB 32100-2015, {@link CreditCode}); a lowercase code is refused, not guessed at. */
  public String creditCode(String name) {
    String code = text(name, "统一社会信用代码", true, 18);
    if (code != null && !CreditCode.isValid(code)) {
      fail(name, CreditCode.INVALID);
    }
    return code;
  }

  /** A finite decimal within [min, max]; null when absent (and required) or invalid. */
  public Double decimal(String name, String label, boolean required, double min, double max) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        fail(name, label + "（" + name + "）为必填项");
      }
      return null;
    }
    Double d = toDouble(v);
    if (d == null || d.isNaN() || d.isInfinite()) {
      fail(name, label + "（" + name + "）应为数字");
      return null;
    }
    if (d < min || d > max) {
      fail(name, label + "（" + name + "）应在" + fmt(min) + "至" + fmt(max) + "之间");
      return null;
    }
    return d;
  }

  /** A whole number within [min, max]. */
  public Integer integer(String name, String label, boolean required, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        fail(name, label + "（" + name + "）为必填项");
      }
      return null;
    }
    Double d = toDouble(v);
    if (d == null || d.isNaN() || d.isInfinite() || d != Math.rint(d)) {
      fail(name, label + "（" + name + "）应为整数");
      return null;
    }
    if (d < min || d > max) {
      fail(name, label + "（" + name + "）应在" + min + "至" + max + "之间");
      return null;
    }
    return d.intValue();
  }

  /** A Boolean; Tasklist checkboxes always send one, REST clients must too. */
  public Boolean bool(String name, String label, boolean required) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        fail(name, label + "（" + name + "）为必填项");
      }
      return null;
    }
    if (!(v instanceof Boolean b)) {
      fail(name, label + "（" + name + "）应为是/否（Boolean）");
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

  public void fail(String name, String message) {
    errors.add(new FieldError(name, message));
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
