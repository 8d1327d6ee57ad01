package cn.gov.shuozhou.makerspace.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A maker space as the measures certify it (Art. 2, 4, 5): its operator's credit code plus its
 * name and address. Name and address are compared normalised: full-width folded to half-width,
 * Latin letters in lower case, and whitespace left out (Chinese names and addresses carry no
 * meaning in spaces), so "朔城区 民福街１号" and "朔城区民福街1号" are one address. {@link #key()} is what the registry's unique keys hold.
 */
public record Space(String creditCode, String name, String address) {

  /** The fixed-length key of this space (SHA-256 of the normalised triple, hex). */
  public String key() {
    String identity = creditCode + '\n' + normalise(name) + '\n' + normalise(address);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The form in which names and addresses are compared. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    // NFKC folds full-width letters, digits and the ideographic space into their half-width forms
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return folded.replaceAll("\\s+", "");
  }
}
