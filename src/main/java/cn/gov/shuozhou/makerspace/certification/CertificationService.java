package cn.gov.shuozhou.makerspace.certification;

import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.Certification;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Art. 5(3) and 11: certifies a space for {@code validityYears}, recording it in the registry. */
@Service
public class CertificationService {

  /** The case being certified: its number, who filed it, its process instance. */
  public record Case(String applicationNumber, String applicant, String processInstanceId) {}

  private final CertificateRegistry registry;

  public CertificationService(CertificateRegistry registry) {
    this.registry = registry;
  }

  /** The certificate is valid from {@code on} through the day before the same date {@code validityYears} later. */
  public Certificate certify(Case filed, Application application, LocalDate on, int validityYears) {
    LocalDate lastValidDay = on.plusYears(validityYears).minusDays(1);
    return registry.issue(new Certification(filed.applicationNumber(), application.space(),
        application.operatorName(), application.county(), filed.applicant(), on, lastValidDay,
        filed.processInstanceId()));
  }
}
