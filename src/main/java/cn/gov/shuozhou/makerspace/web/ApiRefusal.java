package cn.gov.shuozhou.makerspace.web;

import org.springframework.http.HttpStatus;

/** A refusal of an {@code /api} command other than bad input: its status, type and Chinese message. */
public class ApiRefusal extends RuntimeException {

  private final HttpStatus status;
  private final String type;

  public ApiRefusal(HttpStatus status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }
}
