package cn.gov.shuozhou.makerspace.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** Of these certificates, those whose title ended (revoked or expired), by number: one query for a list. */
  public Map<String, Certificate> ended(Collection<String> certificateNumbers) {
    if (certificateNumbers.isEmpty()) {
      return Map.of();
    }
    String marks = String.join(", ", Collections.nCopies(certificateNumbers.size(), "?"));
    Map<String, Certificate> ended = new HashMap<>();
    jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate WHERE status <> 'VALID' AND certificate_number IN (" + marks + ")",
        CertificateRegistry::map, certificateNumbers.toArray()).forEach(c -> ended.put(c.certificateNumber(), c));
    return ended;
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

  /** Filters of the public registry; empty strings mean any. {@code status}: valid, expired or revoked on {@code today}. */
  public record Search(String text, String county, String status, LocalDate today) {}

  /** One page of the certificates a search finds, newest first, and how many it finds in all. */
  public record Found(long total, List<Certificate> page) {}

  /**
   * One page of the certificates that {@code search} finds, newest first, with their number: one
   * query (a window count), since a text search reads every row (issue 18, "Measured").
   */
  public Found search(Search search, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(search, args);
    args.add(limit);
    args.add(offset);
    long[] total = {0};
    List<Certificate> page = jdbc.query("SELECT " + COLUMNS + ", COUNT(*) OVER () AS found FROM ms_certificate" + where
        + " ORDER BY certified_on DESC, certificate_number DESC LIMIT ? OFFSET ?", (rs, row) -> {
          total[0] = rs.getLong("found");
          return map(rs, row);
        }, args.toArray());
    // a page past the end has no row to carry the count
    return new Found(page.isEmpty() && offset > 0 ? count(search) : total[0], page);
  }

  public long count(Search search) {
    List<Object> args = new ArrayList<>();
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_certificate" + where(search, args), Long.class, args.toArray());
  }

  /** The certificates that changed to {@code status} (revoked, expired), latest first. */
  public List<Certificate> endedAs(CertificateStatus status, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate WHERE status = ? "
        + "ORDER BY status_changed_on DESC, certificate_number DESC LIMIT ?", CertificateRegistry::map, status.name(), limit);
  }

  /** Every certificate number, in order (for the sitemap). */
  public List<String> numbers() {
    return jdbc.queryForList("SELECT certificate_number FROM ms_certificate ORDER BY certificate_number", String.class);
  }

  /** The latest certifications. */
  public List<Certificate> latest(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_certificate ORDER BY certified_on DESC, certificate_number DESC "
        + "LIMIT ?", CertificateRegistry::map, limit);
  }

  private static String where(Search search, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (!search.text().isEmpty()) {
      String like = "%" + search.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_") + "%";
      conditions.add("(LOWER(space_name) LIKE ? ESCAPE '\\' OR LOWER(operator_name) LIKE ? ESCAPE '\\')");
      args.add(like);
      args.add(like);
    }
    if (!search.county().isEmpty()) {
      conditions.add("county = ?");
      args.add(search.county());
    }
    Date today = Date.valueOf(search.today());
    switch (search.status()) {
      case "" -> { }
      case "valid" -> {
        conditions.add("status = 'VALID' AND valid_until >= ?");
        args.add(today);
      }
      case "expired" -> {
        conditions.add("(status = 'EXPIRED' OR (status = 'VALID' AND valid_until < ?))");
        args.add(today);
      }
      case "revoked" -> conditions.add("status = 'REVOKED'");
      default -> throw new IllegalArgumentException("status " + search.status());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
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
