package cn.gov.shuozhou.makerspace.materials;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.OBJECTION_EVIDENCE_MAX_FILE_MB;
import static cn.gov.shuozhou.makerspace.certification.Policy.Output.OBJECTION_EVIDENCE_MAX_FILES;

import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The evidence of a real-name objection to a public notice (Art. 5 (3)): table
 * {@code ms_objection_evidence}, its content streamed into {@code ms_material_chunk} by
 * {@link ContentStore} with the same checks as the applicant's materials, within the policy's
 * {@code objectionEvidenceMaxFiles} and {@code objectionEvidenceMaxFileMb}. It is stored in the
 * objection's own transaction, so a refused file leaves neither objection nor evidence. Only the
 * holders of {@code READ_OBJECTION_EVIDENCE} read it; it names no objector.
 */
@Service
public class ObjectionEvidence {

  /** The field of the objection doors that carries the files (repeated, one file each). */
  public static final String FIELD = "evidence";

  /** One stored evidence file; {@code applicationNumber} is the case the objection is about. */
  public record EvidenceFile(String fileId, String acknowledgementNumber, String applicationNumber, String fileName,
      String contentType, long size, String sha256, Instant receivedAt) {}

  private static final String COLUMNS = "file_id, acknowledgement_number, application_number, file_name, "
      + "content_type, size_bytes, sha256, received_at";

  private final ContentStore contents;
  private final StandaloneDecisions decisions;
  private final JdbcTemplate jdbc;

  public ObjectionEvidence(ContentStore contents, StandaloneDecisions decisions, JdbcTemplate jdbc) {
    this.contents = contents;
    this.decisions = decisions;
    this.jdbc = jdbc;
  }

  /** The policy's limits now: files per objection and MB per file. */
  public record Limits(int files, int fileMb) {}

  public Limits limits() {
    Policy policy = Policy.current(decisions);
    return new Limits(policy.number(OBJECTION_EVIDENCE_MAX_FILES), policy.number(OBJECTION_EVIDENCE_MAX_FILE_MB));
  }

  /**
   * The evidence files of a multipart objection (field {@code evidence}); refused unread when the
   * request is longer than all files may be together.
   */
  public List<ReceivedFile> received(HttpServletRequest request) throws IOException, ServletException {
    Limits limits = limits();
    MultipartFiles.requireLength(request, FIELD, limits.files() * limits.fileMb() * MaterialUploads.MB,
        "证据材料（evidence）总量超过上限（最多" + limits.files() + "个文件，每个不超过" + limits.fileMb() + " MB）");
    return MultipartFiles.files(request, FIELD);
  }

  /** What can be told before reading any content: the number of files and their names. */
  public List<FieldError> check(List<ReceivedFile> files) {
    List<FieldError> errors = new ArrayList<>();
    int max = limits().files();
    if (files.size() > max) {
      errors.add(new FieldError(FIELD, "证据材料（evidence）最多" + max + "个文件，收到" + files.size() + "个"));
    }
    for (ReceivedFile file : files) {
      try {
        ContentStore.checkName(FIELD, file.name());
      } catch (InvalidInputException badName) {
        errors.addAll(badName.getErrors());
      }
    }
    return errors;
  }

  /** Stores every file of objection {@code acknowledgementNumber}; must run in the objection's transaction. */
  public void store(String acknowledgementNumber, String applicationNumber, List<ReceivedFile> files, Instant at) {
    int maxMb = limits().fileMb();
    for (ReceivedFile file : files) {
      try (InputStream in = file.content().open()) {
        ContentStore.Stored stored = contents.store(FIELD, file.name(), in, size -> {
          if (size > maxMb * MaterialUploads.MB) {
            throw new InvalidInputException(FIELD, "证据材料（evidence）" + file.name() + " 超过单个文件大小上限" + maxMb + " MB");
          }
        });
        jdbc.update("INSERT INTO ms_objection_evidence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            stored.fileId(), acknowledgementNumber, applicationNumber, file.name(), stored.type().mediaType(),
            stored.size(), stored.sha256(), Timestamp.from(at));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The evidence of every objection to case {@code applicationNumber}, oldest objection first. */
  public List<EvidenceFile> ofCase(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_objection_evidence WHERE application_number = ? "
        + "ORDER BY received_at, acknowledgement_number, file_name", ObjectionEvidence::row, applicationNumber);
  }

  public Optional<EvidenceFile> find(String fileId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_objection_evidence WHERE file_id = ?", ObjectionEvidence::row,
        fileId).stream().findFirst();
  }

  private static EvidenceFile row(ResultSet rs, int n) throws SQLException {
    return new EvidenceFile(rs.getString("file_id"), rs.getString("acknowledgement_number"),
        rs.getString("application_number"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("received_at").toInstant());
  }
}
