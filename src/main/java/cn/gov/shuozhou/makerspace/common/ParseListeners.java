package cn.gov.shuozhou.makerspace.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How our engine plugins hook into every deployed model: each adds its BPMN parse listener beside
 * those the engine configuration already holds (other plugins' included), in {@code preInit}.
 */
public final class ParseListeners {

  private ParseListeners() {}

  /** Runs {@code listener} after the engine's own parsing of each element. */
  public static void addPost(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(), listener));
  }

  /** Runs {@code listener} before the engine's own parsing of each element. */
  public static void addPre(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  /**
   * Adds {@code listener} to every user task of every model for task event {@code event}, as a
   * built-in listener: it runs even where a caller skips custom listeners.
   */
  public static void addToEveryUserTask(ProcessEngineConfigurationImpl configuration, String event,
      TaskListener listener) {
    addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(event, listener);
        }
      }
    });
  }

  private static List<BpmnParseListener> with(List<BpmnParseListener> listeners, BpmnParseListener listener) {
    List<BpmnParseListener> all = listeners == null ? new ArrayList<>() : new ArrayList<>(listeners);
    all.add(listener);
    return all;
  }
}
