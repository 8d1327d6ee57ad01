package cn.gov.shuozhou.makerspace.identity.demo;

import cn.gov.shuozhou.makerspace.organisation.Organisation;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the demo users of the contract with password = user id, and the demo
 * operators' organisations ({@link DemoOrganisations}). Runs after
 * {@link cn.gov.shuozhou.makerspace.identity.IdentitySetup}, which creates their groups.
 * Outside the demo profile no user is created; the first administrator is created on Camunda's
 * Admin setup page or with {@code camunda.bpm.admin-user.*}.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
public class DemoIdentitySetup extends AbstractProcessEnginePlugin {

  private final Organisations organisations;

  public DemoIdentitySetup(Organisations organisations) {
    this.organisations = organisations;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    apply(processEngine);
  }

  /** Creates what is missing; safe to call any number of times. */
  public void apply(ProcessEngine processEngine) {
    new DemoUserSetup(processEngine.getIdentityService()).createMissingUsers(DemoUsers.ALL);
    for (Organisation o : DemoOrganisations.ALL) {
      if (organisations.creditCodeOf(o.userId()).isEmpty()) {
        organisations.insert(o, null);
      }
    }
  }
}
