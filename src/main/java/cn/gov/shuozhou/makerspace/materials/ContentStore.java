package cn.gov.shuozhou.makerspace.materials;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.DatabaseMetaData;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a received file's content enters the database (table {@code ms_material_chunk}):
 * streamed in chunks, never whole in memory, while its type is recognised by its first bytes
 * (PDF, JPEG, PNG; the name's extension must agree), its size is checked against the caller's
 * limits, it is hashed (SHA-256) and a PDF is scanned for scripts, embedded files and launch
 * actions. Runs in the caller's transaction: a refusal ({@link InvalidInputException} at
 * {@code field}) rolls back every chunk already written. Used by the applicant's materials and the
 * evidence of public objections.
 */
@Component
public class ContentStore {

  /** Largest piece of a file held in memory and stored in one row. */
  static final int CHUNK_BYTES = 1 << 20;

  /** What was stored: the content's id in {@code ms_material_chunk}, its type, size and SHA-256. */
  public record Stored(String fileId, FileType type, long size, String sha256) {}

  /** A limit on the size read so far; throws {@link InvalidInputException} once it is passed. */
  @FunctionalInterface
  public interface SizeLimit {
    void check(long size);
  }

  private final MaterialFiles files;
  private final JdbcTemplate jdbc;
  /**
   * On H2 only (null elsewhere; with the content as BLOB there, schema-h2.sql): H2's store kept new
   * chunks in memory while uploads streamed in and serialised them as one piece, so four concurrent
   * 20 MB uploads failed in a 256 MB heap (docs/performance.md, section 6). There one transaction
   * at a time stores content, with a {@code CHECKPOINT} after each chunk, which writes it to the
   * file at once but commits nothing (a refusal still rolls every chunk back). Measured: each of the
   * three alone was not enough. PostgreSQL writes as it goes and takes all uploads at once.
   */
  private final ReentrantLock oneWriterOnH2;

  public ContentStore(MaterialFiles files, JdbcTemplate jdbc) throws MetaDataAccessException {
    this.files = files;
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
    this.oneWriterOnH2 = "H2".equals(product) ? new ReentrantLock(true) : null;
  }

  /** File names are shown and offered for saving: no path, no control characters, not empty or overlong. */
  public static void checkName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(field, "文件（" + field + "）缺少文件名");
    }
    if (name.length() > 200) {
      throw new InvalidInputException(field, "文件名（" + field + "）不得超过200个字符");
    }
    if (name.contains("/") || name.contains("\\") || name.contains("..")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw new InvalidInputException(field, "文件名（" + field + "）不得包含路径字符（/、\\、..）或控制字符：请只上传文件本身");
    }
  }

  /** Stores {@code in} (named {@code fileName}, already checked) inside the caller's transaction. */
  public Stored store(String field, String fileName, InputStream in, SizeLimit limit) {
    admit();
    try {
      byte[] chunk = new byte[CHUNK_BYTES];
      int filled = in.readNBytes(chunk, 0, FileType.MAGIC_LENGTH);
      if (filled == 0) {
        throw new InvalidInputException(field, "文件（" + field + "）为空：请上传有内容的PDF、JPEG或PNG文件");
      }
      FileType type = FileType.detect(chunk, filled).orElseThrow(() -> new InvalidInputException(field,
          "文件（" + field + "）类型不受支持：只接收PDF、JPEG、PNG文件（按文件内容识别，与扩展名无关）"));
      if (!type.matchesName(fileName)) {
        throw new InvalidInputException(field, "文件名（" + field + "）的扩展名与文件内容（" + type.name() + "）不符");
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      PdfActiveContentScanner scanner = type == FileType.PDF ? new PdfActiveContentScanner() : null;
      String fileId = UUID.randomUUID().toString();
      long size = 0;
      int chunkNo = 0;
      while (true) {
        filled += in.readNBytes(chunk, filled, CHUNK_BYTES - filled); // fewer than asked: the end of the file
        if (filled == 0) {
          break;
        }
        size += filled;
        limit.check(size);
        sha.update(chunk, 0, filled);
        if (scanner != null) {
          scanner.feed(chunk, 0, filled);
          if (scanner.foundAny()) {
            break;
          }
        }
        files.insertChunk(fileId, chunkNo++, filled == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, filled));
        if (oneWriterOnH2 != null) {
          jdbc.execute("CHECKPOINT");
        }
        if (filled < CHUNK_BYTES) {
          break;
        }
        filled = 0;
      }
      String active = scanner == null ? null : scanner.finish();
      if (active != null) {
        throw new InvalidInputException(field, "PDF文件（" + field + "）含有脚本、嵌入文件或启动动作（" + active
            + "），不予接收：请另存为不含脚本和附件的PDF后上传");
      }
      return new Stored(fileId, type, size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** On H2, waits until no other transaction stores content; the caller's transaction then holds the turn until it ends. */
  private void admit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("ContentStore.store runs inside its caller's transaction");
    }
    if (oneWriterOnH2 == null || oneWriterOnH2.isHeldByCurrentThread()) {
      return; // PostgreSQL, or a further file of the same transaction (an objection's evidence)
    }
    oneWriterOnH2.lock();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        oneWriterOnH2.unlock();
      }
    });
  }
}
