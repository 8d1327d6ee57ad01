package cn.gov.shuozhou.makerspace.common;

import java.util.List;

/** A refusal of an {@code /api} command other than bad input: its problem type and Chinese detail. */
public class ApiRefusal extends RuntimeException {

  private final ProblemType type;
  private final List<FieldError> errors;

  public ApiRefusal(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  /** A refusal that names the fields it concerns (e.g. 409 for a taken user id). */
  public ApiRefusal(ProblemType type, String detail, List<FieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
