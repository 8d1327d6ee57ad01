package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.registry.IssuedNumbers;
import cn.gov.shuozhou.makerspace.registry.NumberSequence;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * Application numbers (the certification's business key): SQ-{year}-{six-digit sequence of the
 * year}, issued by the system only and recorded with their instance in {@code ms_application},
 * whose constraints make a second issue of a number fail the start.
 */
@Component
public class ApplicationNumbers {

  private final NumberSequence sequence;
  private final IssuedNumbers issued;
  private final HistoryService history;

  public ApplicationNumbers(NumberSequence sequence, IssuedNumbers issued, HistoryService history) {
    this.sequence = sequence;
    this.issued = issued;
    this.history = history;
  }

  /** Issues the next number of the year to this instance. Call inside the starting transaction. */
  public String assign(String processInstanceId) {
    int year = EngineClock.today().getYear();
    long value;
    String number;
    do {
      value = sequence.next("APPLICATION-" + year);
      number = String.format("SQ-%d-%06d", year, value);
      // skip numbers a caller chose before the system alone issued them (older releases)
    } while (usedAsBusinessKey(number));
    issued.record(number, year, value, processInstanceId);
    return number;
  }

  private boolean usedAsBusinessKey(String number) {
    return WithoutAuthorization.call(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(number).count() > 0);
  }
}
