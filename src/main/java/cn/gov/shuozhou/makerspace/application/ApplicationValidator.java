package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one validator of an application's shape, used by every entry path (Tasklist start form,
 * {@code POST /api/applications}, {@code /engine-rest} start, the supplement task). It checks
 * types, presence, ranges and formats only; eligibility (Art. 4) is the DMN's answer.
 */
@Component
public class ApplicationValidator {

  /** Sanity limits against absurd values (not policy thresholds). */
  private static final double MAX_AREA = 1_000_000;
  private static final double MAX_MONEY = 1e12;
  private static final int MAX_COUNT = 1_000_000;
  private static final int MAX_ADDRESS = 200;

  /** Returns the application's variables with normalized types, or throws with every bad field. */
  public Map<String, Object> validate(Map<String, Object> variables) {
    Inputs in = Inputs.of(variables);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(OPERATOR_NAME, in.text(OPERATOR_NAME, "运营机构名称", true, Inputs.MAX_NAME));
    out.put(CREDIT_CODE, in.creditCode(CREDIT_CODE));
    out.put(SPACE_NAME, in.text(SPACE_NAME, "众创空间名称", true, Inputs.MAX_NAME));
    out.put(SPACE_ADDRESS, in.text(SPACE_ADDRESS, "众创空间地址", true, MAX_ADDRESS));
    out.put(COUNTY, in.choice(COUNTY, "所在县（区）", County.codes()));
    out.put(HOST_TYPE, in.choice(HOST_TYPE, "举办类型", List.of("university", "other")));
    out.put(SPACE_FOCUS, in.choice(SPACE_FOCUS, "服务对象", List.of("maker", "team")));
    readSpaceStatus(in, out);
    out.put(MONTHLY_EVENTS, in.decimal(MONTHLY_EVENTS, "月均活动次数", true, 0, 10_000));
    out.put(CONVERTED_OLD_BUILDING, in.bool(CONVERTED_OLD_BUILDING, "老旧厂房或闲置房屋改建", true));
    out.put(CONTACT_NAME, in.text(CONTACT_NAME, "联系人", true, 50));
    out.put(CONTACT_PHONE, in.phone(CONTACT_PHONE));
    in.throwIfInvalid();
    return out;
  }

  /**
   * The Art. 4 figures that describe a space's premises, services and activity, as at the
   * application and again in every annual report (Art. 8): validated the same way both times.
   * Adds each to {@code out}; errors stay in {@code in}.
   */
  public static void readSpaceStatus(Inputs in, Map<String, Object> out) {
    Double total = in.decimal(TOTAL_AREA, "场地总面积", true, 0, MAX_AREA);
    if (total != null && total <= 0) {
      in.fail(TOTAL_AREA, "场地总面积（totalArea）应大于0");
    }
    out.put(TOTAL_AREA, total);
    Double publicArea = in.decimal(PUBLIC_SERVICE_AREA, "公共办公与服务面积", true, 0, MAX_AREA);
    if (publicArea != null && total != null && publicArea > total) {
      in.fail(PUBLIC_SERVICE_AREA, "公共办公与服务面积（publicServiceArea）不得大于场地总面积");
    }
    out.put(PUBLIC_SERVICE_AREA, publicArea);
    String premises = in.choice(PREMISES, "场地性质", List.of("owned", "leased"));
    out.put(PREMISES, premises);
    Double lease = in.decimal(LEASE_YEARS, "租赁年限", "leased".equals(premises), 0, 100);
    if (lease != null && "leased".equals(premises) && lease <= 0) {
      in.fail(LEASE_YEARS, "租赁年限（leaseYears）应大于0");
    }
    out.put(LEASE_YEARS, lease);
    out.put(SEED_FUND_AMOUNT, in.decimal(SEED_FUND_AMOUNT, "种子基金金额", true, 0, MAX_MONEY));
    out.put(MENTOR_COUNT, in.integer(MENTOR_COUNT, "创业导师人数", true, 0, MAX_COUNT));
    out.put(ACTIVE_MAKERS, in.integer(ACTIVE_MAKERS, "活跃创客人数", true, 0, MAX_COUNT));
    out.put(ACTIVE_TEAMS, in.integer(ACTIVE_TEAMS, "活跃创业团队数", true, 0, MAX_COUNT));
    out.put(INDEPENDENT_OPERATOR, in.bool(INDEPENDENT_OPERATOR, "独立运营机构", true));
    out.put(SHARED_FACILITIES, in.bool(SHARED_FACILITIES, "开放共享办公及网络设施", true));
    out.put(ONLINE_SERVICES, in.bool(ONLINE_SERVICES, "线上服务", true));
    out.put(LOW_COST_OR_FREE, in.bool(LOW_COST_OR_FREE, "低成本或免费办公条件", true));
  }
}
