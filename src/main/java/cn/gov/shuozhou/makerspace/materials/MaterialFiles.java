package cn.gov.shuozhou.makerspace.materials;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code ms_material_file} and {@code ms_material_chunk}. Submitted rows are only read; drafts
 * are bound (given their case, version and submission time) by the step that submits them.
 */
@Repository
public class MaterialFiles {

  private static final String COLUMNS = "file_id, case_number, credit_code, step, material_code, version, "
      + "file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, submitted, submitted_at";

  private final JdbcTemplate jdbc;

  public MaterialFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(MaterialFile f) {
    jdbc.update("INSERT INTO ms_material_file (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        f.fileId(), f.caseNumber(), f.creditCode(), f.step(), f.materialCode(), f.version(), f.fileName(),
        f.contentType(), f.size(), f.sha256(), f.uploadedBy(), Timestamp.from(f.uploadedAt()), f.submitted(),
        f.submittedAt() == null ? null : Timestamp.from(f.submittedAt()));
  }

  void insertChunk(String fileId, int chunkNo, byte[] data) {
    jdbc.update("INSERT INTO ms_material_chunk (file_id, chunk_no, data) VALUES (?, ?, ?)", fileId, chunkNo, data);
  }

  public Optional<MaterialFile> find(String fileId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_material_file WHERE file_id = ?", MaterialFiles::row, fileId)
        .stream().findFirst();
  }

  /** A case's files, every version, grouped by item, newest version first. */
  public List<MaterialFile> ofCase(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_material_file WHERE case_number = ? "
        + "ORDER BY material_code, version DESC, uploaded_at", MaterialFiles::row, caseNumber);
  }

  /** The drafts of one uploader not yet submitted: before filing ({@code caseNumber} null) or of a case's step. */
  public List<MaterialFile> drafts(String uploadedBy, String caseNumber) {
    return caseNumber == null
        ? jdbc.query("SELECT " + COLUMNS + " FROM ms_material_file WHERE uploaded_by = ? AND submitted = FALSE "
            + "AND case_number IS NULL ORDER BY uploaded_at", MaterialFiles::row, uploadedBy)
        : jdbc.query("SELECT " + COLUMNS + " FROM ms_material_file WHERE uploaded_by = ? AND submitted = FALSE "
            + "AND case_number = ? ORDER BY uploaded_at", MaterialFiles::row, uploadedBy, caseNumber);
  }

  /**
   * The uploader's drafts of a filing, locked until the caller's transaction ends: a second filing
   * at the same moment waits, then finds them bound to the first case and none left for itself.
   */
  List<MaterialFile> lockFilingDrafts(String uploadedBy) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_material_file WHERE uploaded_by = ? AND submitted = FALSE "
        + "AND case_number IS NULL FOR UPDATE", MaterialFiles::row, uploadedBy);
  }

  /** Bytes an application holds (every version and its open drafts) or, before filing, the uploader's drafts. */
  long bytesOf(String uploadedBy, String caseNumber) {
    Long total = caseNumber == null
        ? jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM ms_material_file WHERE uploaded_by = ? "
            + "AND submitted = FALSE AND case_number IS NULL", Long.class, uploadedBy)
        : jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM ms_material_file WHERE case_number = ?",
            Long.class, caseNumber);
    return total == null ? 0 : total;
  }

  /**
   * Submits the uploader's drafts of a step with the step's own transaction: they get the case (a
   * filing's drafts had none) and the next version of their item; returns how many.
   */
  int submit(String uploadedBy, String draftsOf, String caseNumber, String step, Instant at) {
    Map<String, List<MaterialFile>> byItem = drafts(uploadedBy, draftsOf).stream()
        .filter(f -> f.step().equals(step))
        .collect(Collectors.groupingBy(MaterialFile::materialCode, LinkedHashMap::new, Collectors.toList()));
    int count = 0;
    for (Map.Entry<String, List<MaterialFile>> item : byItem.entrySet()) {
      Integer last = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) FROM ms_material_file "
          + "WHERE case_number = ? AND material_code = ? AND submitted = TRUE", Integer.class,
          caseNumber, item.getKey());
      int version = (last == null ? 0 : last) + 1; // the files of one item in one round share a version
      for (MaterialFile draft : item.getValue()) {
        count += jdbc.update("UPDATE ms_material_file SET case_number = ?, version = ?, submitted = TRUE, "
            + "submitted_at = ? WHERE file_id = ? AND submitted = FALSE", caseNumber, version,
            Timestamp.from(at), draft.fileId());
      }
    }
    return count;
  }

  /** Submits one draft of its uploader as {@code version}; 1 when it was a draft, 0 otherwise. */
  int submitDraft(String fileId, String uploadedBy, int version, Instant at) {
    return jdbc.update("UPDATE ms_material_file SET version = ?, submitted = TRUE, submitted_at = ? "
        + "WHERE file_id = ? AND uploaded_by = ? AND submitted = FALSE", version, Timestamp.from(at), fileId, uploadedBy);
  }

  /** Removes a draft (never a submitted file) of its uploader; true when one was removed. */
  boolean deleteDraft(String fileId, String uploadedBy) {
    int removed = jdbc.update("DELETE FROM ms_material_file WHERE file_id = ? AND uploaded_by = ? AND submitted = FALSE",
        fileId, uploadedBy);
    if (removed > 0) {
      jdbc.update("DELETE FROM ms_material_chunk WHERE file_id = ?", fileId);
    }
    return removed > 0;
  }

  /**
   * Sends a stored file's content as {@code disposition} (attachment or inline), never sniffed or
   * cached, one chunk in memory at a time.
   */
  void send(String fileId, String fileName, String contentType, long size, String disposition,
      HttpServletResponse response) throws IOException {
    response.setContentType(contentType);
    response.setContentLengthLong(size);
    response.setHeader("Content-Disposition", ContentDisposition.builder(disposition)
        .filename(fileName, StandardCharsets.UTF_8).build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    try (OutputStream out = response.getOutputStream()) {
      copy(fileId, out);
    }
  }

  /** Writes a file's content to {@code out}, one chunk in memory at a time. */
  void copy(String fileId, OutputStream out) throws IOException {
    int chunks = chunkCount(fileId);
    for (int i = 0; i < chunks; i++) {
      out.write(chunk(fileId, i));
    }
  }

  int chunkCount(String fileId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ms_material_chunk WHERE file_id = ?", Integer.class, fileId);
    return n == null ? 0 : n;
  }

  byte[] chunk(String fileId, int chunkNo) {
    return jdbc.queryForObject("SELECT data FROM ms_material_chunk WHERE file_id = ? AND chunk_no = ?", byte[].class,
        fileId, chunkNo);
  }

  private static MaterialFile row(ResultSet rs, int n) throws SQLException {
    Timestamp submittedAt = rs.getTimestamp("submitted_at");
    return new MaterialFile(rs.getString("file_id"), rs.getString("case_number"), rs.getString("credit_code"),
        rs.getString("step"), rs.getString("material_code"), rs.getInt("version"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("submitted"),
        submittedAt == null ? null : submittedAt.toInstant());
  }
}
