package cn.gov.shuozhou.makerspace.security;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engines: none. Every script (BPMN script task, script listener or condition,
 * script input/output, a DMN expression in groovy/javascript/python/...) fails when it would run,
 * even one that reached the database before {@link DeploymentGuard} existed. The models of this
 * application use expressions and Java delegates only.
 */
public class NoScriptEngines implements ScriptEngineResolver {

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
    // nothing is ever registered
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return new ScriptEngineManager(null) {
      @Override
      public ScriptEngine getEngineByName(String shortName) {
        return null;
      }
    };
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    throw new ProcessEngineException("本系统禁止执行脚本（" + language + "）：流程和决策只能使用表达式和系统内置的处理程序");
  }
}
