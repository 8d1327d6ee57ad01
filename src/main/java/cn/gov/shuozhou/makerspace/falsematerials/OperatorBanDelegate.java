package cn.gov.shuozhou.makerspace.falsematerials;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.BAN_YEARS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_FINDING;

import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 9: false materials bar the operator's credit code from applying for {@code banYears}
 * (decision {@code certification-policy}). Used by both processes; the business key (application
 * or certificate number) identifies the ban, so a retried job does not ban twice.
 */
@Component("operatorBan")
public class OperatorBanDelegate implements JavaDelegate {

  private final BanRegistry bans;

  public OperatorBanDelegate(BanRegistry bans) {
    this.bans = bans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    int years = Policy.of(execution).number(BAN_YEARS);
    bans.ban((String) execution.getVariable(CREDIT_CODE), today, today.plusYears(years),
        (String) execution.getVariable(FALSE_MATERIALS_FINDING), execution.getProcessBusinessKey());
  }
}
