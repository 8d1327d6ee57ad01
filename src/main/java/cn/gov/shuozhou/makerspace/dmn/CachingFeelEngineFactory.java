package cn.gov.shuozhou.makerspace.dmn;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Creates a {@link CachingFeelEngine}. The custom function providers are read when the DMN engine
 * asks for its FEEL engine (after the process engine has configured them), not when the factory is
 * made.
 */
public class CachingFeelEngineFactory implements FeelEngineFactory {

  private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

  public CachingFeelEngineFactory() {
    this(List::of);
  }

  public CachingFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
    this.functionProviders = functionProviders;
  }

  @Override
  public FeelEngine createInstance() {
    List<FeelCustomFunctionProvider> providers = functionProviders.get();
    return new CachingFeelEngine(providers == null ? List.of() : providers);
  }
}
