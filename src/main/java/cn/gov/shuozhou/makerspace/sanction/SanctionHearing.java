package cn.gov.shuozhou.makerspace.sanction;

import java.util.List;

/**
 * Names of process {@code maker-space-sanction-hearing} (Art. 8–10): the one path by which a
 * proposed revocation, sanction or ban becomes a decision. The city bureau proposes; the operator is
 * notified and may state its case (陈述、申辩) within {@code statementWorkingDays}; the bureau leaders
 * decide with the statement in view. Called by both lifecycle processes.
 */
public final class SanctionHearing {

  public static final String KEY = "maker-space-sanction-hearing";

  // user tasks, fixed by the public contract
  public static final String TASK_SUBMIT_STATEMENT = "submitStatement";
  public static final String TASK_LEADER_DECISION = "leaderSanctionDecision";

  // the proposal, handed in by the calling process
  public static final String PROPOSAL_KIND = "proposalKind";
  public static final String PROPOSAL_FACTS = "proposalFacts";
  public static final String PROPOSAL_ARTICLE = "proposalArticle";
  public static final String PROPOSAL_DECISION = "proposalDecision";
  public static final String PROPOSED_BY = "proposedBy";

  // the notice (告知)
  public static final String NOTICE_TEXT = "noticeText";
  public static final String STATEMENT_DUE_AT = "statementDueAt";

  // the operator's statement (submitStatement), fixed by the public contract
  public static final String STATEMENT_TEXT = "statementText";
  public static final String STATEMENT_WAIVED = "statementWaived";
  public static final String STATEMENT_SUBMITTED_AT = "statementSubmittedAt";

  // the leaders' decision (leaderSanctionDecision), fixed by the public contract
  public static final String LEADER_DECISION = "leaderDecision";
  public static final String LEADER_COMMENT = "leaderComment";
  public static final String LEADER_DECIDED_BY = "leaderDecidedBy";
  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  /** The row of {@code ms_decision_record}: the called instance's id. */
  public static final String DECISION_RECORD_ID = "decisionRecordId";

  /** What the hearing hands back to the caller (declared in the caller's scope before the call). */
  public static final List<String> RESULTS = List.of(LEADER_DECISION, LEADER_COMMENT, STATEMENT_TEXT,
      STATEMENT_WAIVED, DECISION_RECORD_ID);

  private SanctionHearing() {}
}
