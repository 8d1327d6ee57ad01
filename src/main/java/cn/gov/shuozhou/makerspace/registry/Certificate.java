package cn.gov.shuozhou.makerspace.registry;

import java.time.LocalDate;

/** A row of the registry of certified maker spaces. */
public record Certificate(
    String certificateNumber,
    String applicationNumber,
    String creditCode,
    String operatorName,
    String spaceName,
    String county,
    String applicant,
    LocalDate certifiedOn,
    LocalDate validUntil,
    CertificateStatus status,
    String statusReason,
    String statusNote,
    LocalDate statusChangedOn,
    String certificationInstanceId) {

  /** Valid on the given day: status VALID and not past its validity (Art. 11). */
  public boolean isValidOn(LocalDate day) {
    return status == CertificateStatus.VALID && !day.isAfter(validUntil);
  }
}
