package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.FieldError;

/** The user id or the credit code of a new organisation account is taken (409). */
public class OrganisationTakenException extends RuntimeException {

  private final FieldError error;

  OrganisationTakenException(String field, String message) {
    super(message);
    this.error = new FieldError(field, message);
  }

  public FieldError error() {
    return error;
  }
}
