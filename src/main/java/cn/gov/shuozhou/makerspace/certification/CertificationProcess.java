package cn.gov.shuozhou.makerspace.certification;

import java.util.List;

/** Names of process {@code maker-space-certification} fixed by the public contract. */
public final class CertificationProcess {

  public static final String KEY = "maker-space-certification";
  public static final String MESSAGE_OBJECTION = "PublicNoticeObjection";
  /** 退回: inspection back to first review, the leaders back to the expert review (tasks/TaskCommands). */
  public static final String MESSAGE_SENT_BACK = "TaskSentBack";

  // user tasks
  public static final String TASK_SUPPLEMENT = "supplementApplication";
  public static final String TASK_FIRST_REVIEW = "firstReview";
  public static final String TASK_INSPECTION = "onSiteInspection";
  public static final String TASK_FALSE_MATERIALS = "reviewFalseMaterials";
  public static final String TASK_ORGANISE_EXPERTS = "organiseExpertReview";
  public static final String TASK_EXPERT_REVIEW = "expertReview";
  public static final String TASK_BUREAU_DECISION = "bureauDecision";
  public static final String TASK_HANDLE_OBJECTION = "handleObjection";

  // start variables (the application)
  public static final String APPLICANT = "applicant";
  public static final String OPERATOR_NAME = "operatorName";
  public static final String CREDIT_CODE = "creditCode";
  public static final String SPACE_NAME = "spaceName";
  public static final String SPACE_ADDRESS = "spaceAddress";
  public static final String COUNTY = "county";
  public static final String HOST_TYPE = "hostType";
  public static final String SPACE_FOCUS = "spaceFocus";
  public static final String TOTAL_AREA = "totalArea";
  public static final String PUBLIC_SERVICE_AREA = "publicServiceArea";
  public static final String PREMISES = "premises";
  public static final String LEASE_YEARS = "leaseYears";
  public static final String SEED_FUND_AMOUNT = "seedFundAmount";
  public static final String MENTOR_COUNT = "mentorCount";
  public static final String MONTHLY_EVENTS = "monthlyEvents";
  public static final String ACTIVE_MAKERS = "activeMakers";
  public static final String ACTIVE_TEAMS = "activeTeams";
  public static final String INDEPENDENT_OPERATOR = "independentOperator";
  public static final String SHARED_FACILITIES = "sharedFacilities";
  public static final String ONLINE_SERVICES = "onlineServices";
  public static final String LOW_COST_OR_FREE = "lowCostOrFree";
  public static final String CONVERTED_OLD_BUILDING = "convertedOldBuilding";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_PHONE = "contactPhone";
  /** The applicant's pledge (Art. 9) on the application and supplement forms; not a start variable of the contract. */
  public static final String DECLARATION_CONFIRMED = "declarationConfirmed";

  // what Tasklist shows on a card and searches (tasks/CaseCard)
  public static final String APPLICATION_NUMBER = "applicationNumber";
  public static final String SEARCH_TEXT = "searchText";

  /** Why a case was sent back one step (退回), and by whom. */
  public static final String SENT_BACK_REASON = "sentBackReason";
  public static final String SENT_BACK_BY = "sentBackBy";

  // intake and pre-check
  public static final String POLICY = "policy";
  public static final String INTAKE_RESULT = "intakeResult";
  public static final String ELIGIBILITY_FINDINGS = "eligibilityFindings";
  public static final String ELIGIBILITY_FINDINGS_TEXT = "eligibilityFindingsText";
  public static final String RETURN_REASON = "returnReason";
  public static final String WITHDRAWN = "withdrawn";

  // first review
  public static final String REVIEW_GROUP = "reviewGroup";
  public static final String FIRST_REVIEW_DECISION = "firstReviewDecision";
  public static final String FIRST_REVIEW_COMMENT = "firstReviewComment";

