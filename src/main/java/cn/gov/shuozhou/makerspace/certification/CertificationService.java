package cn.gov.shuozhou.makerspace.certification;

import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Art. 5(3) and 11: certifies a space for {@code validityYears}, recording it in the registry. */
@Service
public class CertificationService {

  public record Application(String applicationNumber, String creditCode, String operatorName, String spaceName,
      String spaceAddress, String county, String applicant, String processInstanceId) {}

  private final CertificateRegistry registry;

  public CertificationService(CertificateRegistry registry) {
    this.registry = registry;
  }

  /** The certificate is valid from {@code on} through the day before the same date {@code validityYears} later. */
  public Certificate certify(Application a, LocalDate on, int validityYears) {
    LocalDate lastValidDay = on.plusYears(validityYears).minusDays(1);
    return registry.issue(new Certificate(null, a.applicationNumber(), a.creditCode(), a.operatorName(),
        a.spaceName(), a.county(), a.applicant(), on, lastValidDay, null, null, null, null, a.processInstanceId()),
        a.spaceAddress());
  }
}
