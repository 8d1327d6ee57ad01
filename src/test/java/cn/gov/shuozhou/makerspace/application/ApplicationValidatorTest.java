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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The one validator makes the typed application; its variables are the contract's, and read back the same. */
class ApplicationValidatorTest {

  private final ApplicationValidator validator = new ApplicationValidator();

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
        e -> assertThat(e.getErrors()).extracting(FieldError::message).containsExactly("租赁年限（leaseYears）为必填项"));
  }

  @Test
  void theFieldListsAgree() {
    assertThat(APPLICATION_FIELDS).containsAll(SPACE_STATUS_FIELDS);
    assertThat(List.copyOf(Applications.valid("youyu").keySet())).containsExactlyInAnyOrderElementsOf(APPLICATION_FIELDS);
  }
}
