package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.util.List;

/** The user id or the credit code of a new organisation account is taken: 409 naming the field. */
public class OrganisationTakenException extends ApiRefusal {

  OrganisationTakenException(String field, String message) {
    super(ProblemType.CONFLICT, message, List.of(new FieldError(field, message)));
  }
}
