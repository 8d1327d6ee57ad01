package cn.gov.shuozhou.makerspace.application;

import cn.gov.shuozhou.makerspace.registry.ActiveApplications;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Whether an application may be accepted at all (Art. 9 ban, one application at a time, no second
 * certificate while one is valid except for a renewal near its end). Accepting it reserves the
 * operator's credit code until the application ends.
 */
@Service
public class IntakeService {

  public enum Result { ACCEPTED, BANNED, IN_PROGRESS, ALREADY_CERTIFIED }

  public record Decision(Result result, String reason) {}

  private final BanRegistry bans;
  private final ActiveApplications active;
  private final CertificateRegistry certificates;

  public IntakeService(BanRegistry bans, ActiveApplications active, CertificateRegistry certificates) {
    this.bans = bans;
    this.active = active;
    this.certificates = certificates;
  }

  public Decision admit(String creditCode, String applicationNumber, String processInstanceId, LocalDate today,
      int renewalReminderDays) {
    Optional<BanRegistry.Ban> ban = bans.activeBan(creditCode, today);
    if (ban.isPresent()) {
      return new Decision(Result.BANNED, "该统一社会信用代码因提供虚假材料被取消认定资格，"
          + ban.get().bannedUntil() + "前不受理其认定申请（第九条）");
    }
    // never name the other case: its number is not the caller's business
    if (active.inProgress(creditCode)) {
      return new Decision(Result.IN_PROGRESS, "该统一社会信用代码已有正在办理的认定申请，不予重复受理");
    }
    Optional<Certificate> valid = certificates.validFor(creditCode, today);
    if (valid.isPresent() && today.isBefore(valid.get().validUntil().minusDays(renewalReminderDays))) {
      return new Decision(Result.ALREADY_CERTIFIED, "该统一社会信用代码持有有效期内的认定证书（有效期至 "
          + valid.get().validUntil() + "），有效期届满前" + renewalReminderDays + "日内方可申请重新认定");
    }
    active.open(creditCode, applicationNumber, processInstanceId);
    return new Decision(Result.ACCEPTED, null);
  }

  /** The credit code an accepted application reserved; it may not change during supplements. */
  public Optional<String> reservedCreditCode(String processInstanceId) {
    return active.creditCodeOf(processInstanceId);
  }

  /** Frees the reservation of this instance, if it holds one; never another instance's. */
  public void release(String processInstanceId, String applicationNumber) {
    active.close(processInstanceId, applicationNumber);
  }
}
