package cn.gov.shuozhou.makerspace.supervision;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import java.util.List;
import java.util.stream.Stream;

/** Names of process {@code maker-space-supervision} (Art. 7–11), fixed by the public contract or used by the model. */
public final class SupervisionProcess {

  public static final String KEY = "maker-space-supervision";
  public static final String MESSAGE_VIOLATION = "ViolationReported";
  public static final String MESSAGE_FALSE_MATERIALS = "FalseMaterialsReported";
  public static final String ESCALATION_RECTIFICATION = "RECTIFICATION";

  // user tasks
  public static final String TASK_SUBMIT_REPORT = "submitAnnualReport";
  public static final String TASK_FOLLOW_UP_LATE_REPORT = "followUpLateReport";
  public static final String TASK_ASSESSMENT = "annualAssessment";
  public static final String TASK_REWARD = "grantReward";
  public static final String TASK_RECTIFY = "rectify";
  public static final String TASK_REASSESSMENT = "reassessment";
  public static final String TASK_FALSE_MATERIALS = "reviewFalseMaterials";
  public static final String TASK_SANCTION = "decideSanction";
  public static final String TASK_RENEWAL_REMINDER = "acknowledgeRenewalReminder";

  // start variables (set by the certification's startSupervision: the certificate and, under the
  // certification's names, its Application)
  public static final String CERTIFICATE_NUMBER = CertificationProcess.CERTIFICATE_NUMBER;
  public static final String CERTIFIED_ON = CertificationProcess.CERTIFIED_ON;
  public static final String VALID_UNTIL = CertificationProcess.VALID_UNTIL;
  public static final String CREDIT_CODE = CertificationProcess.CREDIT_CODE;
  public static final String OPERATOR_NAME = CertificationProcess.OPERATOR_NAME;
  public static final String SPACE_NAME = CertificationProcess.SPACE_NAME;
  public static final String COUNTY = CertificationProcess.COUNTY;
  public static final String APPLICANT = CertificationProcess.APPLICANT;
  public static final String CERTIFICATION_INSTANCE_ID = "certificationInstanceId";
  public static final String APPLICATION_NUMBER = CertificationProcess.APPLICATION_NUMBER;
  public static final String POLICY = "policy";

  // validity (Art. 11)
  public static final String VALID_UNTIL_DATE = "validUntilDate";
  public static final String RENEWAL_REMINDER_AT = "renewalReminderAt";
  public static final String VALIDITY_ENDS_AT = "validityEndsAt";
  public static final String RENEWAL_REMINDED_AT = "renewalRemindedAt";
  public static final String RENEWAL_REMINDER_TEXT = "renewalReminderText";
  public static final String RENEWAL_INTENDED = "renewalIntended";

  // annual report (Art. 7)
  public static final String REPORT_YEAR = "reportYear";
  public static final String MORE_REPORTS = "moreReports";
  /** True from scheduling a report until its cycle is assessed; the end of validity waits while it is. */
  public static final String REPORT_CYCLE_OPEN = "reportCycleOpen";
  public static final String REPORT_OPENS_AT = "reportOpensAt";
  public static final String REPORT_DUE_AT = "reportDueAt";
  public static final String REPORT_DUE_DATE = "reportDueDate";
  public static final String REPORT_REMINDER_AT = "reportReminderAt";
  public static final String REPORT_REMINDED_AT = "reportRemindedAt";
  public static final String REPORT_LATE_SINCE = "reportLateSince";
  public static final String FOLLOW_UP_NOTE = "followUpNote";
  public static final String REPORT_MISSING = "reportMissing";
  public static final String REPORT_SUBMITTED = "reportSubmitted";
  public static final String REPORT_SUBMITTED_AT = "reportSubmittedAt";
  public static final String REPORT_ON_TIME = "reportOnTime";
  public static final String TRAINING_SESSIONS = "trainingSessions";
  public static final String TRAINEES = "trainees";
  public static final String RESIDENT_MAKERS = "residentMakers";
  public static final String RESIDENT_TEAMS = "residentTeams";
  public static final String GRADUATED_TEAMS = "graduatedTeams";
  public static final String EVENTS_HELD = "eventsHeld";
  public static final String FINANCING_AMOUNT = "financingAmount";
  public static final String REPORT_SUMMARY = "reportSummary";
  public static final String NEXT_YEAR_PLAN = "nextYearPlan";

