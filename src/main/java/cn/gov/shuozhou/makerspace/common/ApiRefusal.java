package cn.gov.shuozhou.makerspace.common;

import cn.gov.shuozhou.makerspace.common.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal of an {@code /api} command other than bad input: its status, type and Chinese message. */
public class ApiRefusal extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final List<FieldError> errors;

  public ApiRefusal(HttpStatus status, String type, String message) {
    this(status, type, message, List.of());
  }

  /** A refusal that names the fields it concerns (e.g. 409 for a taken user id). */
  public ApiRefusal(HttpStatus status, String type, String message, List<FieldError> errors) {
    super(message);
    this.status = status;
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }
}
