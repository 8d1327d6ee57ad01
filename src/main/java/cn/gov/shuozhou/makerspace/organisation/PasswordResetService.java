package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.mail.Mailer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset of an organisation account by a code sent to the account's email (table
 * {@code ms_password_reset}). The request answers alike whether or not the account exists, so that
 * nobody learns which accounts there are; staff accounts are reset by an administrator, not here.
 */
@Service
public class PasswordResetService {

  private final JdbcTemplate jdbc;
  private final Mailer mailer;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public PasswordResetService(JdbcTemplate jdbc, Mailer mailer, IdentityService identity,
      TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.identity = identity;
    this.transaction = transaction;
  }

  /** Mails a code to the organisation account {@code userId}, if there is one and it has not asked too often. */
  @Transactional
  public void request(String userId) {
    List<String> emails = jdbc.queryForList("SELECT email FROM ms_organisation WHERE user_id = ?", String.class, userId);
    if (emails.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM ms_password_reset WHERE user_id = ? AND requested_at > ?",
        Integer.class, userId, Timestamp.from(now.minus(1, ChronoUnit.HOURS)));
    if (recent != null && recent >= VerificationCodes.MAX_REQUESTS_PER_HOUR) {
      return; // the answer stays the same; the owner already has recent codes
    }
    String id = UUID.randomUUID().toString();
    String code = VerificationCodes.newCode();
    jdbc.update("INSERT INTO ms_password_reset (reset_id, user_id, code_hash, attempts, requested_at, expires_at) "
        + "VALUES (?, ?, ?, 0, ?, ?)", id, userId, VerificationCodes.hash(id, code), Timestamp.from(now),
        Timestamp.from(now.plus(VerificationCodes.VALID)));
    mailer.send(emails.get(0), "众创空间认定与管理系统：重置密码验证码",
        "您好：\n\n账号 " + userId + " 申请重置密码。\n验证码：" + code + "\n有效期" + VerificationCodes.VALID.toMinutes()
            + "分钟。如非本单位操作，请忽略本邮件，原密码仍然有效。\n\n朔州市科学技术局");
  }

  /** Sets the new password when the code of the account's newest open request is right; a wrong code counts. */
  public void confirm(Inputs in, String userId, String code, Object password) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT reset_id, code_hash FROM ms_password_reset "
        + "WHERE user_id = ? AND consumed_at IS NULL AND attempts < ? AND expires_at > ? ORDER BY requested_at DESC",
        userId, VerificationCodes.MAX_ATTEMPTS, now);
    if (rows.isEmpty()) {
      throw new InvalidInputException("code", "验证码已失效（已使用、已过期或输错次数过多），请重新申请重置密码");
    }
    String resetId = (String) rows.get(0).get("reset_id");
    jdbc.update("UPDATE ms_password_reset SET attempts = attempts + 1 WHERE reset_id = ?", resetId);
    if (!VerificationCodes.matches((String) rows.get(0).get("code_hash"), resetId, code)) {
      throw new InvalidInputException("code", "验证码（code）不正确");
    }
    String checked = PasswordPolicy.check(in, "password", password, userId);
    in.throwIfInvalid();
    transaction.executeWithoutResult(status -> {
      if (jdbc.update("UPDATE ms_password_reset SET consumed_at = ? WHERE reset_id = ? AND consumed_at IS NULL",
          now, resetId) == 0) {
        throw new InvalidInputException("code", "该验证码已使用，请重新申请重置密码");
      }
      User user = identity.createUserQuery().userId(userId).singleResult();
      user.setPassword(checked);
      identity.saveUser(user);
    });
  }
}
