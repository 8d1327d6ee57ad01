package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.registry.ActiveApplications;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.Space;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Whether an application may be accepted at all. The Art. 9 ban concerns the operator (its credit
 * code); everything else concerns the space (Art. 2, 4, 5: credit code + name + address, see
 * {@link Space}): one application at a time per space, no second certificate for a space while
 * its title is valid, except for a renewal in the last {@code renewalReminderDays} of the title.
 * An operator may run and hold several spaces. Accepting reserves the space until the application
 * ends; two filings for one space at the same moment meet the reservation's primary key, and the
 * later one is refused as bad input with nothing written.
 */
@Service
public class IntakeService {

  public enum Result { ACCEPTED, BANNED, IN_PROGRESS, ALREADY_CERTIFIED }

  public record Decision(Result result, String reason) {}

  private static final String IN_PROGRESS_REASON =
      "该众创空间（同一运营机构、名称和地址）已有正在办理的认定申请，不予重复受理";

  private final BanRegistry bans;
  private final ActiveApplications active;
  private final CertificateRegistry certificates;

  public IntakeService(BanRegistry bans, ActiveApplications active, CertificateRegistry certificates) {
    this.bans = bans;
    this.active = active;
    this.certificates = certificates;
  }

  public Decision admit(Space space, String applicationNumber, String processInstanceId, LocalDate today,
      int renewalReminderDays) {
    Optional<BanRegistry.Ban> ban = bans.activeBan(space.creditCode(), today);
    if (ban.isPresent()) {
      return new Decision(Result.BANNED, "该统一社会信用代码因提供虚假材料被取消认定资格，"
          + ReadableValues.date(ban.get().bannedUntil()) + "前不受理其认定申请（第九条）");
    }
    // never name the other case: its number is not the caller's business
    if (active.inProgress(space)) {
      return new Decision(Result.IN_PROGRESS, IN_PROGRESS_REASON);
    }
    Optional<Certificate> valid = certificates.validFor(space, today);
    if (valid.isPresent() && today.isBefore(valid.get().validUntil().minusDays(renewalReminderDays))) {
      return new Decision(Result.ALREADY_CERTIFIED, "该众创空间（同一运营机构、名称和地址）持有有效期内的认定证书（有效期至 "
          + ReadableValues.date(valid.get().validUntil()) + "），有效期届满前" + renewalReminderDays + "日内方可申请重新认定");
    }
    try {
      active.open(space, applicationNumber, processInstanceId);
    } catch (DuplicateKeyException filedAtTheSameMoment) {
      throw new InvalidInputException(SPACE_NAME, IN_PROGRESS_REASON);
    }
    return new Decision(Result.ACCEPTED, null);
  }

  /** The space an accepted application reserved; it may not change during supplements. */
  public Optional<ActiveApplications.Reservation> reservation(String processInstanceId) {
    return active.reservationOf(processInstanceId);
  }

  /** Frees the reservation of this instance, if it holds one; never another instance's. */
  public void release(String processInstanceId, String applicationNumber) {
    active.close(processInstanceId, applicationNumber);
  }
}
