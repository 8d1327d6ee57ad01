package cn.gov.shuozhou.makerspace.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one streamed store of file content, on H2 (the tests' database): each chunk reaches the
 * database file while the upload streams in (H2 kept them all in memory before and wrote them as
 * one piece: docs/performance.md, section 6), and yet nothing is committed before the caller's
 * transaction: a rollback leaves no chunk.
 */
class ContentStoreTest extends AbstractHttpTest {

  private static final int MB = 1024 * 1024;

  @Autowired ContentStore contents;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @Test
  void onH2EachChunkIsWrittenAtOnceButOnlyTheTransactionCommitsIt() {
    byte[] pdf = Arrays.copyOf(Multipart.pdf("三兆字节的证据"), 3 * MB + 17);
    Arrays.fill(pdf, 40, pdf.length, (byte) '7');

    long[] writtenWhileStreaming = new long[1];
    String rolledBack = transaction.execute(status -> {
      long before = writtenBytes();
      String id = store("证据.pdf", pdf);
      writtenWhileStreaming[0] = writtenBytes() - before;
      status.setRollbackOnly();
      return id;
    });
    assertThat(writtenWhileStreaming[0]).as("bytes H2 wrote to its file before the commit").isGreaterThanOrEqualTo(3L * MB);
    assertThat(chunks(rolledBack)).as("a rolled back upload leaves nothing").isZero();

    String stored = transaction.execute(status -> store("证据.pdf", pdf));
    assertThat(chunks(stored)).isEqualTo(4);
    jdbc.update("DELETE FROM ms_material_chunk WHERE file_id = ?", stored);
  }

  @Test
  void contentIsOnlyStoredInsideTheCallersTransaction() {
    assertThatThrownBy(() -> store("证据.pdf", Multipart.pdf("无事务"))).isInstanceOf(IllegalStateException.class);
  }

  private String store(String name, byte[] content) {
    return contents.store("file", name, new ByteArrayInputStream(content), size -> {}).fileId();
  }

  private long writtenBytes() {
    return Long.parseLong(jdbc.queryForObject("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
        + "WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'", String.class));
  }

  private long chunks(String fileId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_material_chunk WHERE file_id = ?", Long.class, fileId);
  }
}
