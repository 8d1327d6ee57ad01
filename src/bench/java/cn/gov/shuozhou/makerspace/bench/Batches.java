package cn.gov.shuozhou.makerspace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating many instances for a section: {@code work(i)} for every i below n, in batches, on two threads. */
final class Batches {

  private static final int THREADS = 2;

  private Batches() {}

  /** Runs the batches, each in its own transaction, logging progress every {@code logEvery}; returns the seconds taken. */
  static double run(int n, int batch, TransactionTemplate tx, IntConsumer work, String what, int logEvery) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        int from;
        while ((from = next.getAndAdd(batch)) < n) {
          int to = Math.min(n, from + batch);
          int first = from;
          tx.executeWithoutResult(status -> {
            for (int i = first; i < to; i++) {
              work.accept(i);
            }
          });
          if (to % logEvery < batch) {
            Log.info("%s created: %,d/%,d, %.0f/s", what, to, n, to / ((System.nanoTime() - start) / 1e9));
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
