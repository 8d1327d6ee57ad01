package cn.gov.shuozhou.makerspace.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code makerspace.letters.*}: who signs the letters and where the certificate's QR code points.
 *
 * @param issuingAuthority the authority printed on every letter (default 朔州市科学技术局)
 * @param documentPrefix the prefix of document numbers, 朔科创字〔year〕N号 (default 朔科创字)
 * @param publicBaseUrl the public address of the application; the QR code links to
 *     {@code {publicBaseUrl}/public/verify?number=…} (default http://localhost:8080)
 */
@ConfigurationProperties(prefix = "makerspace.letters")
public record LetterProperties(String issuingAuthority, String documentPrefix, String publicBaseUrl) {

  public LetterProperties {
    issuingAuthority = blank(issuingAuthority) ? "朔州市科学技术局" : issuingAuthority.trim();
    documentPrefix = blank(documentPrefix) ? "朔科创字" : documentPrefix.trim();
    publicBaseUrl = blank(publicBaseUrl) ? "http://localhost:8080" : publicBaseUrl.trim().replaceAll("/+$", "");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
