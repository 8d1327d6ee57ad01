package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.rules.RuleLimits;
import cn.gov.shuozhou.makerspace.rules.RulesProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No code from a deployment: whatever path a model takes into the engine, it cannot run a script
 * and its expressions reach only the application's own beans that the packaged models use.
 *
 * <ul>
 *   <li>{@link DeploymentGuard}: every new deployment is refused (400, Chinese) if it contains a
 *       script, a non-FEEL decision expression, a decision table past the rule limits, or a resource
 *       other than BPMN/DMN/form/image;
 *   <li>{@link NoScriptEngines} and {@link NoJuelInDecisions}: no script engine and no JUEL in
 *       decisions at run time, even for a deployment that predates the guard;
 *   <li>{@link RestrictedExpressionManager} with {@link ExpressionBeans}: expressions resolve
 *       variables and the allow-listed beans only, and cannot use reflection.
 * </ul>
 *
 * It also adds command interceptors: {@link CommentAttachmentGuard} (comments and attachments get
 * the permissions of their task or process instance, which Camunda 7.24 does not check),
 * {@link ClaimedTaskGuard} (only the one who claimed a task completes it), {@link DelegationGuard}
 * (resolve hands a delegated task back, without form data), {@link InstanceDataGuard}
 * (variables, modification and suspension of instances: administrators only),
 * {@link ProcessControlGuard} (jobs, timers, incidents, signals and messages: administrators only),
 * {@link DeclaredFieldsGuard} (a task or start accepts exactly its form's writable fields),
 * {@link RefusedJobExecutionGuard} (a refused job execution costs the job no retry) and
 * {@link ConfidentialVariablesGuard} (expert votes and objectors' identities: docs/security.md, visibility of variables).
 *
 * Runs first among the engine plugins, before the engine builds its expression manager and DMN engine.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  private final ExpressionBeans expressionBeans;
  private final RuleLimits ruleLimits;

  public EngineHardeningPlugin(ApplicationContext applicationContext, RulesProperties rules) {
    this.expressionBeans = new ExpressionBeans(applicationContext);
    this.ruleLimits = rules.limits();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new RestrictedExpressionManager(expressionBeans));
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, new DeploymentGuard(ruleLimits));
    configuration.setCustomPreDeployers(preDeployers);
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setDmnElProvider(new NoJuelInDecisions());
    configuration.setCustomPostCommandInterceptorsTxRequired(withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new CommentAttachmentGuard());
    all.add(new ClaimedTaskGuard());
    all.add(new DelegationGuard());
    all.add(new InstanceDataGuard());
    all.add(new ProcessControlGuard());
    all.add(new DeclaredFieldsGuard());
    all.add(new RefusedJobExecutionGuard());
    all.add(new ConfidentialVariablesGuard());
    return all;
  }

  /** The beans expressions may name (for tests and the startup log). */
  public ExpressionBeans expressionBeans() {
    return expressionBeans;
  }
}
