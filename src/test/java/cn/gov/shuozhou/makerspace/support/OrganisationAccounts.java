package cn.gov.shuozhou.makerspace.support;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.access.Groups;
import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.organisation.Organisation;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Organisation accounts for tests. An operator files only for its own credit code, and one code
 * has one application in progress at a time; tests that file many applications in parallel use
 * one account per code ({@link #ownerOf}). Created through the engine and the organisation table
 * directly (fast); {@code POST /api/organisations} itself is tested in its own test.
 */
public final class OrganisationAccounts {

  private OrganisationAccounts() {}

  /**
   * The user id of the organisation account owning {@code creditCode} ({@code "o"} + the code in
   * lower case, password = user id, group {@code operators}), created on first use.
   */
  public static synchronized String ownerOf(ProcessEngine engine, String creditCode) {
    Organisations organisations = new Organisations(new JdbcTemplate(
        engine.getProcessEngineConfiguration().getDataSource()));
    String userId = "o" + creditCode.toLowerCase(Locale.ROOT);
    IdentityService identity = engine.getIdentityService();
    // step by step, each only when missing: a load test may kill the JVM between two of them
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("测试运营机构");
      user.setLastName(creditCode);
      user.setPassword(userId);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.OPERATORS).count() == 0) {
      identity.createMembership(userId, Groups.OPERATORS);
    }
    if (organisations.creditCodeOf(userId).isEmpty()) {
      organisations.insert(new Organisation(userId, creditCode, "测试运营机构" + creditCode, "王明", "13903491234",
          userId + "@test.local", "shuocheng"), null);
    }
    return userId;
  }

  /**
   * Ends the certification cases in progress for a demo operator's organisation (as if withdrawn),
   * so that this operator may file again; their end releases the reservation of the code.
   */
  public static void withdrawOpenApplications(ProcessEngine engine, String demoOperator) {
    RuntimeService runtime = engine.getRuntimeService();
    runtime.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
        .variableValueEquals(CertificationProcess.CREDIT_CODE, DemoOrganisations.creditCodeOf(demoOperator))
        .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test: " + demoOperator + " files again"));
  }
}
