package cn.gov.shuozhou.makerspace.organisation;

import static cn.gov.shuozhou.makerspace.organisation.OneTimeCodes.Purpose.REGISTRATION;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration of an organisation account (issue 16): the organisation asks with its data,
 * receives a code by email, and confirms it with its password; only then is the account created
 * (by {@link OrganisationService}, as an administrator would create it). Table
 * {@code ms_registration}.
 */
@Service
public class RegistrationService {

  /** Who created an account in {@code ms_organisation.created_by} when nobody but its owner did. */
  static final String SELF = "self-registration";

  /** The answer to a request: where the code went (masked) and until when it is valid. */
  public record Requested(String registrationId, String email, Instant expiresAt) {}

  private final OneTimeCodes codes;
  private final JdbcTemplate jdbc;
  private final OrganisationService organisations;

  public RegistrationService(OneTimeCodes codes, JdbcTemplate jdbc, OrganisationService organisations) {
    this.codes = codes;
    this.jdbc = jdbc;
    this.organisations = organisations;
  }

  /** Stores the request and mails its code, in one transaction: a mail that cannot go leaves no row. */
  @Transactional
  public Requested request(Organisation o) {
    organisations.requireFree(o);
    if (codes.tooMany(REGISTRATION, "email = ? OR credit_code = ?", o.email(), o.creditCode())) {
      throw new ApiRefusal(ProblemType.TOO_MANY_REQUESTS, "注册申请过于频繁：同一邮箱或统一社会信用代码一小时内最多申请"
          + OneTimeCodes.MAX_REQUESTS_PER_HOUR + "次，请稍后再试");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("user_id", o.userId());
    columns.put("credit_code", o.creditCode());
    columns.put("organisation_name", o.organisationName());
    columns.put("contact_name", o.contactName());
    columns.put("phone", o.phone());
    columns.put("email", o.email());
    columns.put("county", o.county());
    OneTimeCodes.Issued issued = codes.issue(REGISTRATION, columns, o.email(), o.organisationName()
        + "：\n\n您正在注册朔州市众创空间认定与管理系统的机构账号（用户名 " + o.userId() + "）。");
    return new Requested(issued.requestId(), masked(o.email()), issued.expiresAt());
  }

  /** Confirms a request with its code and sets the password: the account is created. A wrong code counts as an attempt. */
  public String confirm(Inputs in, String registrationId, String code, Object password) {
    codes.check(REGISTRATION, registrationId, code, "验证码已失效（已使用、已过期或输错次数过多），请重新申请注册");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ms_registration WHERE registration_id = ?", registrationId);
    String checked = PasswordPolicy.check(in, "password", password, (String) row.get("user_id"));
    in.throwIfInvalid();
    Organisation o = new Organisation((String) row.get("user_id"), (String) row.get("credit_code"),
        (String) row.get("organisation_name"), (String) row.get("contact_name"), (String) row.get("phone"),
        (String) row.get("email"), (String) row.get("county"));
    codes.consume(REGISTRATION, registrationId, "该注册申请已确认过，请直接登录", () -> organisations.create(o, checked, SELF));
    return o.userId();
  }

  static String masked(String email) {
    int at = email.indexOf('@');
    return (at <= 1 ? email.substring(0, Math.max(at, 0)) : email.charAt(0) + "***") + email.substring(Math.max(at, 0));
  }
}
