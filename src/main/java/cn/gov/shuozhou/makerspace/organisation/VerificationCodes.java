package cn.gov.shuozhou.makerspace.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Email verification codes (registration, password reset): six random digits, valid for
 * {@link #VALID}, at most {@link #MAX_ATTEMPTS} tries; only a hash bound to its request is stored.
 */
final class VerificationCodes {

  static final Duration VALID = Duration.ofMinutes(30);
  static final int MAX_ATTEMPTS = 5;
  /** Requests per address (email, credit code or account) and hour. */
  static final int MAX_REQUESTS_PER_HOUR = 3;

  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCodes() {}

  static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  static String hash(String requestId, String code) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((requestId + ":" + code).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of the stored hash with the hash of the code given. */
  static boolean matches(String storedHash, String requestId, String code) {
    return code != null && code.matches("\\d{6}") && MessageDigest.isEqual(
        storedHash.getBytes(StandardCharsets.US_ASCII), hash(requestId, code).getBytes(StandardCharsets.US_ASCII));
  }
}
