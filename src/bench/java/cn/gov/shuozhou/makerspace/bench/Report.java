package cn.gov.shuozhou.makerspace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown tables, with each goal of docs/performance.md checked. */
final class Report {

  private final Map<String, String> v;
  private final List<String> failures;
  private final StringBuilder out = new StringBuilder();

  Report(Map<String, String> values, List<String> failures) {
    this.v = values;
    this.failures = failures;
  }

  String render() {
    line("# Benchmark results");
    line("");
    line("- date: " + get("machine.date") + "; load average at start (1, 5, 15 min): " + get("machine.loadAverage"));
    line("- machine: " + get("machine.cpus") + " CPUs (" + get("machine.cpuModel") + "), " + get("machine.memory")
        + " RAM; " + get("machine.os"));
    line("- " + get("machine.java") + "; " + get("machine.postgres"));
    if (!failures.isEmpty()) {
      line("- **failed sections**: " + String.join(", ", failures));
    }
    dmn();
    return out.toString();
  }

  // ------------------------------------------------------------------ section 1

  private void dmn() {
    String shipped = Config.text("bench.feel.shipped", "1.19.3");
    String pinned = Config.text("bench.feel.pinned", "1.19.5");
    if (!has("dmn." + shipped + ".standalone.eps") && !has("dmn." + pinned + ".standalone.eps")) {
      return;
    }
    line("");
    line("## 1. DMN `article4-eligibility`, one thread");
    line("");
    line("| FEEL engine | parsed-expression cache | standalone evaluations/s | through the engine, history FULL (H2), evaluations/s | regression cases passed | outputs of the Art. 4 cases |");
    line("|---|---|---:|---:|---:|---|");
    String reference = get("dmn." + shipped + ".outputsDigest");
    List<String> ids = List.of(shipped, pinned, pinned + "-cache", shipped + "-cache");
    boolean allSame = true;
    for (String id : ids) {
      String p = "dmn." + id + ".";
      if (!has(p + "standalone.eps")) {
        continue;
      }
      boolean same = get(p + "outputsDigest").equals(reference)
          && !"false".equals(get(p + "engine.sameOutputsAsStandalone"));
      allSame &= same;
      line("| " + id.replace("-cache", "") + (id.startsWith(shipped) ? " (shipped with 7.24.0)" : " (pinned)")
          + " | " + (id.endsWith("-cache") ? "yes (`CachingFeelEngine`)" : "no (Camunda's `ScalaFeelEngine`)")
          + " | " + num(p + "standalone.eps") + " | " + num(p + "engine.eps")
          + " | " + get(p + "regression.passed") + "/" + get(p + "regression.total")
          + " | " + (same ? "identical" : "**DIFFERENT**") + " (" + get(p + "outputsDigest") + ") |");
    }
    double base = d("dmn." + shipped + ".standalone.eps");
    double best = d("dmn." + pinned + "-cache.standalone.eps");
    double fixed = d("dmn." + pinned + ".standalone.eps");
    line("");
    if (base > 0 && fixed > 0) {
      line(String.format(Locale.ROOT, "- FEEL %s alone: %.1f× the shipped %s standalone.", pinned, fixed / base, shipped));
    }
    if (base > 0 && best > 0) {
      goal(String.format(Locale.ROOT, "≥ 10× the shipped FEEL standalone: %.1f×", best / base), best / base >= 10);
      goal(String.format(Locale.ROOT, "≥ 100,000 evaluations/s per thread standalone: %,.0f/s", best), best >= 100_000);
    }
    goal("identical outputs on the same inputs (all FEEL versions, with and without cache, standalone and engine)", allSame);
  }

  // ------------------------------------------------------------------ helpers

  private void goal(String text, boolean met) {
    line("- goal " + text + " — **" + (met ? "met" : "missed") + "**");
  }

  private boolean has(String key) {
    return v.containsKey(key);
  }

  private String get(String key) {
    return v.getOrDefault(key, "–");
  }

  private double d(String key) {
    try {
      return Double.parseDouble(v.get(key));
    } catch (NullPointerException | NumberFormatException e) {
      return 0;
    }
  }

  private String num(String key) {
    return has(key) ? String.format(Locale.ROOT, "%,.0f", d(key)) : "–";
  }

  private String num1(String key) {
    return has(key) ? String.format(Locale.ROOT, "%,.1f", d(key)) : "–";
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  static List<String> list(String... items) {
    return new ArrayList<>(List.of(items));
  }
}
