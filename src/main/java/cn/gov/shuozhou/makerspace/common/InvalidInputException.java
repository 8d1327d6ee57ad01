package cn.gov.shuozhou.makerspace.common;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input of the wrong shape. Extends the engine's exception so that the engine passes it through
 * unchanged from listeners and delegates; every entry path maps it to HTTP 400.
 */
public class InvalidInputException extends ProcessEngineException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super("输入有误：" + errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> getErrors() {
    return errors;
  }
}