  // inspection and false materials
  public static final String MEASURED_TOTAL_AREA = "measuredTotalArea";
  public static final String MEASURED_PUBLIC_SERVICE_AREA = "measuredPublicServiceArea";
  public static final String MEASURED_ACTIVE_MAKERS = "measuredActiveMakers";
  public static final String MEASURED_ACTIVE_TEAMS = "measuredActiveTeams";
  public static final String OPERATION_VERIFIED = "operationVerified";
  public static final String FALSE_MATERIALS_SUSPECTED = "falseMaterialsSuspected";
  public static final String INSPECTION_COMMENT = "inspectionComment";
  public static final String INSPECTION_FINDINGS = "inspectionFindings";
  /** The inspection team (Art. 5(2)): one member per line, "姓名，部门"; at least two. */
  public static final String INSPECTION_TEAM = "inspectionTeam";
  /** Art. 3 findings on a converted old building, and whether the preference applies after the inspection. */
  public static final String BUILDING_STRUCTURE_UNCHANGED = "buildingStructureUnchanged";
  public static final String BUILDING_SAFETY_UNAFFECTED = "buildingSafetyUnaffected";
  public static final String OLD_BUILDING_PREFERRED = "oldBuildingPreferred";
  public static final String FALSE_MATERIALS_CONFIRMED = "falseMaterialsConfirmed";
  /** Art. 9 suspicions raised before or after the inspection (issue 15 §2), each with its grounds. */
  public static final String FIRST_REVIEW_SUSPECTS_FALSE_MATERIALS = "firstReviewSuspectsFalseMaterials";
  public static final String FIRST_REVIEW_FALSE_MATERIALS_GROUNDS = "firstReviewFalseMaterialsGrounds";
  /** One expert's grounds (local to the expert's review, like the score); empty: no suspicion. */
  public static final String EXPERT_FALSE_MATERIALS_GROUNDS = "falseMaterialsGrounds";
  public static final String EXPERTS_SUSPECT_FALSE_MATERIALS = "expertsSuspectFalseMaterials";
  public static final String EXPERTS_FALSE_MATERIALS_GROUNDS = "expertsFalseMaterialsGrounds";
  public static final String FALSE_MATERIALS_FINDING = "falseMaterialsFinding";

  // expert review
  public static final String EXPERT_CANDIDATES = "expertCandidates";
  public static final String EXPERTS = "experts";
  public static final String EXPERT = "expert";
  public static final String SCORE = "score";
  public static final String RECOMMEND = "recommend";
  public static final String COMMENT = "comment";
  public static final String AVERAGE_SCORE = "averageScore";
  public static final String RECOMMEND_RATIO = "recommendRatio";
  /** The ratio as people read it, "2/3（67%）" (shown by the bureau decision form). */
  public static final String RECOMMEND_RATIO_TEXT = "recommendRatioText";
  /** Each expert's score, recommendation and comment as one text, for the bureau decision (confidential). */
  public static final String EXPERT_OPINIONS = "expertOpinions";
  public static final String EXPERT_PASSED = "expertPassed";
  public static final String EXPERT_CONCLUSION_REASON = "expertConclusionReason";

  // bureau decision and public notice
  public static final String BUREAU_DECISION = "bureauDecision";
  public static final String BUREAU_COMMENT = "bureauComment";
  public static final String OBJECTION_TEXT = "objectionText";
  public static final String OBJECTOR_NAME = "objectorName";
  public static final String OBJECTOR_PHONE = "objectorPhone";
  /** The acknowledgement number the public objection door gave (ms_objection), kept in the objection's scope. */
  public static final String OBJECTION_ACKNOWLEDGEMENT = "objectionAcknowledgement";
  public static final String OBJECTION_UPHELD = "objectionUpheld";
  public static final String OBJECTION_FINDING = "objectionFinding";
  public static final String UPHELD_OBJECTION_FINDING = "upheldObjectionFinding";
  /** Art. 9: the upheld objection proves false materials (handleObjection), and its copy at process level for the gateway after the notice. */
  public static final String OBJECTION_FALSE_MATERIALS = "objectionFalseMaterials";
  public static final String UPHELD_OBJECTION_FALSE_MATERIALS = "upheldObjectionFalseMaterials";

  // outcome
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_REASON = "outcomeReason";
  public static final String CERTIFICATE_NUMBER = "certificateNumber";
  public static final String CERTIFIED_ON = "certifiedOn";
  public static final String VALID_UNTIL = "validUntil";
  public static final String SUPERVISION_INSTANCE_ID = "supervisionInstanceId";

  /** The start variables an applicant supplies, in form order. */
  public static final List<String> APPLICATION_FIELDS = List.of(
      OPERATOR_NAME, CREDIT_CODE, SPACE_NAME, SPACE_ADDRESS, COUNTY, HOST_TYPE, SPACE_FOCUS, TOTAL_AREA,
      PUBLIC_SERVICE_AREA, PREMISES, LEASE_YEARS, SEED_FUND_AMOUNT, MENTOR_COUNT, MONTHLY_EVENTS,
      ACTIVE_MAKERS, ACTIVE_TEAMS, INDEPENDENT_OPERATOR, SHARED_FACILITIES, ONLINE_SERVICES,
      LOW_COST_OR_FREE, CONVERTED_OLD_BUILDING, CONTACT_NAME, CONTACT_PHONE);

  /** The Art. 4 figures of a space's premises, services and activity, asked again in each annual report (Art. 8). */
  public static final List<String> SPACE_STATUS_FIELDS = List.of(
      TOTAL_AREA, PUBLIC_SERVICE_AREA, PREMISES, LEASE_YEARS, SEED_FUND_AMOUNT, MENTOR_COUNT, ACTIVE_MAKERS,
      ACTIVE_TEAMS, INDEPENDENT_OPERATOR, SHARED_FACILITIES, ONLINE_SERVICES, LOW_COST_OR_FREE);

  private CertificationProcess() {}
}
