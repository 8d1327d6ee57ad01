package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.certification.SpaceStatus;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one validator of an application's shape, run once per filing by the intake every entry path
 * shares (Tasklist start form, {@code POST /api/applications}, {@code /engine-rest} start) and by the
 * supplement task. It checks types, presence, ranges and formats only; eligibility (Art. 4) is the
 * DMN's answer. It reads the untyped variables itself, rather than binding them to annotated fields,
 * so that a value of the wrong type is refused by name like any other bad value, and every bad
 * field is reported at once in form order, in the contract's words.
 */
@Component
public class ApplicationValidator {

  /** The typed application, or an {@code InvalidInputException} naming every bad field. */
  public Application validate(Map<String, Object> variables) {
    Inputs in = Inputs.of(variables);
    String operatorName = in.text(OPERATOR_NAME, "运营机构名称", true, Inputs.MAX_NAME);
    String creditCode = in.creditCode(CREDIT_CODE);
    String spaceName = in.text(SPACE_NAME, "众创空间名称", true, Inputs.MAX_NAME);
    String spaceAddress = in.text(SPACE_ADDRESS, "众创空间地址", true, Inputs.MAX_ADDRESS);
    String county = in.choice(COUNTY, "所在县（区）", County.codes());
    String hostType = in.choice(HOST_TYPE, "举办类型", List.of("university", "other"));
    String spaceFocus = in.choice(SPACE_FOCUS, "服务对象", List.of("maker", "team"));
    SpaceStatus status = readSpaceStatus(in);
    Double monthlyEvents = in.decimal(MONTHLY_EVENTS, "月均活动次数", true, 0, 10_000);
    Boolean converted = in.bool(CONVERTED_OLD_BUILDING, "老旧厂房或闲置房屋改建", true);
    String contactName = in.text(CONTACT_NAME, "联系人", true, 50);
    String contactPhone = in.phone(CONTACT_PHONE);
    in.throwIfInvalid();
    return new Application(operatorName, creditCode, spaceName, spaceAddress, county, hostType, spaceFocus, status,
        monthlyEvents, converted, contactName, contactPhone);
  }

  /**
   * The Art. 4 figures that describe a space's premises, services and activity, as at the
   * application and again in every annual report (Art. 8): validated the same way both times.
   * Errors stay in {@code in}; the caller throws them.
   */
  public static SpaceStatus readSpaceStatus(Inputs in) {
    Double total = in.decimal(TOTAL_AREA, "场地总面积", true, 0, Inputs.MAX_AREA);
    if (total != null && total <= 0) {
      in.fail(TOTAL_AREA, "场地总面积（totalArea）应大于0");
    }
    Double publicArea = in.decimal(PUBLIC_SERVICE_AREA, "公共办公与服务面积", true, 0, Inputs.MAX_AREA);
    if (publicArea != null && total != null && publicArea > total) {
      in.fail(PUBLIC_SERVICE_AREA, "公共办公与服务面积（publicServiceArea）不得大于场地总面积");
    }
    String premises = in.choice(PREMISES, "场地性质", List.of("owned", "leased"));
    Double lease = in.decimal(LEASE_YEARS, "租赁年限", "leased".equals(premises), 0, 100);
    if (lease != null && "leased".equals(premises) && lease <= 0) {
      in.fail(LEASE_YEARS, "租赁年限（leaseYears）应大于0");
    }
    return new SpaceStatus(total, publicArea, premises, lease,
        in.decimal(SEED_FUND_AMOUNT, "种子基金金额", true, 0, Inputs.MAX_MONEY),
        in.integer(MENTOR_COUNT, "创业导师人数", true, 0, Inputs.MAX_COUNT),
        in.integer(ACTIVE_MAKERS, "活跃创客人数", true, 0, Inputs.MAX_COUNT),
        in.integer(ACTIVE_TEAMS, "活跃创业团队数", true, 0, Inputs.MAX_COUNT),
        in.bool(INDEPENDENT_OPERATOR, "独立运营机构", true),
        in.bool(SHARED_FACILITIES, "开放共享办公及网络设施", true),
        in.bool(ONLINE_SERVICES, "线上服务", true),
        in.bool(LOW_COST_OR_FREE, "低成本或免费办公条件", true));
  }
}
