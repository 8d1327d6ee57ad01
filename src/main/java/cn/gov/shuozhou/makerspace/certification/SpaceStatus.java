package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_STATUS_FIELDS;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Art. 4 figures of a space's premises, services and activity, as at the application and again
 * in every annual report (Art. 8). {@code leaseYears} is null for owned premises.
 */
public record SpaceStatus(Double totalArea, Double publicServiceArea, String premises, Double leaseYears,
    Double seedFundAmount, Integer mentorCount, Integer activeMakers, Integer activeTeams, Boolean independentOperator,
    Boolean sharedFacilities, Boolean onlineServices, Boolean lowCostOrFree) {

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
