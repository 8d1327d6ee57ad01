package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.organisation.PasswordChangeService;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/my/password}: 修改密码 of the signed-in organisation account (only those, {@link Applicant}),
 * with exactly {@code currentPassword}, {@code newPassword} and {@code newPasswordAgain}.
 */
@RestController
public class MyPasswordController {

  private final PasswordChangeService passwords;
  private final Applicant.Current applicant;

  MyPasswordController(PasswordChangeService passwords, Applicant.Current applicant) {
    this.passwords = passwords;
    this.applicant = applicant;
  }

  @PostMapping("/api/my/password")
  public Map<String, Object> change(@RequestBody Map<String, Object> body, @RequestParam Map<String, String> parameters) {
    Applicant caller = applicant.of(parameters);
    Inputs in = Inputs.of(body).only(List.of("currentPassword", "newPassword", "newPasswordAgain"));
    passwords.change(in, caller.userId(), body.get("currentPassword"), body.get("newPassword"), body.get("newPasswordAgain"));
    return Map.of("message", "密码已修改，下次登录请使用新密码");
  }
}
