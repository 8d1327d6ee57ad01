package cn.gov.shuozhou.makerspace.publicpages;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Everything the public pages show is written by the engine's commands: notices start and end in
 * the certification process, certificates, grades and certificate files are written by its
 * delegates and listeners, and each such command writes history (level FULL). So a command that
 * writes history empties the {@link PublicPageCache} once it commits (not before: a page rendered
 * from the old rows in between would be kept).
 */
@Component
class PublicRecordChanges extends AbstractProcessEnginePlugin implements HistoryEventHandler, TransactionSynchronization {

  private final PublicPageCache cache;

  PublicRecordChanges(PublicPageCache cache) {
    this.cache = cache;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(this);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    changed();
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    changed();
  }

  /** Registered once per transaction (Spring keeps a set of synchronizations). */
  private void changed() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(this);
    } else {
      cache.invalidate();
    }
  }

  @Override
  public void afterCommit() {
    cache.invalidate();
  }
}
