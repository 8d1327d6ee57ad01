package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.tasks.CaseCard;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of every certification instance, whatever the entry path (the portal, {@code POST
 * /api/applications}, {@code /engine-rest}): refuses an application of the wrong shape, a business
 * key chosen by the caller, a credit code that is not the filing account's organisation's, and a
 * filing without every required item of its checklist among the filer's drafts (the whole start
 * rolls back, no instance remains, no number is issued, the drafts stay drafts); normalizes the
 * variable types, issues the application number, binds the drafts to the case as its version 1
 * and writes the case's card ({@link CaseCard}).
 */
@Component("applicationIntake")
public class ApplicationIntakeListener implements ExecutionListener {

  private final ApplicationValidator validator;
  private final ApplicationNumbers numbers;
  private final Organisations organisations;
  private final RequiredMaterials checklist;
  private final FilingDrafts drafts;

  public ApplicationIntakeListener(ApplicationValidator validator, ApplicationNumbers numbers,
      Organisations organisations, RequiredMaterials checklist, FilingDrafts drafts) {
    this.validator = validator;
    this.numbers = numbers;
    this.organisations = organisations;
    this.checklist = checklist;
    this.drafts = drafts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && !key.isEmpty()) {
      throw new InvalidInputException("businessKey",
          "申请编号（businessKey）由系统分配，不得由申请人指定：请不要传入businessKey");
    }
    Application application = validator.validate(execution.getVariables());
    checkOwnOrganisation(application.creditCode());
    // a start without a user (the engine's own code) has no drafts, so it is refused here too
    String filer = filer();
    checklist.requireAll(application.variables(), filer == null ? Set.of() : drafts.draftedItems(filer));
    execution.setVariables(application.variables());
    String number = numbers.assign(execution.getProcessInstanceId());
    execution.setProcessBusinessKey(number);
    execution.setVariable(APPLICATION_NUMBER, number);
    if (filer != null) {
      drafts.bind(filer, number);
    }
    CaseCard.describe(execution);
  }

  /**
   * An organisation account files for its own credit code only. Starts without a user (the
   * engine's own code) and by system administrators are not bound to an organisation.
   */
  private void checkOwnOrganisation(String creditCode) {
    Authentication user = Context.getCommandContext().getAuthentication();
    if (user == null || user.getUserId() == null || AccessPolicy.allows(user, Capability.FILE_FOR_ANY_ORGANISATION)) {
      return;
    }
    String own = organisations.creditCodeOf(user.getUserId()).orElseThrow(() -> new InvalidInputException(
        CREDIT_CODE, "当前账号未关联运营机构，不能提交认定申请：请由系统管理员开通机构账号"));
    if (!own.equals(creditCode)) {
      throw new InvalidInputException(CREDIT_CODE,
          "统一社会信用代码（creditCode）必须是本账号所属运营机构的代码（" + own + "）");
    }
  }

  /** The authenticated user filing; null for a start by the engine's own code. */
  private static String filer() {
    Authentication user = Context.getCommandContext().getAuthentication();
    return user == null ? null : user.getUserId();
  }
}
