package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's own doors to its account, without a login: self-registration with an email
 * code, and password reset by an email code. Each accepts exactly its fields.
 */
@RestController
public class SelfServiceController {

  public static final String REGISTER = "/api/registrations";
  public static final String REGISTER_CONFIRM = "/api/registrations/confirm";
  public static final String RESET = "/api/password-resets";
  public static final String RESET_CONFIRM = "/api/password-resets/confirm";
  /** The public POST paths (exactly these; see security/ApiAuthenticationFilter). */
  public static final List<String> PATHS = List.of(REGISTER, REGISTER_CONFIRM, RESET, RESET_CONFIRM);

  private static final List<String> ACCOUNT_FIELDS = List.of("userId", "creditCode", "organisationName",
      "contactName", "phone", "email", "county");

  private final RegistrationService registrations;
  private final PasswordResetService resets;

  public SelfServiceController(RegistrationService registrations, PasswordResetService resets) {
    this.registrations = registrations;
    this.resets = resets;
  }

  /** 202: the code is on its way; 409 when the user id or credit code already has an account. */
  @PostMapping(REGISTER)
  public ResponseEntity<RegistrationService.Requested> register(@RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(ACCOUNT_FIELDS);
    Organisation o = OrganisationForm.read(in);
    in.throwIfInvalid();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(registrations.request(o));
  }

  /** 201: the account exists and the organisation may sign in. */
  @PostMapping(REGISTER_CONFIRM)
  public ResponseEntity<Map<String, Object>> confirmRegistration(@RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of("registrationId", "code", "password"));
    String id = in.pattern("registrationId", "注册申请编号", "^[0-9a-f-]{36}$", "应为注册时返回的编号");
    String code = in.pattern("code", "验证码", "^\\d{6}$", "应为邮件中的6位数字");
    in.throwIfInvalid();
    String userId = registrations.confirm(in, id, code, body.get("password"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", userId);
    answer.put("message", "注册成功，请使用用户名 " + userId + " 和刚设置的密码登录");
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  /** 202 whether or not the account exists: nobody learns which accounts there are. */
  @PostMapping(RESET)
  public ResponseEntity<Map<String, Object>> requestReset(@RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of("userId"));
    String userId = in.text("userId", "用户名", true, 64);
    in.throwIfInvalid();
    resets.request(userId);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message",
        "如该用户名是机构账号，重置密码的验证码已发送到其登记的电子邮箱，" + OneTimeCodes.VALID.toMinutes() + "分钟内有效"));
  }

  @PostMapping(RESET_CONFIRM)
  public Map<String, Object> confirmReset(@RequestBody Map<String, Object> body) {
    Inputs in = Inputs.of(body).only(List.of("userId", "code", "password"));
    String userId = in.text("userId", "用户名", true, 64);
    String code = in.pattern("code", "验证码", "^\\d{6}$", "应为邮件中的6位数字");
    in.throwIfInvalid();
    resets.confirm(in, userId, code, body.get("password"));
    return Map.of("message", "密码已重置，请使用新密码登录");
  }
}
