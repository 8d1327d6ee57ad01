package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ParseListeners;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model in the step's own transaction: the certification's start event writes the
 * filed case (after the intake gave it its number), each end event of {@link CaseEnd} its end.
 * Added to the model when it is parsed, so no model carries a statistics listener of its own. Each
 * completed task writes its stage from its own history event: the very times and delete reason that
 * {@code ACT_HI_TASKINST} keeps, so the rebuild from there gives the same row.
 */
@Component
public class StatisticsPlugin extends AbstractProcessEnginePlugin {

  private final CaseRows rows;
  private final StageRows stages;

  StatisticsPlugin(CaseRows rows, StageRows stages) {
    this.rows = rows;
    this.stages = stages;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (isCertification(scope)) {
          activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> record(e, null));
        }
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (isCertification(scope)) {
          CaseEnd.ofEndEvent(activity.getId()).ifPresent(end ->
              activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> record(e, end)));
        }
      }
    });
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        completedStage(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        events.forEach(e -> completedStage(e));
      }
    });
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private void completedStage(HistoryEvent event) {
    if (event instanceof HistoricTaskInstanceEventEntity task && task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
        && StageRow.COMPLETED.equals(task.getDeleteReason())) {
      // written as the transaction commits, after the engine's flush: of two completions of one task at
      // once, the second then ends in the engine's optimistic-locking conflict (409), not in a second row
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTING, context -> stages.add(task));
    }
  }

  private static boolean isCertification(ScopeImpl scope) {
    return scope instanceof ProcessDefinitionEntity definition && CertificationProcess.KEY.equals(definition.getKey());
  }

  /** At the start the case is filed today; at an end, the filing day stays that of its row. */
  private void record(DelegateExecution execution, CaseEnd end) {
    String number = execution.getProcessBusinessKey();
    LocalDate filedOn = end == null ? EngineClock.today() : rows.filedOn(number).orElse(EngineClock.today());
    rows.put(CaseRow.of(number, execution.getProcessInstanceId(), execution.getProcessInstance()::getVariable,
        filedOn, end, end == null ? null : EngineClock.today()));
  }
}
