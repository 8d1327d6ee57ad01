package cn.gov.shuozhou.makerspace.portal;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_STATUS_FIELDS;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.CERTIFICATION_INSTANCE_ID;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_FIGURES;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_YEAR;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.TASK_SUBMIT_REPORT;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.portal.MyTasks.Previous;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What the organisation declared last, shown beside the fields of its annual report (Art. 7, 8) as
 * 上次填报: the figures and the Art. 4 status of its previous annual report, or, before the first one,
 * the Art. 4 status of its certified application. Hints only, never values of the form: the fields
 * stay empty, so that each year's Art. 4 check reads what the organisation declares for that year.
 */
@Service
class LastReport {

  /** The report's fields that a hint is shown for: its numbers and the Art. 4 status, not its texts. */
  private static final List<String> REPORT_FIELDS = Stream.concat(REPORT_FIGURES.stream(), SPACE_STATUS_FIELDS.stream()).toList();
  private static final String APPLICATION = "认定申请";

  private final ProcessEngine engine;

  LastReport(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The hints for the open annual report {@code task}; null for any other task, or when nothing was declared before. */
  Previous of(Task task) {
    if (!TASK_SUBMIT_REPORT.equals(task.getTaskDefinitionKey())) {
      return null;
    }
    // the organisation holds no read right on history (docs/security.md §10): what it reads is chosen here
    return WithoutAuthorization.call(engine, () -> {
      HistoryService history = engine.getHistoryService();
      VariableHistory variables = new VariableHistory(history);
      HistoricTaskInstance report = history.createHistoricTaskInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(TASK_SUBMIT_REPORT).finished()
          .orderByHistoricTaskInstanceEndTime().desc().list().stream()
          .filter(t -> MyCases.COMPLETED.equals(t.getDeleteReason())).findFirst().orElse(null);
      if (report != null) {
        Object year = variables.processValueAt(report.getProcessInstanceId(), REPORT_YEAR, report.getEndTime());
        return previous(year + "年度报告", variables, report.getProcessInstanceId(), REPORT_FIELDS, report.getEndTime());
      }
      Object certification = variables.processValueAt(task.getProcessInstanceId(), CERTIFICATION_INSTANCE_ID,
          VariableHistory.LATEST);
      // none once the history of the certification has been cleaned up (its time to live)
      return certification == null ? null : previous(APPLICATION, variables, certification.toString(),
          SPACE_STATUS_FIELDS, VariableHistory.LATEST);
    });
  }

  private static Previous previous(String source, VariableHistory variables, String processInstanceId,
      List<String> fields, Date time) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : fields) {
      Object value = variables.processValueAt(processInstanceId, field, time);
      if (value != null && !"".equals(value)) {
        values.put(field, value);
      }
    }
    return values.isEmpty() ? null : new Previous(source, values);
  }
}
