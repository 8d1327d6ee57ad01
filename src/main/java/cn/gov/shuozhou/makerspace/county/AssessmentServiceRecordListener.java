package cn.gov.shuozhou.makerspace.county;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.COUNTY_SERVICE_RECORD;
import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.REPORT_YEAR;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of {@code annualAssessment} (Art. 6, 8): the report year's service record of the space
 * (its entries in force) becomes the read-only text the city bureau sees in the assessment's form,
 * as it stood when the assessment began.
 */
@Component("assessmentServiceRecord")
public class AssessmentServiceRecordListener implements TaskListener {

  private final ServiceRecords records;

  public AssessmentServiceRecordListener(ServiceRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = ((Number) task.getVariable(REPORT_YEAR)).intValue();
    task.setVariable(COUNTY_SERVICE_RECORD, text(records.inForce((String) task.getVariable(CERTIFICATE_NUMBER), year), year));
  }

  /** One line per entry; what does not fit the engine's text variable is counted, not cut mid-entry. */
  static String text(List<ServiceEntry> entries, int year) {
    if (entries.isEmpty()) {
      return year + "年度县（区）科技局未记录服务。";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      ServiceEntry e = entries.get(i);
      String line = ReadableValues.date(e.servedOn()) + "　" + e.kindLabel() + "：" + e.description()
          + (e.attachments().isEmpty() ? "" : "（附件" + e.attachments().size() + "件）") + "（" + e.recordedBy() + "记录）\n";
      String rest = "……另有" + (entries.size() - i) + "条，见服务台账（/county/）";
      if (text.length() + line.length() + rest.length() > Inputs.MAX_LONG_TEXT) {
        return text.append(rest).toString();
      }
      text.append(line);
    }
    return text.toString().strip();
  }
}
