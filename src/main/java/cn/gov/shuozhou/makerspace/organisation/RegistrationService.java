package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.Mailer;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

  private final JdbcTemplate jdbc;
  private final Mailer mailer;
  private final OrganisationService organisations;
  private final Organisations accounts;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public RegistrationService(JdbcTemplate jdbc, Mailer mailer, OrganisationService organisations,
      Organisations accounts, IdentityService identity, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.organisations = organisations;
    this.accounts = accounts;
    this.identity = identity;
    this.transaction = transaction;
  }

  /** Stores the request and mails its code, in one transaction: a mail that cannot go leaves no row. */
  @Transactional
  public Requested request(Organisation o) {
    if (identity.createUserQuery().userId(o.userId()).count() > 0) {
      throw OrganisationService.userTaken(o.userId());
    }
    if (accounts.creditCodeTaken(o.creditCode())) {
      throw OrganisationService.codeTaken();
    }
    Instant now = Instant.now();
    Timestamp hourAgo = Timestamp.from(now.minus(1, ChronoUnit.HOURS));
    Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM ms_registration WHERE (email = ? OR credit_code = ?) "
        + "AND requested_at > ?", Integer.class, o.email(), o.creditCode(), hourAgo);
    if (recent != null && recent >= VerificationCodes.MAX_REQUESTS_PER_HOUR) {
      throw new ApiRefusal(ProblemType.TOO_MANY_REQUESTS,
          "注册申请过于频繁：同一邮箱或统一社会信用代码一小时内最多申请" + VerificationCodes.MAX_REQUESTS_PER_HOUR + "次，请稍后再试");
    }
    String id = UUID.randomUUID().toString();
    String code = VerificationCodes.newCode();
    Instant expires = now.plus(VerificationCodes.VALID);
    jdbc.update("INSERT INTO ms_registration (registration_id, user_id, credit_code, organisation_name, contact_name, "
        + "phone, email, county, code_hash, attempts, requested_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        id, o.userId(), o.creditCode(), o.organisationName(), o.contactName(), o.phone(), o.email(), o.county(),
        VerificationCodes.hash(id, code), Timestamp.from(now), Timestamp.from(expires));
    mailer.send(o.email(), "众创空间认定与管理系统：注册验证码",
        o.organisationName() + "：\n\n您正在注册朔州市众创空间认定与管理系统的机构账号（用户名 " + o.userId() + "）。\n验证码："
            + code + "\n有效期" + VerificationCodes.VALID.toMinutes() + "分钟。如非本单位操作，请忽略本邮件。\n\n朔州市科学技术局");
    return new Requested(id, masked(o.email()), expires);
  }

  /**
   * Confirms a request with its code and sets the password: the account is created. A wrong code
   * counts as an attempt (committed on its own, so that guessing is limited even though the
   * refusal changes nothing else).
   */
  public String confirm(Inputs in, String registrationId, String code, Object password) {
    int counted = jdbc.update("UPDATE ms_registration SET attempts = attempts + 1 WHERE registration_id = ? "
        + "AND consumed_at IS NULL AND attempts < ? AND expires_at > ?", registrationId, VerificationCodes.MAX_ATTEMPTS,
        Timestamp.from(Instant.now()));
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM ms_registration WHERE registration_id = ?",
        registrationId);
    if (counted == 0 || rows.isEmpty()) {
      throw new InvalidInputException("code", "验证码已失效（已使用、已过期或输错次数过多），请重新申请注册");
    }
    Map<String, Object> row = rows.get(0);
    if (!VerificationCodes.matches((String) row.get("code_hash"), registrationId, code)) {
      throw new InvalidInputException("code", "验证码（code）不正确");
    }
    String checked = PasswordPolicy.check(in, "password", password, (String) row.get("user_id"));
    in.throwIfInvalid();
    Organisation o = new Organisation((String) row.get("user_id"), (String) row.get("credit_code"),
        (String) row.get("organisation_name"), (String) row.get("contact_name"), (String) row.get("phone"),
        (String) row.get("email"), (String) row.get("county"));
    transaction.executeWithoutResult(status -> {
      if (jdbc.update("UPDATE ms_registration SET consumed_at = ? WHERE registration_id = ? AND consumed_at IS NULL",
          Timestamp.from(Instant.now()), registrationId) == 0) {
        throw new InvalidInputException("code", "该注册申请已确认过，请直接登录");
      }
      organisations.create(o, checked, SELF);
    });
    return o.userId();
  }

  static String masked(String email) {
    int at = email.indexOf('@');
    return (at <= 1 ? email.substring(0, Math.max(at, 0)) : email.charAt(0) + "***") + email.substring(Math.max(at, 0));
  }
}
