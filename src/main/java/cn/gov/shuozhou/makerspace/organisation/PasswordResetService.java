package cn.gov.shuozhou.makerspace.organisation;

import static cn.gov.shuozhou.makerspace.organisation.OneTimeCodes.Purpose.PASSWORD_RESET;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset of an organisation account by a code sent to the account's email (table
 * {@code ms_password_reset}). The request answers alike whether or not the account exists, so that
 * nobody learns which accounts there are; staff accounts are reset by an administrator, not here.
 */
@Service
public class PasswordResetService {

  private final OneTimeCodes codes;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  public PasswordResetService(OneTimeCodes codes, JdbcTemplate jdbc, IdentityService identity) {
    this.codes = codes;
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** Mails a code to the organisation account {@code userId}, if there is one and it has not asked too often. */
  @Transactional
  public void request(String userId) {
    List<String> emails = jdbc.queryForList("SELECT email FROM ms_organisation WHERE user_id = ?", String.class, userId);
    if (emails.isEmpty() || codes.tooMany(PASSWORD_RESET, "user_id = ?", userId)) {
      return; // the answer stays the same; the owner already has recent codes
    }
    codes.issue(PASSWORD_RESET, Map.of("user_id", userId), emails.get(0),
        "您好：\n\n账号 " + userId + " 申请重置密码。");
  }

  /** Sets the new password when the code of the account's newest open request is right; a wrong code counts. */
  public void confirm(Inputs in, String userId, String code, Object password) {
    String expired = "验证码已失效（已使用、已过期或输错次数过多），请重新申请重置密码";
    String resetId = codes.newestOpen(PASSWORD_RESET, "user_id", userId)
        .orElseThrow(() -> new InvalidInputException("code", expired));
    codes.check(PASSWORD_RESET, resetId, code, expired);
    String checked = PasswordPolicy.check(in, "password", password, userId);
    if (checked != null && identity.checkPassword(userId, checked)) {
      in.fail("password", PasswordChangeService.SAME.formatted("password")); // a reset that changes nothing
    }
    in.throwIfInvalid();
    codes.consume(PASSWORD_RESET, resetId, "该验证码已使用，请重新申请重置密码", () -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      user.setPassword(checked);
      identity.saveUser(user);
    });
  }
}
