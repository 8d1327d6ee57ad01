package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.organisation.PasswordChangeService;
import cn.gov.shuozhou.makerspace.organisation.PasswordChangeService.WrongCurrentPassword;
import cn.gov.shuozhou.makerspace.security.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/my/password}: 修改密码 of the signed-in organisation account (only those, {@link Applicant}),
 * with exactly {@code currentPassword}, {@code newPassword} and {@code newPasswordAgain}. A wrong current
 * password is a guess, held back like a failed login ({@link LoginThrottle}) by the address and by a key of
 * its own per account, which the account's successful logins (each Basic request is one) do not clear:
 * a session left open is no way around the limit on guessing.
 */
@RestController
public class MyPasswordController {

  private final PasswordChangeService passwords;
  private final Applicant.Current applicant;
  private final LoginThrottle throttle;

  MyPasswordController(PasswordChangeService passwords, Applicant.Current applicant, LoginThrottle throttle) {
    this.passwords = passwords;
    this.applicant = applicant;
    this.throttle = throttle;
  }

  @PostMapping("/api/my/password")
  public Map<String, Object> change(@RequestBody Map<String, Object> body, @RequestParam Map<String, String> parameters,
      HttpServletRequest request) {
    Applicant caller = applicant.of(parameters);
    Inputs in = Inputs.of(body).only(List.of("currentPassword", "newPassword", "newPasswordAgain"));
    String address = request.getRemoteAddr();
    String guesses = "修改密码:" + caller.userId();
    throttle.retryAfter(address, guesses).ifPresent(MyPasswordController::refuse);
    try {
      passwords.change(in, caller.userId(), body.get("currentPassword"), body.get("newPassword"), body.get("newPasswordAgain"));
    } catch (WrongCurrentPassword guess) {
      throttle.failed(address, guesses);
      throw guess;
    }
    throttle.succeeded(address, guesses);
    return Map.of("message", "密码已修改，下次登录请使用新密码");
  }

  private static void refuse(Duration wait) {
    throw ApiRefusal.tooMany("当前密码输错次数过多，请在" + ApiRefusal.seconds(wait) + "秒后再试", wait);
  }
}
