package cn.gov.shuozhou.makerspace.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A refusal of an {@code /api} command other than bad input: its problem type and Chinese detail. */
public class ApiRefusal extends RuntimeException {

  private final ProblemType type;
  private final List<FieldError> errors;
  private final Duration retryAfter;

  public ApiRefusal(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  /** A refusal that names the fields it concerns (e.g. 409 for a taken user id). */
  public ApiRefusal(ProblemType type, String detail, List<FieldError> errors) {
    this(type, detail, errors, null);
  }

  private ApiRefusal(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** 429 for a caller held back for {@code wait}: the answer says when to try again ({@code Retry-After}). */
  public static ApiRefusal tooMany(String detail, Duration wait) {
    return new ApiRefusal(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), wait);
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** How long the caller is held back, when the refusal is {@link #tooMany}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whole seconds, at least one: what {@code Retry-After} and the Chinese detail both say. */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
