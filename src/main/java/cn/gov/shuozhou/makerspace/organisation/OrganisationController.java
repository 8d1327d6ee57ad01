package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/organisations}: a system administrator ({@code camunda-admin}) creates an
 * organisation account, i.e. an operator's user bound to its organisation's credit code. Exactly
 * the contract's fields; 201, 409 when the user id or the credit code is taken.
 *
 * <p>Administration (docs/security.md §10): {@code GET /api/organisations} lists the accounts
 * (administrators all, a county's bureau those of its county, read-only); {@code POST
 * /api/organisations/{userId}/disable} and {@code /enable} (administrators) take no fields.
 */
@RestController
@RequestMapping("/api/organisations")
public class OrganisationController {

  static final List<String> FIELDS = List.of("userId", "password", "creditCode", "organisationName",
      "contactName", "phone", "email", "county");

  private final OrganisationService service;
  private final Organisations organisations;
  private final IdentityService identity;

  public OrganisationController(OrganisationService service, Organisations organisations, IdentityService identity) {
    this.service = service;
    this.organisations = organisations;
    this.identity = identity;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam Map<String, String> parameters) {
    Caller caller = AccessPolicy.require(identity, Capability.READ_ORGANISATION_ACCOUNTS);
    noFields(parameters, "参数");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mayDisable", caller.may(Capability.DISABLE_ORGANISATION_ACCOUNTS));
    answer.put("accounts", organisations.accounts(caller.may(Capability.READ_ALL_ORGANISATION_ACCOUNTS)
        ? null : AccessPolicy.counties(caller)));
    return answer;
  }

  @PostMapping("/{userId}/disable")
  public Map<String, Object> disable(@PathVariable String userId, @RequestBody(required = false) Map<String, Object> body) {
    String administrator = AccessPolicy.require(identity, Capability.DISABLE_ORGANISATION_ACCOUNTS).userId();
    noFields(body, "字段");
    service.disable(existing(userId), administrator);
    return state(userId, true, "机构账号 " + userId + " 已停用：该账号不能再登录");
  }

  @PostMapping("/{userId}/enable")
  public Map<String, Object> enable(@PathVariable String userId, @RequestBody(required = false) Map<String, Object> body) {
    AccessPolicy.require(identity, Capability.DISABLE_ORGANISATION_ACCOUNTS);
    noFields(body, "字段");
    service.enable(existing(userId));
    return state(userId, false, "机构账号 " + userId + " 已启用");
  }

  private String existing(String userId) {
    if (!organisations.exists(userId)) {
      throw new ApiRefusal(ProblemType.NOT_FOUND, "没有用户名为 " + userId + " 的机构账号");
    }
    return userId;
  }

  private static void noFields(Map<String, ?> fields, String what) {
    if (fields != null && !fields.isEmpty()) {
      throw new InvalidInputException(fields.keySet().stream().sorted()
          .map(name -> new FieldError(name, "不接受" + what + " " + name + "：本接口不接受任何" + what)).toList());
    }
  }

  private static Map<String, Object> state(String userId, boolean disabled, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", userId);
    answer.put("disabled", disabled);
    answer.put("message", message);
    return answer;
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
