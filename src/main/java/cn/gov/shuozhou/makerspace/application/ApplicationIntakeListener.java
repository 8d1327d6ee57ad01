package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of every certification instance, whatever the entry path: refuses an application of the
 * wrong shape (the whole start rolls back, no instance remains), normalizes the variable types and
 * assigns the application number when the caller gave no business key.
 */
@Component("applicationIntake")
public class ApplicationIntakeListener implements ExecutionListener {

  private final ApplicationValidator validator;
  private final ApplicationNumbers numbers;
  private final HistoryService history;

  public ApplicationIntakeListener(ApplicationValidator validator, ApplicationNumbers numbers, HistoryService history) {
    this.validator = validator;
    this.numbers = numbers;
    this.history = history;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(validator.validate(execution.getVariables()));
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      execution.setProcessBusinessKey(numbers.next());
    } else if (taken(key, execution.getProcessInstanceId())) {
      throw new InvalidInputException("businessKey", "申请编号（businessKey）" + key + " 已被使用，请留空由系统分配");
    }
  }

  private boolean taken(String key, String ownId) {
    return WithoutAuthorization.call(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(key).list().stream()
        .anyMatch(p -> !p.getId().equals(ownId)));
  }
}
