package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.certification.SpaceStatus;
import cn.gov.shuozhou.makerspace.common.Inputs;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one validator of an application's shape, run once per filing by the intake every entry path
 * shares (Tasklist start form, {@code POST /api/applications}, {@code /engine-rest} start) and by the
 * supplement task. It checks types, presence, ranges and formats only; eligibility (Art. 4) is the
 * DMN's answer. It reads the untyped variables itself into the typed {@link Application}, so that a
 * value of the wrong type is refused by name like any other bad value; the record's Bean Validation
 * constraints check each field, the rules across fields are below, and every bad field is reported
 * at once in form order, in the contract's words.
 */
@Component
public class ApplicationValidator {

  private final Validator validator;

  public ApplicationValidator(Validator validator) {
    this.validator = validator;
  }

  /** The typed application, or an {@code InvalidInputException} naming every bad field. */
  public Application validate(Map<String, Object> variables) {
    Inputs in = Inputs.of(variables);
    Application application = new Application(in.text(OPERATOR_NAME, "运营机构名称"),
        in.text(CREDIT_CODE, "统一社会信用代码"), in.text(SPACE_NAME, "众创空间名称"),
        in.text(SPACE_ADDRESS, "众创空间地址"), in.text(COUNTY, "所在县（市、区）"), in.text(HOST_TYPE, "依托单位类型"),
        in.text(SPACE_FOCUS, "服务对象类型"), readSpaceStatus(in), in.decimal(MONTHLY_EVENTS, "月均举办创业活动次数"),
        in.bool(CONVERTED_OLD_BUILDING, "利用老旧厂房、闲置房屋等改建", false), in.text(CONTACT_NAME, "联系人"),
        in.text(CONTACT_PHONE, "联系电话"));
    in.check(validator.validate(application));
    checkAcrossFields(in, application.status());
    checkPledge(in);
    in.inReadingOrder().throwIfInvalid();
    return application;
  }

  /**
   * The pledge of the application and supplement forms (Art. 9: false materials cost the title and a
   * ban): a form sends its checkbox ticked or not, and an unticked one is refused. A REST client that
   * files the contract's start variables without it is not asked (docs/processes.md).
   */
  private static void checkPledge(Inputs in) {
    if (Boolean.FALSE.equals(in.bool(DECLARATION_CONFIRMED, "承诺", false))) {
      in.fail(DECLARATION_CONFIRMED, "请勾选承诺（" + DECLARATION_CONFIRMED + "）：本单位承诺以上填报内容真实、准确、完整；"
          + "未作承诺的申请不予提交");
    }
  }

  /**
   * The Art. 4 figures that describe a space's premises, services and activity, as in every annual
   * report (Art. 8): validated as at the application. Errors stay in {@code in}, in form order; the
   * caller throws them.
   */
  public SpaceStatus spaceStatus(Inputs in) {
    SpaceStatus status = readSpaceStatus(in);
    in.check(validator.validate(status));
    checkAcrossFields(in, status);
    in.inReadingOrder();
    return status;
  }

  private static SpaceStatus readSpaceStatus(Inputs in) {
    return new SpaceStatus(in.decimal(TOTAL_AREA, "可自主支配场地总面积"), in.decimal(PUBLIC_SERVICE_AREA, "公共办公与服务场地面积"),
        in.text(PREMISES, "场地性质"), in.decimal(LEASE_YEARS, "租赁期限"), in.decimal(SEED_FUND_AMOUNT, "种子基金金额"),
        in.integer(MENTOR_COUNT, "专兼职创业导师人数"), in.integer(ACTIVE_MAKERS, "活跃创客人数"),
        in.integer(ACTIVE_TEAMS, "活跃创业团队数"), in.bool(INDEPENDENT_OPERATOR, "运营机构独立", false),
        in.bool(SHARED_FACILITIES, "开放共享式办公场地及网络设施", false), in.bool(ONLINE_SERVICES, "线上服务", false),
        in.bool(LOW_COST_OR_FREE, "低成本或免费办公条件", false));
  }

  /**
   * The rules across fields, on values that passed their own constraints: the public area within
   * the total (compared before the total's own "more than 0", so that a zero total is compared too),
   * and a lease for leased premises.
   */
  private static void checkAcrossFields(Inputs in, SpaceStatus s) {
    boolean totalValid = s.totalArea() != null && !in.failed(TOTAL_AREA);
    if (totalValid && s.publicServiceArea() != null && !in.failed(PUBLIC_SERVICE_AREA)
        && s.publicServiceArea() > s.totalArea()) {
      in.fail(PUBLIC_SERVICE_AREA, "公共办公与服务场地面积（publicServiceArea）不得大于可自主支配场地总面积");
    }
    if (totalValid && s.totalArea() <= 0) {
      in.fail(TOTAL_AREA, "可自主支配场地总面积（totalArea）应大于0");
    }
    if ("leased".equals(s.premises()) && !in.failed(LEASE_YEARS)) {
      if (s.leaseYears() == null) {
        in.fail(LEASE_YEARS, "租赁期限（leaseYears）为必填项");
      } else if (s.leaseYears() <= 0) {
        in.fail(LEASE_YEARS, "租赁期限（leaseYears）应大于0");
      }
    }
  }
}
