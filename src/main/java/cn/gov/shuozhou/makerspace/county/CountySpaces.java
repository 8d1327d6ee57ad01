package cn.gov.shuozhou.makerspace.county;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.portal.MyCase;
import cn.gov.shuozhou.makerspace.portal.MyCases;
import cn.gov.shuozhou.makerspace.registry.AssessmentResults;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.registry.SanctionRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * What the bureau of an area reads of its certified spaces (Art. 6): the list, and each space's
 * file — certificate, its case as {@link MyCases#ofSpace} reads it (steps, annual reports with their
 * figures, rectification orders and reports, assessments), the published grades, sanctions and the
 * service record. Materials are read through {@code /api/materials?caseNumber=} (materials/MaterialAccess).
 */
@Service
public class CountySpaces {

  /** Spaces per page of the list. */
  static final int PAGE_SIZE = 20;

  /** A certified space as listed: its certificate, status on today's date, validity, space and operator. */
  public record SpaceRow(String certificateNumber, String applicationNumber, String spaceName, String operatorName,
      String creditCode, String county, String countyName, LocalDate certifiedOn, LocalDate validUntil, String status,
      String statusLabel, String statusNote, LocalDate statusChangedOn) {}

  public record Page(List<SpaceRow> spaces, long total, int page, int pageSize) {}

  /** A sanction as the file shows it. */
  public record SanctionRow(String kind, String kindLabel, String cause, LocalDate decidedOn, String reason, String note) {}

  /**
   * A space's file; {@code application} is null for a certificate without a case in this system
   * (taken over from before it); {@code mayRecord}: the caller keeps this space's service record.
   */
  public record SpaceFile(SpaceRow certificate, MyCase application, List<AssessmentResults.Result> grades,
      List<SanctionRow> sanctions, List<ServiceEntry> services, boolean mayRecord) {}

  private final CertificateRegistry certificates;
  private final MyCases cases;
  private final AssessmentResults grades;
  private final SanctionRegistry sanctions;
  private final ServiceRecords services;

  public CountySpaces(CertificateRegistry certificates, MyCases cases, AssessmentResults grades,
      SanctionRegistry sanctions, ServiceRecords services) {
    this.certificates = certificates;
    this.cases = cases;
    this.grades = grades;
    this.sanctions = sanctions;
    this.services = services;
  }

  /** One page of the certified spaces of {@code county} (or of every area when null) that the filters find. */
  public Page list(String county, String text, String status, int page) {
    CertificateRegistry.Search search = new CertificateRegistry.Search(text, county == null ? "" : county, status,
        EngineClock.today());
    CertificateRegistry.Found found = certificates.search(search, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    return new Page(found.page().stream().map(CountySpaces::row).toList(), found.total(), page, PAGE_SIZE);
  }

  /** The space of certificate {@code number} when it is of the caller's area: 404 when there is none, 403 when not. */
  public Certificate readable(Caller caller, String number) {
    Certificate space = certificates.find(number)
        .orElseThrow(() -> new ApiRefusal(ProblemType.NOT_FOUND, "没有证书编号为 " + number + " 的众创空间"));
    if (!AccessPolicy.readsArea(caller, space.county())) {
      throw new ApiRefusal(ProblemType.FORBIDDEN, AccessPolicy.otherArea("查看该众创空间", caller.userId()));
    }
    return space;
  }

  /** The service record of the space of certificate {@code number}, as {@link #readable} lets the caller read it. */
  public List<ServiceEntry> services(Caller caller, String number) {
    return services.of(readable(caller, number).certificateNumber());
  }

  public SpaceFile file(Caller caller, Certificate space) {
    MyCase application = cases.ofSpace(space.applicationNumber(), space.creditCode(), space.applicant());
    List<SanctionRow> decided = sanctions.forCertificate(space.certificateNumber()).stream()
        .map(s -> new SanctionRow(s.kind().name(), s.kind().displayName(), s.cause(), s.decidedOn(), s.reason(), s.note()))
        .toList();
    return new SpaceFile(row(space), application, grades.of(space.certificateNumber()), decided,
        services.of(space.certificateNumber()), AccessPolicy.servesArea(caller, space.county()));
  }

  private static SpaceRow row(Certificate c) {
    CertificateStatus status = c.status() == CertificateStatus.VALID && EngineClock.today().isAfter(c.validUntil())
        ? CertificateStatus.EXPIRED : c.status();
    return new SpaceRow(c.certificateNumber(), c.applicationNumber(), c.spaceName(), c.operatorName(), c.creditCode(),
        c.county(), County.nameOf(c.county()), c.certifiedOn(), c.validUntil(), status.name().toLowerCase(Locale.ROOT),
        status.displayName(), c.statusNote(), c.statusChangedOn());
  }
}
