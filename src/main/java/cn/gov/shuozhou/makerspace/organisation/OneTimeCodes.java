package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.Mailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time email codes of the self-service doors (registration, password reset): six random digits,
 * valid for {@link #VALID}, at most {@link #MAX_ATTEMPTS} tries. A request is a row of its purpose's
 * table holding only a hash of the code bound to the row, its attempts, expiry and when it was used.
 */
@Component
class OneTimeCodes {

  static final Duration VALID = Duration.ofMinutes(30);
  static final int MAX_ATTEMPTS = 5;
  /** Requests per address (email, credit code or account) and hour. */
  static final int MAX_REQUESTS_PER_HOUR = 3;

  /** What a code is for: the table of its requests and its key, the mail's subject and closing words. */
  enum Purpose {
    REGISTRATION("ms_registration", "registration_id", "注册验证码", "如非本单位操作，请忽略本邮件。",
        "需返回重新填写注册信息获取新的验证码"),
    PASSWORD_RESET("ms_password_reset", "reset_id", "重置密码验证码", "如非本单位操作，请忽略本邮件，原密码仍然有效。",
        "需返回重新发送验证码");

    private final String table;
    private final String key;
    private final String subject;
    private final String closing;
    /** What the applicant does once the code is spent (said with a wrong code). */
    private final String again;

    Purpose(String table, String key, String subject, String closing, String again) {
      this.table = table;
      this.key = key;
      this.subject = subject;
      this.closing = closing;
      this.again = again;
    }
  }

  /** A stored request: its id (the confirmation names it) and until when its code is valid. */
  record Issued(String requestId, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Mailer mailer;
  private final TransactionTemplate transaction;

  OneTimeCodes(JdbcTemplate jdbc, Mailer mailer, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.transaction = transaction;
  }

  /** Whether the requests of the last hour that match {@code where} (on the purpose's columns) reached the limit. */
  boolean tooMany(Purpose purpose, String where, Object... arguments) {
    Object[] withSince = Stream.concat(Stream.of(arguments),
        Stream.of(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))).toArray();
    Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM " + purpose.table + " WHERE (" + where
        + ") AND requested_at > ?", Integer.class, withSince);
    return recent != null && recent >= MAX_REQUESTS_PER_HOUR;
  }

  /**
   * Stores a request with the purpose's own {@code columns} and mails its code to {@code email}
   * after {@code greeting}, in the caller's transaction: a mail that cannot go leaves no row.
   */
  Issued issue(Purpose purpose, Map<String, Object> columns, String email, String greeting) {
    String id = UUID.randomUUID().toString();
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    Instant now = Instant.now();
    Instant expires = now.plus(VALID);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(purpose.key, id);
    row.putAll(columns);
    row.put("code_hash", hash(id, code));
    row.put("attempts", 0);
    row.put("requested_at", Timestamp.from(now));
    row.put("expires_at", Timestamp.from(expires));
    jdbc.update("INSERT INTO " + purpose.table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
        + "?, ".repeat(row.size() - 1) + "?)", row.values().toArray());
    mailer.send(email, "众创空间认定与管理系统：" + purpose.subject, greeting + "\n验证码：" + code + "\n有效期"
        + VALID.toMinutes() + "分钟。" + purpose.closing + "\n\n朔州市科学技术局");
    return new Issued(id, expires);
  }

  /** The newest request whose {@code column} is {@code value} and whose code may still be tried. */
  Optional<String> newestOpen(Purpose purpose, String column, Object value) {
    return jdbc.queryForList("SELECT " + purpose.key + " FROM " + purpose.table + " WHERE " + column + " = ? AND "
        + "consumed_at IS NULL AND attempts < ? AND expires_at > ? ORDER BY requested_at DESC", String.class, value,
        MAX_ATTEMPTS, Timestamp.from(Instant.now())).stream().findFirst();
  }

  /**
   * Counts an attempt at request {@code requestId} and checks its code; 400 at field {@code code}
   * with {@code expired} when it is used, expired or out of tries. The attempt commits on its own
   * (callers run outside a transaction), so guessing is limited although a refusal changes nothing else.
   */
  void check(Purpose purpose, String requestId, String code, String expired) {
    int counted = jdbc.update("UPDATE " + purpose.table + " SET attempts = attempts + 1 WHERE " + purpose.key
        + " = ? AND consumed_at IS NULL AND attempts < ? AND expires_at > ?", requestId, MAX_ATTEMPTS,
        Timestamp.from(Instant.now()));
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT code_hash, attempts FROM " + purpose.table + " WHERE "
        + purpose.key + " = ?", requestId);
    if (counted == 0 || rows.isEmpty()) {
      throw new InvalidInputException("code", expired);
    }
    if (!matches((String) rows.get(0).get("code_hash"), requestId, code)) {
      // the tries left from the count kept here, so that the applicant knows before the code is spent
      int left = MAX_ATTEMPTS - ((Number) rows.get(0).get("attempts")).intValue();
      throw new InvalidInputException("code", left > 0
          ? "验证码（code）不正确，还可再试" + left + "次；输错" + MAX_ATTEMPTS + "次后验证码失效，" + purpose.again
          : "验证码（code）不正确，已输错" + MAX_ATTEMPTS + "次，验证码已失效，" + purpose.again);
    }
  }

  /** Marks the request used and runs {@code use}, in one transaction; 400 {@code used} when it was used already. */
  void consume(Purpose purpose, String requestId, String used, Runnable use) {
    transaction.executeWithoutResult(status -> {
      if (jdbc.update("UPDATE " + purpose.table + " SET consumed_at = ? WHERE " + purpose.key + " = ? "
          + "AND consumed_at IS NULL", Timestamp.from(Instant.now()), requestId) == 0) {
        throw new InvalidInputException("code", used);
      }
      use.run();
    });
  }

  private static String hash(String requestId, String code) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((requestId + ":" + code).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of the stored hash with the hash of the code given. */
  private static boolean matches(String storedHash, String requestId, String code) {
    return code != null && code.matches("\\d{6}") && MessageDigest.isEqual(
        storedHash.getBytes(StandardCharsets.US_ASCII), hash(requestId, code).getBytes(StandardCharsets.US_ASCII));
  }
}
