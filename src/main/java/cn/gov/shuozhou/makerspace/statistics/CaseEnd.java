package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.certification.Outcome;
import java.util.Arrays;
import java.util.Optional;

/**
 * The end events of the certification at process level and the reason each records (the names of
 * {@code certification/OutcomeReason}); the read model keeps the reason as a code, since the
 * process keeps only its Chinese text. {@code CaseEndTest} checks every end event is here.
 */
enum CaseEnd {
  NOT_ACCEPTED("notAccepted", Outcome.NOT_ACCEPTED),
  LAPSED("lapsed", Outcome.LAPSED),
  WITHDRAWN("withdrawn", Outcome.WITHDRAWN),
  FIRST_REVIEW("rejectedAtFirstReview", Outcome.REJECTED),
  FALSE_MATERIALS("rejectedForFalseMaterials", Outcome.REJECTED),
  INSPECTION("rejectedAtInspection", Outcome.REJECTED),
  EXPERTS("rejectedByExperts", Outcome.REJECTED),
  BUREAU("rejectedByBureau", Outcome.REJECTED),
  OBJECTION("rejectedAfterObjection", Outcome.REJECTED),
  CERTIFIED("certified", Outcome.CERTIFIED);

  private final String endEventId;
  private final Outcome outcome;

  CaseEnd(String endEventId, Outcome outcome) {
    this.endEventId = endEventId;
    this.outcome = outcome;
  }

  Outcome outcome() {
    return outcome;
  }

  String endEventId() {
    return endEventId;
  }

  static Optional<CaseEnd> ofEndEvent(String activityId) {
    return Arrays.stream(values()).filter(e -> e.endEventId.equals(activityId)).findFirst();
  }
}
