package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.application.ApplicationValidator;
import cn.gov.shuozhou.makerspace.application.County;
import cn.gov.shuozhou.makerspace.application.CreditCode;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.identity.Groups;
import cn.gov.shuozhou.makerspace.web.ErrorBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
  /** The engine's default pattern for user ids. */
  private static final String USER_ID = "^[A-Za-z0-9]{3,64}$";
  private static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

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
    String userId = in.pattern("userId", "用户名", USER_ID, "应为3至64位字母或数字");
    String password = password(in, body.get("password"));
    String code = in.text("creditCode", "统一社会信用代码", true, 18);
    if (code != null && !CreditCode.isValid(code)) {
      in.fail("creditCode", CreditCode.INVALID);
    }
    Organisation o = new Organisation(userId, code,
        in.text("organisationName", "运营机构名称", true, Inputs.MAX_NAME),
        in.text("contactName", "联系人", true, 50),
        in.pattern("phone", "联系电话", ApplicationValidator.MOBILE_OR_LANDLINE,
            "应为11位手机号码或带区号的固定电话（如0349-2881234）"),
        in.pattern("email", "电子邮箱", EMAIL, "应为有效的电子邮箱地址（如 name@example.cn）"),
        in.choice("county", "所在县（区）", County.codes()));
    in.throwIfInvalid();
    service.create(o, password, administrator);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", o.userId());
    answer.put("creditCode", o.creditCode());
    answer.put("organisationName", o.organisationName());
    answer.put("group", Groups.OPERATORS);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  @ExceptionHandler(OrganisationTakenException.class)
  ResponseEntity<ErrorBody> taken(OrganisationTakenException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ErrorBody("OrganisationTakenException", e.getMessage(), List.of(e.error())));
  }

  /** Not trimmed (spaces count); 8 to 128 characters with letters and digits. */
  private static String password(Inputs in, Object value) {
    if (!(value instanceof String p) || p.isEmpty()) {
      in.fail("password", value == null ? "密码（password）为必填项" : "密码（password）应为文本");
      return null;
    }
    if (p.length() < 8 || p.length() > 128 || !p.matches(".*\\p{L}.*") || !p.matches(".*\\d.*")) {
      in.fail("password", "密码（password）应为8至128个字符，且同时包含字母和数字");
      return null;
    }
    return p;
  }
}