  // annual assessment and reward (Art. 8)
  /** Decision article4-eligibility on the report's figures (Art. 4, 8): its rows, whether none failed, and their text. */
  public static final String ARTICLE4_RESULT = "article4Result";
  public static final String ARTICLE4_MET = "article4Met";
  public static final String ARTICLE4_FINDINGS = "article4Findings";
  public static final String ASSESSMENT_RESULT = "assessmentResult";
  public static final String ASSESSMENT_SCORE = "assessmentScore";
  public static final String ASSESSMENT_GRADE = "assessmentGrade";
  public static final String REPORT_CONFIRMED = "reportConfirmed";
  public static final String ASSESSMENT_COMMENT = "assessmentComment";
  public static final String REWARD_AMOUNT = "rewardAmount";
  public static final String REWARD_NOTE = "rewardNote";
  /** The report year's service record of the space (Art. 6), shown read-only in the assessment (county/). */
  public static final String COUNTY_SERVICE_RECORD = "countyServiceRecord";

  public static final String GRADE_EXCELLENT = "excellent";
  public static final String GRADE_QUALIFIED = "qualified";
  public static final String GRADE_UNQUALIFIED = "unqualified";

  // rectification (Art. 8, 10): handed over at process level, kept in the event subprocess's own scope
  public static final String PENDING_RECTIFICATION_REASON = "pendingRectificationReason";
  public static final String PENDING_RECTIFICATION_SOURCE = "pendingRectificationSource";
  public static final String RECTIFICATION_REASON = "rectificationReason";
  public static final String RECTIFICATION_SOURCE = "rectificationSource";
  public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
  public static final String RECTIFICATION_DEADLINE_AT = "rectificationDeadlineAt";
  public static final String RECTIFICATION_REPORT = "rectificationReport";
  public static final String RECTIFICATION_PASSED = "rectificationPassed";
  public static final String REASSESSMENT_COMMENT = "reassessmentComment";

  /** Why a rectification was ordered: a failed annual assessment (Art. 8) or a violation (Art. 10). */
  public static final String SOURCE_ASSESSMENT = "ASSESSMENT";
  public static final String SOURCE_VIOLATION = "VIOLATION";

  // violations (Art. 10)
  public static final String VIOLATION_DESCRIPTION = "violationDescription";
  public static final String SANCTION = "sanction";
  public static final String SANCTION_NOTE = "sanctionNote";
  public static final String SANCTION_WARNING = "warning";
  public static final String SANCTION_RECTIFICATION = "rectification";
  public static final String SANCTION_REVOKE = "revoke";

  // false materials (Art. 9); the task's variables are shared with the certification
  public static final String REPORT_TEXT = "reportText";
  public static final String FALSE_MATERIALS_CONFIRMED = "falseMaterialsConfirmed";
  public static final String FALSE_MATERIALS_FINDING = "falseMaterialsFinding";

  // the end
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_REASON = "outcomeReason";
  public static final String REVOCATION_REASON = "revocationReason";
  public static final String REVOCATION_NOTE = "revocationNote";
  public static final String OUTCOME_EXPIRED = "EXPIRED";
  public static final String OUTCOME_REVOKED = "REVOKED";
  public static final String REVOKED_ASSESSMENT_FAILED = Revocation.ASSESSMENT_FAILED.name();
  public static final String REVOKED_FALSE_MATERIALS = Revocation.FALSE_MATERIALS.name();
  public static final String REVOKED_VIOLATION = Revocation.VIOLATION.name();

  /** The annual report's figures (Art. 7), numbers all. */
  public static final List<String> REPORT_FIGURES = List.of(TRAINING_SESSIONS, TRAINEES, RESIDENT_MAKERS, RESIDENT_TEAMS,
      GRADUATED_TEAMS, EVENTS_HELD, FINANCING_AMOUNT);

  /** Variables of one annual cycle, removed when the next cycle is scheduled (forms start empty every year). */
  public static final List<String> CYCLE_VARIABLES = Stream.of(Stream.of(
      REPORT_REMINDED_AT, REPORT_LATE_SINCE, FOLLOW_UP_NOTE, REPORT_MISSING, REPORT_SUBMITTED,
      REPORT_SUBMITTED_AT, REPORT_ON_TIME), REPORT_FIGURES.stream(), Stream.of(REPORT_SUMMARY, NEXT_YEAR_PLAN, ASSESSMENT_RESULT,
      ASSESSMENT_SCORE, ASSESSMENT_GRADE, REPORT_CONFIRMED, ASSESSMENT_COMMENT, REWARD_AMOUNT, REWARD_NOTE,
      ARTICLE4_RESULT, ARTICLE4_MET, ARTICLE4_FINDINGS), CertificationProcess.SPACE_STATUS_FIELDS.stream())
      .flatMap(names -> names).toList();

  private SupervisionProcess() {}
}
