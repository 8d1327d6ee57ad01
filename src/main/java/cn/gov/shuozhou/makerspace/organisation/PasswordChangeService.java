package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * 修改密码 of a signed-in organisation account: the current password, and the new one twice, under
 * the one {@link PasswordPolicy}; a new password equal to the current one is refused, as in the reset.
 */
@Service
public class PasswordChangeService {

  static final String SAME = "新密码（%s）不能与当前密码相同";

  private final ProcessEngine engine;

  public PasswordChangeService(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A wrong current password: a guess, which the door counts as a failed login. */
  public static final class WrongCurrentPassword extends InvalidInputException {
    WrongCurrentPassword() {
      super("currentPassword", "当前密码（currentPassword）不正确");
    }
  }

  /** Sets {@code userId}'s new password; 400 at the field that is wrong, nothing changed. */
  public void change(Inputs in, String userId, Object current, Object next, Object again) {
    String currentPassword = current instanceof String c && !c.isEmpty() ? c : null;
    if (currentPassword == null) {
      in.fail("currentPassword", current == null ? "当前密码（currentPassword）为必填项" : "当前密码（currentPassword）应为文本");
    }
    String checked = PasswordPolicy.check(in, "newPassword", next, userId);
    if (checked != null && !checked.equals(again)) {
      in.fail("newPasswordAgain", "两次输入的新密码（newPasswordAgain）不一致");
    }
    in.throwIfInvalid();
    if (!engine.getIdentityService().checkPassword(userId, currentPassword)) {
      throw new WrongCurrentPassword();
    }
    if (checked.equals(currentPassword)) {
      throw new InvalidInputException("newPassword", SAME.formatted("newPassword"));
    }
    // the account's own user, changed by the system: an organisation holds no right on users
    WithoutAuthorization.call(engine, () -> {
      User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
      user.setPassword(checked);
      engine.getIdentityService().saveUser(user);
      return null;
    });
  }
}
