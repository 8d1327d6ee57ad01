package cn.gov.shuozhou.makerspace.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The one parser of HTTP Basic credentials ({@code Authorization: Basic base64(user:password)}),
 * used by every door that accepts them: {@code /api} ({@link ApiAuthenticationFilter}),
 * {@code /engine-rest} ({@link EngineRestBasicAuthenticationProvider}), the auditor filter and the
 * login throttle.
 *
 * @param userId the part before the first colon (never empty)
 * @param password the rest (may be empty or contain colons)
 */
public record BasicCredentials(String userId, String password) {

  private static final String SCHEME = "Basic ";

  /** True when the header announces Basic credentials, well-formed or not. */
  public static boolean isBasic(String authorizationHeader) {
    return authorizationHeader != null && authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /** The credentials of an {@code Authorization} header; empty when absent, not Basic, or malformed. */
  public static Optional<BasicCredentials> parse(String authorizationHeader) {
    if (!isBasic(authorizationHeader)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(
          Base64.getDecoder().decode(authorizationHeader.substring(SCHEME.length()).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? Optional.empty()
          : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "BasicCredentials[userId=" + userId + "]";
  }
}
