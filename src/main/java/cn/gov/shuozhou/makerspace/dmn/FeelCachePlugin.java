package cn.gov.shuozhou.makerspace.dmn;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the {@link CachingFeelEngine}: every FEEL text of a
 * decision table is parsed once instead of on every evaluation, and the simplest cells skip FEEL's
 * interpreter (about 9x more evaluations per second on the Art. 4 table, see docs/performance.md).
 * Same results: the regression cases of every decision ({@code dmn/cases}) run through it in the
 * tests and in the benchmark.
 *
 * <p>Off with {@code makerspace.dmn.feel-cache.enabled=false} (then Camunda's own FEEL engine
 * parses every text on every evaluation, as shipped).
 */
@Component
@ConditionalOnProperty(name = "makerspace.dmn.feel-cache.enabled", havingValue = "true", matchIfMissing = true)
public class FeelCachePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy (JUEL-based) FEEL engine is not Camunda's Scala FEEL: nothing to cache
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      DefaultDmnEngineConfiguration dmnConfiguration = dmn;
      // The engine sets the custom function providers on this configuration after preInit.
      dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmnConfiguration::getFeelCustomFunctionProviders));
    }
  }
}
