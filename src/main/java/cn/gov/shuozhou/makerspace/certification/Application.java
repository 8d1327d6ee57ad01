package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.CountyCode;
import cn.gov.shuozhou.makerspace.common.CreditCode;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.OneOf;
import cn.gov.shuozhou.makerspace.common.ValidCreditCode;
import cn.gov.shuozhou.makerspace.registry.Space;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hibernate.validator.constraints.Range;

/**
 * An application for certification (Art. 4, 5) as the applicant filed it: the start variables of
 * {@code maker-space-certification}, typed. Made from input only by {@code application/ApplicationValidator} (the
 * intake of every entry path and the supplement), which checks the constraints below (the limits of
 * {@link Inputs}); read back from a running case by {@link #of}.
 */
public record Application(
    @NotBlank @Size(max = Inputs.MAX_NAME) String operatorName,
    @NotBlank @Size(max = CreditCode.LENGTH) @ValidCreditCode String creditCode,
    @NotBlank @Size(max = Inputs.MAX_NAME) String spaceName,
    @NotBlank @Size(max = Inputs.MAX_ADDRESS) String spaceAddress,
    @NotBlank @Size(max = Inputs.MAX_NAME) @CountyCode String county,
    @NotBlank @Size(max = Inputs.MAX_NAME) @OneOf({"university", "other"}) String hostType,
    @NotBlank @Size(max = Inputs.MAX_NAME) @OneOf({"maker", "team"}) String spaceFocus,
    @Valid SpaceStatus status,
    @NotNull @Range(max = 10_000) Double monthlyEvents,
    @NotNull Boolean convertedOldBuilding,
    @NotBlank @Size(max = 50) String contactName,
    @NotBlank @Size(max = Inputs.MAX_NAME) @Pattern(regexp = Inputs.MOBILE_OR_LANDLINE,
        message = "格式不正确，" + Inputs.PHONE_HINT) String contactPhone) {

  /** The space applied for (Art. 2, 4, 5): operator's credit code, space name and address. */
  public Space space() {
    return new Space(creditCode, spaceName, spaceAddress);
  }

  /** The process variables under the contract's names, in form order ({@code APPLICATION_FIELDS}). */
  public Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(OPERATOR_NAME, operatorName);
    v.put(CREDIT_CODE, creditCode);
    v.put(SPACE_NAME, spaceName);
    v.put(SPACE_ADDRESS, spaceAddress);
    v.put(COUNTY, county);
    v.put(HOST_TYPE, hostType);
    v.put(SPACE_FOCUS, spaceFocus);
    v.putAll(status.variables());
    v.put(MONTHLY_EVENTS, monthlyEvents);
    v.put(CONVERTED_OLD_BUILDING, convertedOldBuilding);
    v.put(CONTACT_NAME, contactName);
    v.put(CONTACT_PHONE, contactPhone);
    return v;
  }

  /** The application of a running certification (its variables were normalised at intake). */
  public static Application of(VariableScope scope) {
    return new Application(text(scope, OPERATOR_NAME), text(scope, CREDIT_CODE), text(scope, SPACE_NAME),
        text(scope, SPACE_ADDRESS), text(scope, COUNTY), text(scope, HOST_TYPE), text(scope, SPACE_FOCUS),
        new SpaceStatus(decimal(scope, TOTAL_AREA), decimal(scope, PUBLIC_SERVICE_AREA), text(scope, PREMISES),
            decimal(scope, LEASE_YEARS), decimal(scope, SEED_FUND_AMOUNT), integer(scope, MENTOR_COUNT),
            integer(scope, ACTIVE_MAKERS), integer(scope, ACTIVE_TEAMS), flag(scope, INDEPENDENT_OPERATOR),
            flag(scope, SHARED_FACILITIES), flag(scope, ONLINE_SERVICES), flag(scope, LOW_COST_OR_FREE)),
        decimal(scope, MONTHLY_EVENTS), flag(scope, CONVERTED_OLD_BUILDING), text(scope, CONTACT_NAME),
        text(scope, CONTACT_PHONE));
  }

  private static String text(VariableScope scope, String name) {
    return (String) scope.getVariable(name);
  }

  private static Double decimal(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number n ? n.doubleValue() : null;
  }

  private static Integer integer(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number n ? n.intValue() : null;
  }

  private static Boolean flag(VariableScope scope, String name) {
    return (Boolean) scope.getVariable(name);
  }
}
