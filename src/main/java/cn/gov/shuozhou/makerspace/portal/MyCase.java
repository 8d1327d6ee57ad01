package cn.gov.shuozhou.makerspace.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One case as its organisation may read it ({@code GET /api/my/applications/{number}}): the
 * application as listed, the steps done (department and date, never the staff member), every
 * request made of the applicant with what the authority told it (return reasons and unmet
 * conditions, rectification orders, notices of intended decisions, annual reports) and the
 * assessment results; and {@code filed}: the application's fields as it stands, with what the
 * supplements changed. Its letters have their own door ({@code letters/LettersController}).
 */
public record MyCase(
    MyApplication application,
    Map<String, Object> filed,
    List<Step> steps,
    List<Request> requests,
    List<Assessment> assessments) {

  /** A step done: its name, the department that did it, when it ended. */
  public record Step(String name, String department, Instant doneAt) {}

  /**
   * Something asked of the applicant: the kind ({@code supplementApplication}, {@code rectify},
   * {@code submitStatement}, {@code submitAnnualReport}, ...), what the authority told it then,
   * the due date, and whether and when it was answered ({@code open}: it still can be, on this
   * page, as task {@code taskId}); {@code answer}: what it answered, for the staff of its area only
   * (empty on the applicant's own page).
   */
  public record Request(String kind, String name, String taskId, Map<String, Object> notice,
      Map<String, Object> answer, Instant askedAt,
      Instant due, Instant answeredAt, boolean open) {}

  /** An annual assessment's grade (优秀, 合格, 不合格) for a report year. */
  public record Assessment(Object reportYear, String grade, Instant at) {}
}
