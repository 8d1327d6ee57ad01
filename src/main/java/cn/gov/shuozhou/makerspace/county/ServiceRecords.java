package cn.gov.shuozhou.makerspace.county;

import cn.gov.shuozhou.makerspace.common.ReadableValues;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code ms_service_entry} and {@code ms_service_attachment}: insert and read, nothing else —
 * an entry is never updated or deleted; a correction is a new entry naming the one it corrects.
 */
@Repository
public class ServiceRecords {

  private static final String COLUMNS = "e.entry_id, e.certificate_number, e.served_on, e.kind, e.description, "
      + "e.corrects_entry_id, e.recorded_by, e.recorded_at, "
      + "(SELECT MIN(c.entry_id) FROM ms_service_entry c WHERE c.corrects_entry_id = e.entry_id) AS corrected_by";

  private final JdbcTemplate jdbc;

  public ServiceRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ServiceEntry entry) {
    jdbc.update("INSERT INTO ms_service_entry (entry_id, certificate_number, served_on, kind, description, "
            + "corrects_entry_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entry.entryId(), entry.certificateNumber(), Date.valueOf(entry.servedOn()), entry.kind(), entry.description(),
        entry.correctsEntryId(), entry.recordedBy(), Timestamp.from(entry.recordedAt()));
    for (String fileId : entry.attachments()) {
      jdbc.update("INSERT INTO ms_service_attachment (entry_id, file_id) VALUES (?, ?)", entry.entryId(), fileId);
    }
  }

  /** A space's entries, every one (corrected ones too), latest day first. */
  public List<ServiceEntry> of(String certificateNumber) {
    return withAttachments(jdbc.query("SELECT " + COLUMNS + " FROM ms_service_entry e WHERE e.certificate_number = ? "
        + "ORDER BY e.served_on DESC, e.recorded_at DESC", ServiceRecords::row, certificateNumber));
  }

  /** The entries in force of one year's service to a space (what its annual assessment shows), oldest first. */
  public List<ServiceEntry> inForce(String certificateNumber, int year) {
    return withAttachments(jdbc.query("SELECT " + COLUMNS + " FROM ms_service_entry e WHERE e.certificate_number = ? "
            + "AND e.served_on >= ? AND e.served_on <= ? AND NOT EXISTS (SELECT 1 FROM ms_service_entry c "
            + "WHERE c.corrects_entry_id = e.entry_id) ORDER BY e.served_on, e.recorded_at", ServiceRecords::row,
        certificateNumber, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31))));
  }

  public Optional<ServiceEntry> find(String entryId) {
    return withAttachments(jdbc.query("SELECT " + COLUMNS + " FROM ms_service_entry e WHERE e.entry_id = ?",
        ServiceRecords::row, entryId)).stream().findFirst();
  }

  private List<ServiceEntry> withAttachments(List<ServiceEntry> entries) {
    if (entries.isEmpty()) {
      return entries;
    }
    Map<String, List<String>> files = new HashMap<>();
    jdbc.query("SELECT a.entry_id, a.file_id FROM ms_service_attachment a JOIN ms_service_entry e "
            + "ON e.entry_id = a.entry_id WHERE e.certificate_number = ? ORDER BY a.file_id",
        (ResultSet rs) -> {
          files.computeIfAbsent(rs.getString("entry_id"), id -> new java.util.ArrayList<>()).add(rs.getString("file_id"));
        }, entries.get(0).certificateNumber());
    return entries.stream().map(e -> new ServiceEntry(e.entryId(), e.certificateNumber(), e.servedOn(), e.kind(),
        e.kindLabel(), e.description(), List.copyOf(files.getOrDefault(e.entryId(), List.of())), e.correctsEntryId(),
        e.correctedByEntryId(), e.recordedBy(), e.recordedAt())).toList();
  }

  private static ServiceEntry row(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("kind");
    Instant recordedAt = rs.getTimestamp("recorded_at").toInstant();
    return new ServiceEntry(rs.getString("entry_id"), rs.getString("certificate_number"),
        rs.getDate("served_on").toLocalDate(), kind, ReadableValues.label(ServiceKind.DICTIONARY, kind),
        rs.getString("description"), List.of(), rs.getString("corrects_entry_id"), rs.getString("corrected_by"),
        rs.getString("recorded_by"), recordedAt);
  }
}
