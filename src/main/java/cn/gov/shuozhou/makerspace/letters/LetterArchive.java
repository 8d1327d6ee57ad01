package cn.gov.shuozhou.makerspace.letters;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code ms_letter}: each letter once, with its PDF and SHA-256. There is deliberately no
 * update and no delete: a letter that was sent stays as it was sent (a correction is a new letter).
 */
@Repository
public class LetterArchive {

  private static final String COLUMNS = "letter_id, kind, document_number, application_number, certificate_number, "
      + "credit_code, issued_on, created_at, sha256";

  private final JdbcTemplate jdbc;

  public LetterArchive(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the letter; runs in the caller's (the step's) transaction. */
  void insert(LetterSummary letter, byte[] pdf) {
    jdbc.update("INSERT INTO ms_letter (" + COLUMNS + ", pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        letter.id(), letter.kind().name(), letter.documentNumber(), letter.applicationNumber(),
        letter.certificateNumber(), letter.creditCode(), Date.valueOf(letter.issuedOn()),
        Timestamp.from(letter.createdAt()), letter.sha256(), pdf);
  }

  /** The letters of an application (and of the certificate issued on it), oldest first. */
  public List<LetterSummary> ofApplication(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_letter WHERE application_number = ? "
        + "ORDER BY created_at, document_number", LetterArchive::map, applicationNumber);
  }

  public Optional<LetterSummary> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_letter WHERE letter_id = ?", LetterArchive::map, id)
        .stream().findFirst();
  }

  /** The certificate PDF issued with this number, if any. */
  public Optional<LetterSummary> certificate(String certificateNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_letter WHERE kind = ? AND certificate_number = ?",
        LetterArchive::map, LetterKind.CERTIFICATE.name(), certificateNumber).stream().findFirst();
  }

  public byte[] pdf(String id) {
    return jdbc.queryForObject("SELECT pdf FROM ms_letter WHERE letter_id = ?", byte[].class, id);
  }

  private static LetterSummary map(ResultSet rs, int row) throws SQLException {
    LetterKind kind = LetterKind.valueOf(rs.getString("kind"));
    return new LetterSummary(rs.getString("letter_id"), kind, kind.title(), rs.getString("document_number"),
        rs.getString("application_number"), rs.getString("certificate_number"), rs.getString("credit_code"),
        rs.getDate("issued_on").toLocalDate(), rs.getTimestamp("created_at").toInstant(), rs.getString("sha256"));
  }
}
