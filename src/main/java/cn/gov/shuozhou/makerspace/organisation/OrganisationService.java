package cn.gov.shuozhou.makerspace.organisation;

import cn.gov.shuozhou.makerspace.access.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organisation accounts: our row and the Camunda user in group {@code operators}, in one
 * transaction (the engine joins Spring's), so a refusal or failure leaves neither behind.
 */
@Service
public class OrganisationService {

  private final Organisations organisations;
  private final IdentityService identity;

  public OrganisationService(Organisations organisations, IdentityService identity) {
    this.organisations = organisations;
    this.identity = identity;
  }

  /** 409 when the user id or the credit code of {@code o} already has an account. */
  void requireFree(Organisation o) {
    if (identity.createUserQuery().userId(o.userId()).count() > 0) {
      throw userTaken(o.userId());
    }
    if (organisations.creditCodeTaken(o.creditCode())) {
      throw codeTaken();
    }
  }

  @Transactional
  public void create(Organisation o, String password, String createdBy) {
    requireFree(o);
    try {
      // our row first: its primary key and unique code also settle two concurrent requests
      organisations.insert(o, createdBy);
    } catch (DuplicateKeyException concurrent) {
      throw organisations.creditCodeTaken(o.creditCode()) ? codeTaken() : userTaken(o.userId());
    }
    User user = identity.newUser(o.userId());
    user.setFirstName(o.organisationName());
    user.setLastName(o.contactName());
    user.setEmail(o.email());
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(o.userId(), Groups.OPERATORS);
  }

  /**
   * Disables an account: it cannot log in anywhere ({@link DisabledAccountsPlugin}), and it leaves
   * group {@code operators}, so that a session opened before loses the operator's rights at once
   * (our API reads the groups on every request; the webapps when they re-validate the session).
   */
  @Transactional
  public void disable(String userId, String administrator) {
    organisations.disable(userId, administrator);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.OPERATORS).count() > 0) {
      identity.deleteMembership(userId, Groups.OPERATORS);
    }
  }

  /** Enables a disabled account again: it logs in and is an operator as before. */
  @Transactional
  public void enable(String userId) {
    organisations.enable(userId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.OPERATORS).count() == 0) {
      identity.createMembership(userId, Groups.OPERATORS);
    }
  }

  private static OrganisationTakenException userTaken(String userId) {
    return new OrganisationTakenException("userId", "用户名（userId）" + userId + " 已被使用，请换一个");
  }

  private static OrganisationTakenException codeTaken() {
    return new OrganisationTakenException("creditCode", "该统一社会信用代码（creditCode）已开通机构账号，每个运营机构只能有一个账号");
  }
}
