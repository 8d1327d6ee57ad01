package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.Inputs;

/**
 * The fields of an organisation account, read and checked the same way whoever opens it (an
 * administrator, or the organisation itself by self-registration). Failures are recorded on
 * {@code in}; the caller throws them together.
 */
final class OrganisationForm {

  /** The engine's default pattern for user ids. */
  private static final String USER_ID = "^[A-Za-z0-9]{3,64}$";
  private static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

  private OrganisationForm() {}

  static Organisation read(Inputs in) {
    String userId = in.pattern("userId", "用户名", USER_ID, "应为3至64位字母或数字");
    return new Organisation(userId, in.creditCode("creditCode"),
        in.text("organisationName", "运营机构名称", true, Inputs.MAX_NAME),
        in.text("contactName", "联系人", true, 50),
        in.phone("phone"),
        email(in, "email"),
        in.choice("county", "所在县（区）", County.codes()));
  }

  static String email(Inputs in, String field) {
    return in.pattern(field, "电子邮箱", EMAIL, "应为有效的电子邮箱地址（如 name@example.cn）");
  }
}
