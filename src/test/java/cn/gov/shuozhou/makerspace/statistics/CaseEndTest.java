package cn.gov.shuozhou.makerspace.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;

/**
 * The read model's reason codes follow the model: every end event of the certification at process
 * level is a {@link CaseEnd}, and each records (outcomes.record) the outcome and reason its
 * {@link CaseEnd} names. A new or renamed end event fails here instead of vanishing from the statistics.
 */
class CaseEndTest {

  private static final Pattern RECORD = Pattern.compile("outcomes\\.record\\(execution, '(\\w+)', '(\\w+)'\\)");

  @Test
  void everyEndEventOfTheCertificationIsACaseEndWithTheOutcomeAndReasonItRecords() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/maker-space-certification.bpmn"));
    Map<String, String> recorded = new TreeMap<>();
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      if (end.getParentElement() instanceof Process) {
        String record = end.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
            .stream().map(CamundaExecutionListener::getCamundaExpression).filter(e -> e != null && e.contains("outcomes.record"))
            .findFirst().orElseThrow(() -> new AssertionError(end.getId() + " records no outcome"));
        Matcher m = RECORD.matcher(record);
        assertThat(m.find()).as(record).isTrue();
        recorded.put(end.getId(), m.group(1) + "/" + m.group(2));
      }
    }
    Map<String, String> mapped = new TreeMap<>();
    for (CaseEnd end : CaseEnd.values()) {
      mapped.put(end.endEventId(), end.outcome().name() + "/" + end.name());
    }
    assertThat(mapped).isEqualTo(recorded);
  }
}
