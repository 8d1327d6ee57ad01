package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one password policy of organisation accounts, wherever a password is set (created by an
 * administrator, self-registration, reset): 8 to 128 characters with letters and digits, not
 * containing the account id, and not one of the commonly used passwords
 * ({@code organisation/common-passwords.txt}, compared without case).
 */
public final class PasswordPolicy {

  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** The password, or null after recording the reason on {@code in} under {@code field}. Not trimmed. */
  public static String check(Inputs in, String field, Object value, String userId) {
    if (!(value instanceof String p) || p.isEmpty()) {
      in.fail(field, value == null ? "密码（" + field + "）为必填项" : "密码（" + field + "）应为文本");
      return null;
    }
    if (p.length() < 8 || p.length() > 128 || !p.matches(".*\\p{L}.*") || !p.matches(".*\\d.*")) {
      in.fail(field, "密码（" + field + "）应为8至128个字符，且同时包含字母和数字");
      return null;
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
      in.fail(field, "密码（" + field + "）不能包含用户名");
      return null;
    }
    if (COMMON.contains(lower)) {
      in.fail(field, "密码（" + field + "）过于常见，容易被猜中，请换一个");
      return null;
    }
    return p;
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("organisation/common-passwords.txt missing", e);
    }
  }
}
