package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the read model from the engine's history (docs/statistics.md, "Rebuild"): every
 * certification's row from its historic variables, its start and end, and the end event it
 * reached, through the same projection as the live listeners ({@link CaseRow#of}); then every completed
 * stage of those cases from {@code ACT_HI_TASKINST} ({@link StageRows#rebuild}).
 */
@Component
class StatisticsRebuild {

  private static final int BATCH = 500;

  private final HistoryService history;
  private final CaseRows rows;
  private final StageRows stages;

  StatisticsRebuild(HistoryService history, CaseRows rows, StageRows stages) {
    this.history = history;
    this.rows = rows;
    this.stages = stages;
  }

  /** Replaces every row of both tables; returns how many cases it wrote. */
  @Transactional
  public int rebuild() {
    Map<String, CaseEnd> ends = new HashMap<>();
    for (CaseEnd end : CaseEnd.values()) {
      history.createHistoricActivityInstanceQuery().activityId(end.endEventId()).finished().list()
          .forEach(a -> ends.put(a.getProcessInstanceId(), end));
    }
    List<HistoricProcessInstance> cases = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY).list().stream()
        .filter(c -> c.getBusinessKey() != null).toList();
    rows.deleteAll();
    for (int from = 0; from < cases.size(); from += BATCH) {
      List<HistoricProcessInstance> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
      Map<String, Map<String, Object>> variables = variables(batch);
      for (HistoricProcessInstance c : batch) {
        CaseEnd end = ends.get(c.getId());
        rows.put(CaseRow.of(c.getBusinessKey(), c.getId(), variables.getOrDefault(c.getId(), Map.of())::get,
            EngineClock.toLocalDate(c.getStartTime()), end, end == null ? null : EngineClock.toLocalDate(c.getEndTime())));
      }
    }
    stages.rebuild();
    return cases.size();
  }

  /** The process-level value of each variable {@link CaseRow#of} reads, per instance. */
  private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> batch) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    String[] ids = batch.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(CaseRow.VARIABLES.toArray(String[]::new)).list()) {
      if (v.getProcessInstanceId().equals(v.getExecutionId())) {
        values.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    return values;
  }
}
