package cn.gov.shuozhou.makerspace.falsematerials;

/**
 * Names of process {@code maker-space-ended-title-false-materials} (Art. 9): false materials that
 * come to light after a title has expired are still reviewed, and a confirmed finding leads, after
 * the operator is heard and the leaders decide, to the ban counted from the decision. Started by
 * the city bureau's report ({@code POST /api/false-materials-reports}) when the space's supervision
 * has ended with the title's expiry; business key = the certificate number.
 */
public final class EndedTitleReview {

  public static final String KEY = "maker-space-ended-title-false-materials";
  public static final String MESSAGE = "FalseMaterialsReportedAfterTitle";

  private EndedTitleReview() {}
}
