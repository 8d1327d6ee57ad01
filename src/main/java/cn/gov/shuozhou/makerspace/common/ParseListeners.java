package cn.gov.shuozhou.makerspace.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

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

  private static List<BpmnParseListener> with(List<BpmnParseListener> listeners, BpmnParseListener listener) {
    List<BpmnParseListener> all = listeners == null ? new ArrayList<>() : new ArrayList<>(listeners);
    all.add(listener);
    return all;
  }
}
