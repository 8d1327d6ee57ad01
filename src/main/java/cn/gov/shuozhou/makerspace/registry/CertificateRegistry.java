package cn.gov.shuozhou.makerspace.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The registry of certified maker spaces (table {@code ms_certificate}). */
@Repository
public class CertificateRegistry {

  private static final String COLUMNS = "certificate_number, application_number, credit_code, operator_name, "
      + "space_name, county, applicant, certified_on, valid_until, status, status_reason, status_note, "
      + "status_changed_on, certification_instance_id";

  private final JdbcTemplate jdbc;
  private final NumberSequence sequence;

  public CertificateRegistry(JdbcTemplate jdbc, NumberSequence sequence) {
    this.jdbc = jdbc;
    this.sequence = sequence;
  }

  /**
   * Issues the next certificate number of the year and records the certificate of the space.
   * Numbers are sequential per year; the unique constraints make a duplicate impossible even if two
   * engines certify at once.
   */
  public Certificate issue(Certification draft) {
    int year = draft.certifiedOn().getYear();
    int seq = (int) sequence.next("CERTIFICATE-" + year);
    String number = String.format("SZZC-%d-%03d", year, seq);
    Space space = draft.space();
    jdbc.update("INSERT INTO ms_certificate (certificate_number, cert_year, cert_seq, application_number, "
            + "credit_code, operator_name, space_name, space_address, space_key, county, applicant, certified_on, "
            + "valid_until, status, certification_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        number, year, seq, draft.applicationNumber(), space.creditCode(), draft.operatorName(),
        space.name(), space.address(), space.key(), draft.county(), draft.applicant(),
        Date.valueOf(draft.certifiedOn()), Date.valueOf(draft.validUntil()), CertificateStatus.VALID.name(),
        draft.certificationInstanceId());
    return find(number).orElseThrow();
  }

  public Optional<Certificate> find(String certificateNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate WHERE certificate_number = ?",
        CertificateRegistry::map, certificateNumber).stream().findFirst();
  }

  /** The certificate issued on an application, if any. */
  public Optional<Certificate> forApplication(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate WHERE application_number = ?",
        CertificateRegistry::map, applicationNumber).stream().findFirst();
  }

  /** The certificate of this space that is valid on the given day, if any (other spaces of its operator do not count). */
  public Optional<Certificate> validFor(Space space, LocalDate day) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate WHERE space_key = ? AND status = ? "
            + "AND valid_until >= ? ORDER BY valid_until DESC",
        CertificateRegistry::map, space.key(), CertificateStatus.VALID.name(), Date.valueOf(day))
        .stream().findFirst();
  }

  public List<Certificate> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate ORDER BY certificate_number", CertificateRegistry::map);
  }

  /** Ends a certificate's validity; a certificate that already ended keeps its first end. */
  public void close(String certificateNumber, CertificateStatus status, String reason, String note, LocalDate on) {
    jdbc.update("UPDATE ms_certificate SET status = ?, status_reason = ?, status_note = ?, status_changed_on = ? "
            + "WHERE certificate_number = ? AND status = ?",
        status.name(), reason, note, Date.valueOf(on), certificateNumber, CertificateStatus.VALID.name());
  }

  private static Certificate map(ResultSet rs, int row) throws SQLException {
    Date changed = rs.getDate("status_changed_on");
    return new Certificate(rs.getString("certificate_number"), rs.getString("application_number"),
        rs.getString("credit_code"), rs.getString("operator_name"), rs.getString("space_name"),
        rs.getString("county"), rs.getString("applicant"), rs.getDate("certified_on").toLocalDate(),
        rs.getDate("valid_until").toLocalDate(), CertificateStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"), rs.getString("status_note"),
        changed == null ? null : changed.toLocalDate(), rs.getString("certification_instance_id"));
  }
}
