package cn.gov.shuozhou.makerspace.sanction;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.BAN_YEARS;
import static cn.gov.shuozhou.makerspace.certification.Policy.Output.RECTIFICATION_MONTHS;
import static cn.gov.shuozhou.makerspace.sanction.SanctionHearing.*;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.supervision.SupervisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Start listener of each call of the hearing ({@code ${sanctionProposals.propose(execution, 'VIOLATION')}}):
 * turns what the city bureau found into a proposal (kind, facts, article, intended decision, who
 * proposed), held by the call activity (a scope of its own) for its input mapping. The hearing's
 * results are declared in the scope around the call (the event subprocess, or the certification),
 * so the call's output lands there and not at process level, where one hearing would read another's answer.
 */
@Component("sanctionProposals")
public class SanctionProposals {

  /** Who proposes when no person completed the step (a missed rectification deadline's timer). */
  static final String BY_DEADLINE = "整改期限届满（系统提请）";

  private final SupervisionService supervision;

  public SanctionProposals(SupervisionService supervision) {
    this.supervision = supervision;
  }

  /** What the hearing is called for, as the models name it. */
  enum Cause {
    VIOLATION, RECTIFICATION, FALSE_MATERIALS, ENDED_TITLE_FALSE_MATERIALS, APPLICATION_FALSE_MATERIALS,
    OBJECTION_FALSE_MATERIALS
  }

  /**
   * {@code cause}: VIOLATION, RECTIFICATION, FALSE_MATERIALS (supervision), APPLICATION_FALSE_MATERIALS
   * or OBJECTION_FALSE_MATERIALS (certification: the inspection's suspicion, or an upheld objection),
   * ENDED_TITLE_FALSE_MATERIALS (after the title expired).
   */
  public void propose(DelegateExecution e, String causeName) {
    Cause cause = Cause.valueOf(causeName);
    ProposalKind kind = kind(e, cause);
    Policy policy = Policy.of(e);
    e.setVariableLocal(PROPOSAL_KIND, kind.name());
    e.setVariableLocal(PROPOSAL_FACTS, facts(e, cause));
    e.setVariableLocal(PROPOSAL_ARTICLE, kind.article());
    e.setVariableLocal(PROPOSAL_DECISION,
        kind.intendedDecision(policy.number(BAN_YEARS), policy.number(RECTIFICATION_MONTHS)));
    String user = Context.getCommandContext().getAuthenticatedUserId();
    e.setVariableLocal(PROPOSED_BY, user == null ? BY_DEADLINE : user);
    DelegateExecution around = ((ExecutionEntity) e).getParent();
    RESULTS.forEach(name -> around.setVariableLocal(name, null));
  }

  private static ProposalKind kind(DelegateExecution e, Cause cause) {
    return switch (cause) {
      case VIOLATION -> switch (text(e, SupervisionProcess.SANCTION)) {
        case SupervisionProcess.SANCTION_WARNING -> ProposalKind.WARNING;
        case SupervisionProcess.SANCTION_RECTIFICATION -> ProposalKind.RECTIFICATION;
        default -> ProposalKind.REVOCATION_VIOLATION;
      };
      case RECTIFICATION -> SupervisionProcess.SOURCE_VIOLATION.equals(text(e, SupervisionProcess.RECTIFICATION_SOURCE))
          ? ProposalKind.REVOCATION_VIOLATION : ProposalKind.REVOCATION_ASSESSMENT;
      case FALSE_MATERIALS -> ProposalKind.REVOCATION_FALSE_MATERIALS;
      case ENDED_TITLE_FALSE_MATERIALS -> ProposalKind.BAN_FALSE_MATERIALS;
      case APPLICATION_FALSE_MATERIALS, OBJECTION_FALSE_MATERIALS -> ProposalKind.REJECTION_FALSE_MATERIALS;
    };
  }

  private String facts(DelegateExecution e, Cause cause) {
    return switch (cause) {
      case VIOLATION -> supervision.violationNote(text(e, SupervisionProcess.VIOLATION_DESCRIPTION),
          text(e, SupervisionProcess.SANCTION_NOTE));
      case RECTIFICATION -> supervision.rectificationFailureNote(text(e, SupervisionProcess.RECTIFICATION_REASON),
          text(e, SupervisionProcess.RECTIFICATION_DEADLINE), text(e, SupervisionProcess.RECTIFICATION_REPORT),
          text(e, SupervisionProcess.REASSESSMENT_COMMENT));
      case FALSE_MATERIALS, ENDED_TITLE_FALSE_MATERIALS -> supervision.falseMaterialsNote(text(e, SupervisionProcess.REPORT_TEXT),
          text(e, SupervisionProcess.FALSE_MATERIALS_FINDING));
      case OBJECTION_FALSE_MATERIALS -> "公示异议经核查成立，核查意见：" + ReadableValues.clause(text(e, CertificationProcess.UPHELD_OBJECTION_FINDING));
      case APPLICATION_FALSE_MATERIALS -> "核定意见：" + ReadableValues.clause(text(e, CertificationProcess.FALSE_MATERIALS_FINDING));
    };
  }

  private static String text(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v == null ? null : v.toString();
  }
}
