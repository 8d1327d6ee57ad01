package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.support.Applications;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The one validator makes the typed application; its variables are the contract's, and read back the same. */
class ApplicationValidatorTest {

  private final ApplicationValidator validator =
      new ApplicationValidator(Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void aValidApplicationBecomesTheContractsVariablesNormalised() {
    Map<String, Object> filed = Applications.valid("pinglu");
    filed.put(SPACE_NAME, "  朔城创客之家 ");
    filed.put(TOTAL_AREA, 260);
    filed.put(MENTOR_COUNT, 5.0);

    Application application = validator.validate(filed);

    Map<String, Object> variables = application.variables();
    assertThat(new ArrayList<>(variables.keySet())).containsExactlyInAnyOrderElementsOf(APPLICATION_FIELDS);
    assertThat(variables).containsEntry(SPACE_NAME, "朔城创客之家").containsEntry(TOTAL_AREA, 260.0)
        .containsEntry(MENTOR_COUNT, 5).containsEntry(COUNTY, "pinglu").containsEntry(LEASE_YEARS, 6.0);
    assertThat(application.space()).isEqualTo(new Space((String) filed.get(CREDIT_CODE), "朔城创客之家",
        "朔州市朔城区民福街1号"));
    assertThat(application.status().variables().keySet()).containsExactlyElementsOf(SPACE_STATUS_FIELDS);
  }

  @Test
  void aRunningCaseReadsBackTheApplicationItFiled() {
    Application filed = validator.validate(Applications.valid("shuocheng"));
    Map<String, Object> variables = filed.variables();
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));

    assertThat(Application.of(scope)).isEqualTo(filed);
  }

  @Test
  void everyBadFieldIsNamedAtOnceInFormOrder() {
    Map<String, Object> filed = Applications.valid("shuocheng");
    filed.put(CREDIT_CODE, "91140600dm0000001u");
    filed.put(TOTAL_AREA, "大");
    filed.put(CONTACT_PHONE, "12345");

    assertThatThrownBy(() -> validator.validate(filed)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.getErrors()).extracting(FieldError::field).containsExactly(CREDIT_CODE, TOTAL_AREA, CONTACT_PHONE));
  }

  @Test
  void ownedPremisesNeedNoLeaseYearsLeasedOnesDo() {
    Map<String, Object> owned = Applications.valid("shuocheng");
    owned.put(PREMISES, "owned");
    owned.remove(LEASE_YEARS);
    assertThat(validator.validate(owned).status().leaseYears()).isNull();

    Map<String, Object> leased = Applications.valid("shuocheng");
    leased.remove(LEASE_YEARS);
    assertThatThrownBy(() -> validator.validate(leased)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.getErrors()).extracting(FieldError::message).containsExactly("租赁期限（leaseYears）为必填项"));
  }

  @Test
  void aValueBreakingSeveralConstraintsGetsOneMessageInTheReadersOrder() {
    Map<String, Object> filed = Applications.valid("shuocheng");
    filed.put(CREDIT_CODE, "9".repeat(19));
    filed.put(COUNTY, "县".repeat(101));
    filed.put(MENTOR_COUNT, 1.5);
    filed.put(SEED_FUND_AMOUNT, -1);

    assertThatThrownBy(() -> validator.validate(filed)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.getErrors()).extracting(FieldError::message).containsExactly(
            "统一社会信用代码（creditCode）不得超过18个字符", "所在县（市、区）（county）不得超过100个字符",
            "种子基金金额（seedFundAmount）应在0至1000000000000之间", "专兼职创业导师人数（mentorCount）应为整数"));
  }

  @Test
  void aZeroTotalAreaIsRefusedAndStillComparedWithThePublicArea() {
    Map<String, Object> filed = Applications.valid("shuocheng");
    filed.put(TOTAL_AREA, 0);
    filed.put(PUBLIC_SERVICE_AREA, 5);
    filed.put(HOST_TYPE, "school");

    assertThatThrownBy(() -> validator.validate(filed)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.getErrors()).extracting(FieldError::message).containsExactly(
            "依托单位类型（hostType）取值无效，应为：university、other", "可自主支配场地总面积（totalArea）应大于0",
            "公共办公与服务场地面积（publicServiceArea）不得大于可自主支配场地总面积"));
  }

  @Test
  void theFieldListsAgree() {
    assertThat(APPLICATION_FIELDS).containsAll(SPACE_STATUS_FIELDS);
    assertThat(List.copyOf(Applications.valid("youyu").keySet())).containsExactlyInAnyOrderElementsOf(APPLICATION_FIELDS);
  }
}
