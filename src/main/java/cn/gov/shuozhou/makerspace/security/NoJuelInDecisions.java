package cn.gov.shuozhou.makerspace.security;

import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The DMN engine's JUEL: refused. Decision tables are FEEL only (FEEL cannot call Java: its
 * external functions are disabled by the engine); a JUEL cell could reach beans and call methods.
 * {@link DeploymentGuard} refuses such tables at deployment, this refuses them at evaluation.
 */
public class NoJuelInDecisions implements ElProvider {

  @Override
  public ElExpression createExpression(String expression) {
    throw new ProcessEngineException("决策表只允许使用FEEL表达式，本系统禁止在决策表中使用JUEL表达式");
  }
}
