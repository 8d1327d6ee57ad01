package cn.gov.shuozhou.makerspace.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one streamed store of file content, on H2 (the tests' database; docs/performance.md, section
 * 6, measures the memory): one transaction at a time stores content, further files of the same
 * transaction pass at once, and the {@code CHECKPOINT} after each chunk commits nothing: a rolled
 * back upload of several chunks leaves none.
 */
class ContentStoreTest extends AbstractHttpTest {

  private static final int MB = 1024 * 1024;

  @Autowired ContentStore contents;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @Test
  void onH2TheCheckpointAfterEachChunkCommitsNothing() {
    byte[] pdf = Arrays.copyOf(Multipart.pdf("三兆字节的证据"), 3 * MB + 17);
    Arrays.fill(pdf, 40, pdf.length, (byte) '7');

    String rolledBack = transaction.execute(status -> {
      String id = store("证据.pdf", pdf);
      assertThat(chunks(id)).as("visible inside its transaction").isEqualTo(4);
      status.setRollbackOnly();
      return id;
    });
    assertThat(chunks(rolledBack)).as("a rolled back upload leaves nothing").isZero();

    String stored = transaction.execute(status -> store("证据.pdf", pdf));
    assertThat(chunks(stored)).isEqualTo(4);
    jdbc.update("DELETE FROM ms_material_chunk WHERE file_id = ?", stored);
  }

  @Test
  void onH2ASecondTransactionWaitsUntilTheFirstEnds() throws Exception {
    CountDownLatch firstStored = new CountDownLatch(1);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> transaction.execute(status -> {
        String a = store("证据一.pdf", Multipart.pdf("一"));
        store("证据二.pdf", Multipart.pdf("二")); // the same transaction's next file: admitted at once
        firstStored.countDown();
        try {
          firstMayEnd.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status.setRollbackOnly();
        return a;
      }));
      assertThat(firstStored.await(60, TimeUnit.SECONDS)).isTrue();
      Future<String> second = pool.submit(() -> transaction.execute(status -> store("证据三.pdf", Multipart.pdf("三"))));

      assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).as("waits while the first transaction runs")
          .isInstanceOf(TimeoutException.class);
      firstMayEnd.countDown();
      assertThat(chunks(first.get(60, TimeUnit.SECONDS))).isZero();
      String stored = second.get(60, TimeUnit.SECONDS);
      assertThat(chunks(stored)).isEqualTo(1);
      jdbc.update("DELETE FROM ms_material_chunk WHERE file_id = ?", stored);
    } finally {
      firstMayEnd.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void contentIsOnlyStoredInsideTheCallersTransaction() {
    assertThatThrownBy(() -> store("证据.pdf", Multipart.pdf("无事务"))).isInstanceOf(IllegalStateException.class);
  }

  private String store(String name, byte[] content) {
    return contents.store("file", name, new ByteArrayInputStream(content), size -> {}).fileId();
  }

  private long chunks(String fileId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_material_chunk WHERE file_id = ?", Long.class, fileId);
  }
}
