package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_STATUS_FIELDS;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.OneOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.constraints.Range;

/**
 * The Art. 4 figures of a space's premises, services and activity, as at the application and again
 * in every annual report (Art. 8), with their constraints. {@code leaseYears} is null for owned
 * premises; the rules across fields (a leased space's lease, the areas) are
 * {@code application/ApplicationValidator}'s.
 */
public record SpaceStatus(
    @NotNull @Range(max = Inputs.MAX_AREA) Double totalArea,
    @NotNull @Range(max = Inputs.MAX_AREA) Double publicServiceArea,
    @NotBlank @Size(max = Inputs.MAX_NAME) @OneOf({"owned", "leased"}) String premises,
    @Range(max = 100) Double leaseYears,
    @NotNull @Range(max = Inputs.MAX_MONEY) Double seedFundAmount,
    @NotNull @Range(max = Inputs.MAX_COUNT) Integer mentorCount,
    @NotNull @Range(max = Inputs.MAX_COUNT) Integer activeMakers,
    @NotNull @Range(max = Inputs.MAX_COUNT) Integer activeTeams,
    @NotNull Boolean independentOperator,
    @NotNull Boolean sharedFacilities,
    @NotNull Boolean onlineServices,
    @NotNull Boolean lowCostOrFree) {

  /** The process variables under the contract's names, in the order of {@code SPACE_STATUS_FIELDS}. */
  public Map<String, Object> variables() {
    Object[] values = {totalArea, publicServiceArea, premises, leaseYears, seedFundAmount, mentorCount, activeMakers,
        activeTeams, independentOperator, sharedFacilities, onlineServices, lowCostOrFree};
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      v.put(SPACE_STATUS_FIELDS.get(i), values[i]);
    }
    return v;
  }
}
