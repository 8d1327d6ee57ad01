package cn.gov.shuozhou.makerspace.rules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers for DMN files: decoding uploaded bytes, content checksums. */
public final class RuleXml {

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  private RuleXml() {}

  /**
   * Decodes a DMN file: the charset given by the client if any, else the encoding of the XML
   * declaration, else UTF-8. A byte order mark is dropped.
   */
  public static String decode(byte[] bytes, Charset declaredByClient) {
    Charset charset = declaredByClient;
    if (charset == null) {
      String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
      Matcher matcher = DECLARED_ENCODING.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head);
      charset = StandardCharsets.UTF_8;
      if (matcher.find()) {
        try {
          charset = Charset.forName(matcher.group(1));
        } catch (RuntimeException e) {
          charset = StandardCharsets.UTF_8;
        }
      }
    }
    return stripBom(new String(bytes, charset));
  }

  /** The text as it is deployed: no byte order mark, and an XML declaration that says UTF-8. */
  public static String forUtf8(String xml) {
    String text = stripBom(xml);
    Matcher matcher = DECLARED_ENCODING.matcher(text);
    if (matcher.find() && !matcher.group(1).equalsIgnoreCase("UTF-8")) {
      text = text.substring(0, matcher.start(1)) + "UTF-8" + text.substring(matcher.end(1));
    }
    return text;
  }

  /** SHA-256 of the content, independent of line endings and a byte order mark. */
  public static String checksum(String xml) {
    String normalized = stripBom(xml).replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
