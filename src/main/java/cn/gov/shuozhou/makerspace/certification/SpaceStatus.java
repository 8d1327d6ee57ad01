package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Art. 4 figures of a space's premises, services and activity, as at the application and again
 * in every annual report (Art. 8). {@code leaseYears} is null for owned premises.
 */
public record SpaceStatus(Double totalArea, Double publicServiceArea, String premises, Double leaseYears,
    Double seedFundAmount, Integer mentorCount, Integer activeMakers, Integer activeTeams, Boolean independentOperator,
    Boolean sharedFacilities, Boolean onlineServices, Boolean lowCostOrFree) {

  /** The process variables under the contract's names ({@code SPACE_STATUS_FIELDS}, in that order). */
  public Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(TOTAL_AREA, totalArea);
    v.put(PUBLIC_SERVICE_AREA, publicServiceArea);
    v.put(PREMISES, premises);
    v.put(LEASE_YEARS, leaseYears);
    v.put(SEED_FUND_AMOUNT, seedFundAmount);
    v.put(MENTOR_COUNT, mentorCount);
    v.put(ACTIVE_MAKERS, activeMakers);
    v.put(ACTIVE_TEAMS, activeTeams);
    v.put(INDEPENDENT_OPERATOR, independentOperator);
    v.put(SHARED_FACILITIES, sharedFacilities);
    v.put(ONLINE_SERVICES, onlineServices);
    v.put(LOW_COST_OR_FREE, lowCostOrFree);
    return v;
  }
}
