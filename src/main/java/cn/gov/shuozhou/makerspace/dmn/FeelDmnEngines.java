package cn.gov.shuozhou.makerspace.dmn;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;

/** Standalone DMN engines (outside the process engine) that read every expression as FEEL. */
public final class FeelDmnEngines {

  private FeelDmnEngines() {}

  /** A standalone DMN engine that evaluates input expressions, entries and literals as FEEL. */
  public static DmnEngine create() {
    return create(null);
  }

  /** The same with the given FEEL engine ({@code null}: Camunda's own). */
  public static DmnEngine create(FeelEngineFactory feelEngine) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
    configuration
        .defaultInputExpressionExpressionLanguage(feel)
        .defaultInputEntryExpressionLanguage(feel)
        .defaultOutputEntryExpressionLanguage(feel)
        .defaultLiteralExpressionLanguage(feel)
        .enableFeelLegacyBehavior(false);
    if (feelEngine != null) {
      configuration.feelEngineFactory(feelEngine);
    }
    return configuration.buildEngine();
  }
}
