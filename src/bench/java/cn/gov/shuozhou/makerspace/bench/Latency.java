package cn.gov.shuozhou.makerspace.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Response times of one request kind; percentiles by nearest rank. */
final class Latency {

  private final List<Double> millis = new ArrayList<>();

  void add(long nanos) {
    millis.add(nanos / 1e6);
  }

  void addAll(Latency other) {
    millis.addAll(other.millis);
  }

  double percentile(double p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  int count() {
    return millis.size();
  }

  void report(Results results, String prefix) {
    results.put(prefix + "count", count());
    results.put(prefix + "p50Ms", percentile(50));
    results.put(prefix + "p95Ms", percentile(95));
    results.put(prefix + "p99Ms", percentile(99));
    results.put(prefix + "maxMs", percentile(100));
  }
}
