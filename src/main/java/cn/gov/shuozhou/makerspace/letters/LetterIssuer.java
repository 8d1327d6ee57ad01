package cn.gov.shuozhou.makerspace.letters;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.NumberSequence;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues letters: gives each its document number (朔科创字〔2026〕N号, gap-free per year from
 * {@code ms_sequence}), renders it, and stores it with its SHA-256, all in the caller's transaction —
 * a step that fails issues nothing, and a step that commits has its letter.
 */
@Service
public class LetterIssuer {

  private final LetterPdf pdf;
  private final LetterArchive archive;
  private final NumberSequence sequence;
  private final LetterProperties properties;

  public LetterIssuer(LetterPdf pdf, LetterArchive archive, NumberSequence sequence, LetterProperties properties) {
    this.pdf = pdf;
    this.archive = archive;
    this.sequence = sequence;
    this.properties = properties;
  }

  public LetterSummary issue(LetterContent content) {
    LocalDate today = EngineClock.today();
    String number = properties.documentPrefix() + "〔" + today.getYear() + "〕"
        + sequence.next("LETTER-" + today.getYear()) + "号";
    byte[] bytes = pdf.letter(content, number, today, properties.issuingAuthority());
    return store(content.kind(), number, content.applicationNumber(), content.certificateNumber(),
        content.creditCode(), today, bytes);
  }

  /** The letter, unless its application has one of its kind already (a step its case may pass again). */
  public Optional<LetterSummary> issueOnce(LetterContent content) {
    boolean issued = archive.ofApplication(content.applicationNumber()).stream()
        .anyMatch(letter -> letter.kind() == content.kind());
    return issued ? Optional.empty() : Optional.of(issue(content));
  }

  /** The certificate; its document number is the certificate number. */
  public LetterSummary issueCertificate(CertificateContent certificate, String applicationNumber, String creditCode) {
    byte[] bytes = pdf.certificate(certificate, verifyUrl(certificate.certificateNumber()),
        properties.issuingAuthority());
    return store(LetterKind.CERTIFICATE, certificate.certificateNumber(), applicationNumber,
        certificate.certificateNumber(), creditCode, certificate.certifiedOn(), bytes);
  }

  /** Where the certificate's QR code points. */
  public String verifyUrl(String certificateNumber) {
    return properties.publicBaseUrl() + "/public/verify?number=" + URLEncoder.encode(certificateNumber, UTF_8);
  }

  private LetterSummary store(LetterKind kind, String number, String applicationNumber, String certificateNumber,
      String creditCode, LocalDate issuedOn, byte[] bytes) {
    LetterSummary letter = new LetterSummary(UUID.randomUUID().toString(), kind, kind.title(), number,
        applicationNumber, certificateNumber, creditCode, issuedOn, EngineClock.now().toInstant(), sha256(bytes));
    archive.insert(letter, bytes);
    return letter;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
