package cn.gov.shuozhou.makerspace.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** The application's process engine evaluates its decisions with the caching FEEL engine. */
class FeelCachePluginTest extends AbstractProcessTest {

  @Test
  void theEnginesDmnEngineUsesTheCachingFeelEngine() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
    long evaluated = engine.getDecisionService().evaluateDecisionByKey("first-review-routing")
        .variables(java.util.Map.of("hostType", "other", "county", "pinglu")).evaluate().size();
    assertThat(evaluated).isEqualTo(1);
    assertThat(((CachingFeelEngine) configuration.getDmnEngineConfiguration().getFeelEngine()).cachedTexts()).isPositive();
  }
}
