package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.organisation.Organisation;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The signed-in organisation account of a portal request: its user and its organisation (credit code,
 * name, contact, county). Only accounts bound to an organisation (docs/security.md §10) have a portal;
 * everyone else is refused (403), and so is a disabled account. The portal's reads take no query
 * parameters (400 naming each).
 */
record Applicant(Organisation organisation) {

  String userId() {
    return organisation.userId();
  }

  String creditCode() {
    return organisation.creditCode();
  }

  /** The portal's doors resolve their caller through this bean. */
  @Component
  static class Current {

    private final IdentityService identity;
    private final Organisations organisations;

    Current(IdentityService identity, Organisations organisations) {
      this.identity = identity;
      this.organisations = organisations;
    }

    /** The signed-in organisation account of a portal request, which takes no query parameters. */
    Applicant of(Map<String, String> parameters) {
      Inputs.onlyParameters(parameters, Set.of());
      return current(identity, organisations);
    }
  }

  private static Applicant current(IdentityService identity, Organisations organisations) {
    String user = identity.getCurrentAuthentication().getUserId();
    Organisation organisation = organisations.find(user).orElseThrow(() -> new ApiRefusal(ProblemType.NOT_AN_ORGANISATION, "当前账号未关联运营机构：“我的申请”只对申报单位（运营机构）账号开放"));
    if (organisations.isDisabled(user)) { // a session opened before the account was disabled
      throw new ApiRefusal(ProblemType.FORBIDDEN, "该机构账号已被管理员停用");
    }
    return new Applicant(organisation);
  }

}
