package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.access.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/organisations}: a system administrator ({@code camunda-admin}) creates an
 * organisation account, i.e. an operator's user bound to its organisation's credit code. Exactly
 * the contract's fields; 201, 409 when the user id or the credit code is taken.
 */
@RestController
@RequestMapping("/api/organisations")
public class OrganisationController {

  static final List<String> FIELDS = List.of("userId", "password", "creditCode", "organisationName",
      "contactName", "phone", "email", "county");

  private final OrganisationService service;
  private final IdentityService identity;

  public OrganisationController(OrganisationService service, IdentityService identity) {
    this.service = service;
    this.identity = identity;
  }

  @PostMapping
  public ResponseEntity<?> create(@RequestBody Map<String, Object> body) {
    String administrator = AccessPolicy.require(identity, Capability.CREATE_ORGANISATION_ACCOUNTS).userId();
    Inputs in = Inputs.of(body).only(FIELDS);
    Organisation o = OrganisationForm.read(in);
    String password = PasswordPolicy.check(in, "password", body.get("password"), o.userId());
    in.throwIfInvalid();
    service.create(o, password, administrator);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", o.userId());
    answer.put("creditCode", o.creditCode());
    answer.put("organisationName", o.organisationName());
    answer.put("group", Groups.OPERATORS);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }
}
