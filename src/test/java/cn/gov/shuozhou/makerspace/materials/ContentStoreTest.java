package cn.gov.shuozhou.makerspace.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.io.ByteArrayInputStream;
import java.util.List;
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
 * The one streamed store of file content on H2 (the tests' database): one transaction at a time
 * stores content, so H2 never has to write several uploads' uncommitted chunks as one piece
 * (docs/performance.md, section 6); further files of the same transaction pass at once.
 */
class ContentStoreTest extends AbstractHttpTest {

  @Autowired ContentStore contents;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @Test
  void onH2ASecondTransactionWaitsUntilTheFirstEnds() throws Exception {
    CountDownLatch firstStored = new CountDownLatch(1);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> first = pool.submit(() -> transaction.execute(status -> {
        String a = store("证据一.pdf");
        String b = store("证据二.pdf"); // the same transaction's next file: admitted at once
        firstStored.countDown();
        try {
          firstMayEnd.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status.setRollbackOnly(); // and a rolled back store leaves nothing
        return List.of(a, b);
      }));
      assertThat(firstStored.await(60, TimeUnit.SECONDS)).isTrue();
      Future<String> second = pool.submit(() -> transaction.execute(status -> store("证据三.pdf")));

      assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).as("waits while the first transaction runs")
          .isInstanceOf(TimeoutException.class);
      firstMayEnd.countDown();
      List<String> rolledBack = first.get(60, TimeUnit.SECONDS);
      String stored = second.get(60, TimeUnit.SECONDS);

      assertThat(chunks(rolledBack.get(0)) + chunks(rolledBack.get(1))).isZero();
      assertThat(chunks(stored)).isEqualTo(1);
      jdbc.update("DELETE FROM ms_material_chunk WHERE file_id = ?", stored);
    } finally {
      firstMayEnd.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void contentIsOnlyStoredInsideTheCallersTransaction() {
    assertThatThrownBy(() -> store("证据.pdf")).isInstanceOf(IllegalStateException.class);
  }

  private String store(String name) {
    return contents.store("file", name, new ByteArrayInputStream(Multipart.pdf(name)), size -> {}).fileId();
  }

  private long chunks(String fileId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_material_chunk WHERE file_id = ?", Long.class, fileId);
  }
}
