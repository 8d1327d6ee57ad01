package cn.gov.shuozhou.makerspace.statistics;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COUNTY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.INSPECTION_FINDINGS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One certification in the read model (table {@code ms_stat_case}). {@link #of} is the one
 * projection of a case's variables, used by the live listeners and by the rebuild from history
 * alike, so that both write the same row.
 */
record CaseRow(String applicationNumber, String processInstanceId, String county, String spaceName,
    String creditCode, LocalDate filedOn, LocalDate endedOn, String outcome, String reasonCode,
    String conditionCodes, String certificateNumber) {

  /** The variables that {@link #of} reads. */
  static final List<String> VARIABLES = List.of(COUNTY, SPACE_NAME, CREDIT_CODE, CERTIFICATE_NUMBER, INSPECTION_FINDINGS);

  /** The row of a case filed on {@code filedOn}, ended by {@code end} on {@code endedOn} (both null while running). */
  static CaseRow of(String applicationNumber, String processInstanceId, Function<String, Object> variable,
      LocalDate filedOn, CaseEnd end, LocalDate endedOn) {
    return new CaseRow(applicationNumber, processInstanceId, (String) variable.apply(COUNTY),
        (String) variable.apply(SPACE_NAME), (String) variable.apply(CREDIT_CODE), filedOn, endedOn,
        end == null ? null : end.outcome().name(), end == null ? null : end.name(),
        end == CaseEnd.INSPECTION ? conditionCodes(variable.apply(INSPECTION_FINDINGS)) : null,
        end == CaseEnd.CERTIFIED ? (String) variable.apply(CERTIFICATE_NUMBER) : null);
  }

  /** The Art. 4 condition codes (decision article4-eligibility, output {@code code}) of the failed findings, sorted. */
  private static String conditionCodes(Object findings) {
    if (!(findings instanceof List<?> rows) || rows.isEmpty()) {
      return null;
    }
    return rows.stream().map(r -> r instanceof Map<?, ?> m ? m.get("code") : null).filter(Objects::nonNull)
        .map(String::valueOf).distinct().sorted().collect(Collectors.joining(","));
  }
}
