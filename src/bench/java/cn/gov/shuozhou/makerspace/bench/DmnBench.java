package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.dmn.FeelDmnEngines;
import cn.gov.shuozhou.makerspace.dmn.CachingFeelEngineFactory;
import cn.gov.shuozhou.makerspace.rules.CaseResult;
import cn.gov.shuozhou.makerspace.rules.DecisionCase;
import cn.gov.shuozhou.makerspace.rules.DecisionCaseSet;
import cn.gov.shuozhou.makerspace.rules.RegressionCases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Section 1 (one JVM per FEEL jar and cache setting): {@code article4-eligibility} evaluations per
 * second on one thread, standalone and through the process engine with history FULL; the outputs of
 * every regression case, written to a file so that the parent can compare FEEL versions; and every
 * regression case of every decision judged with this JVM's DMN engine.
 *
 * <p>Arguments: {@code <id> <cache: true|false> <engine: true|false>}.
 */
public final class DmnBench {

  static final String KEY = "article4-eligibility";

  public static void main(String[] args) throws Exception {
    String id = args[0];
    boolean cache = Boolean.parseBoolean(args[1]);
    boolean withEngine = Boolean.parseBoolean(args[2]);
    int seconds = Config.integer("bench.dmn.seconds", 6);
    Results results = new Results();
    String prefix = "dmn." + id + ".";
    String feelJar = org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    results.put(prefix + "feelJar", Path.of(feelJar).getFileName());

    DmnEngine dmnEngine = standaloneEngine(cache);
    DmnModelInstance model = readModel(KEY);
    DmnDecision decision = dmnEngine.parseDecision(KEY, model);
    DecisionCaseSet cases = readCases(KEY);
    List<VariableMap> inputs = new ArrayList<>();
    for (DecisionCase c : cases.cases()) {
      VariableMap v = Variables.createVariables();
      c.inputs().forEach(v::putValue);
      inputs.add(v);
    }

    // Outputs of every case, standalone, for the comparison across FEEL versions.
    List<String> standaloneOutputs = outputs(cases, inputs, v -> dmnEngine.evaluateDecision(decision, v));
    Path outputsFile = Config.out().resolve("dmn").resolve("outputs-" + id + ".txt");
    Files.createDirectories(outputsFile.getParent());
    Files.write(outputsFile, standaloneOutputs, StandardCharsets.UTF_8);
    results.put(prefix + "outputs", outputsFile.getFileName());
    results.put(prefix + "outputsDigest", digest(standaloneOutputs));

    // Every regression case of every packaged decision, judged with this engine.
    int passed = 0;
    int total = 0;
    RegressionCases runner = new RegressionCases(dmnEngine);
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/cases/*.json")) {
      DecisionCaseSet set;
      try (InputStream in = r.getInputStream()) {
        set = DecisionCaseSet.read(in);
      }
      for (CaseResult result : runner.run(set, readModel(set.decisionKey()))) {
        total++;
        if (result.passed()) {
          passed++;
        } else {
          Log.info("regression case FAILED: %s", result);
        }
      }
    }
    results.put(prefix + "regression.passed", passed);
    results.put(prefix + "regression.total", total);

    results.put(prefix + "standalone.eps",
        rate("standalone " + id, seconds, inputs, v -> dmnEngine.evaluateDecision(decision, v)));

    if (withEngine) {
      try (AppNode node = AppNode.h2Memory("dmn" + id.replaceAll("[^A-Za-z0-9]", ""))
          .property("makerspace.dmn.feel-cache.enabled", Boolean.toString(cache))
          .start()) {
        ProcessEngine engine = node.engine();
        ProcessEngineConfigurationImpl conf = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        results.put(prefix + "engine.historyLevel", conf.getHistoryLevel().getName());
        results.put(prefix + "engine.feelEngine", conf.getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName());
        DecisionService decisions = engine.getDecisionService();
        Function<VariableMap, DmnDecisionResult> viaEngine =
            v -> decisions.evaluateDecisionByKey(KEY).variables(v).evaluate();
        List<String> engineOutputs = outputs(cases, inputs, viaEngine);
        results.put(prefix + "engine.sameOutputsAsStandalone", engineOutputs.equals(standaloneOutputs));
        long before = engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(KEY).count();
        double eps = rate("engine " + id, seconds, inputs, viaEngine);
        long after = engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(KEY).count();
        results.put(prefix + "engine.eps", eps);
        results.put(prefix + "engine.historicDecisionInstances", after - before);
      }
    }
    results.save(Config.out().resolve("results").resolve("dmn-" + id + ".properties"));
    System.exit(0);
  }

  static DmnEngine standaloneEngine(boolean cache) {
    return FeelDmnEngines.create(cache ? new CachingFeelEngineFactory() : null);
  }

  static DmnModelInstance readModel(String key) throws Exception {
    try (InputStream in = DmnBench.class.getClassLoader().getResourceAsStream("dmn/" + key + ".dmn")) {
      if (in == null) {
        throw new IllegalStateException("dmn/" + key + ".dmn not on the class path");
      }
      return Dmn.readModelFromStream(in);
    }
  }

  static DecisionCaseSet readCases(String key) throws Exception {
    try (InputStream in = DmnBench.class.getClassLoader().getResourceAsStream("dmn/cases/" + key + ".json")) {
      return DecisionCaseSet.read(in);
    }
  }

  /** Evaluations per second: {@code seconds} of warm-up (JIT), then {@code seconds} measured. */
  static double rate(String what, int seconds, List<VariableMap> inputs, Function<VariableMap, DmnDecisionResult> eval) {
    long warmUpEnd = System.nanoTime() + seconds * 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < warmUpEnd) {
      for (int k = 0; k < 50; k++) {
        eval.apply(inputs.get(i++ % inputs.size()));
      }
    }
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long count = 0;
    long sink = 0;
    long now;
    do {
      for (int k = 0; k < 50; k++) {
        sink += eval.apply(inputs.get(i++ % inputs.size())).size();
      }
      count += 50;
      now = System.nanoTime();
    } while (now < end);
    double eps = count / ((now - start) / 1e9);
    Log.info("%s: %,d evaluations in %.1f s = %,.0f/s (rows %d)", what, count, (now - start) / 1e9, eps, sink);
    return eps;
  }

  /** One line per case: its name and the result rows with each value's type, in result order. */
  static List<String> outputs(DecisionCaseSet cases, List<VariableMap> inputs, Function<VariableMap, DmnDecisionResult> eval) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      StringBuilder line = new StringBuilder(cases.cases().get(i).name()).append(" =>");
      try {
        for (Map<String, Object> row : eval.apply(inputs.get(i)).getResultList()) {
          line.append(" {");
          new java.util.TreeMap<>(row).forEach((k, v) -> line.append(k).append('=').append(v)
              .append(':').append(v == null ? "null" : v.getClass().getSimpleName()).append(';'));
          line.append('}');
        }
      } catch (RuntimeException e) {
        line.append(" ERROR ").append(e.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  static String digest(List<String> lines) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
