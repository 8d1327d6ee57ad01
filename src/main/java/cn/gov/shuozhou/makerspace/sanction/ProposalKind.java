package cn.gov.shuozhou.makerspace.sanction;

/**
 * What the city bureau proposes, with the article it rests on. The intended decision's wording
 * takes its numbers from the active policy ({@code banYears}, {@code rectificationMonths}).
 */
public enum ProposalKind {
  /** Art. 10: a warning for a violation. */
  WARNING("第十条"),
  /** Art. 10: rectification within {@code rectificationMonths} for a violation. */
  RECTIFICATION("第十条"),
  /** Art. 10: revocation for a serious violation or a violation not rectified. */
  REVOCATION_VIOLATION("第十条"),
  /** Art. 8: revocation after a failed annual assessment was not rectified. */
  REVOCATION_ASSESSMENT("第八条"),
  /** Art. 9: revocation of a title obtained with false materials, and the ban. */
  REVOCATION_FALSE_MATERIALS("第九条"),
  /** Art. 9: an application with false materials is rejected, and the ban. */
  REJECTION_FALSE_MATERIALS("第九条"),
  /** Art. 9: false materials found after the title ended: the ban alone. */
  BAN_FALSE_MATERIALS("第九条");

  private final String article;

  ProposalKind(String article) {
    this.article = article;
  }

  public String article() {
    return "《朔州市众创空间认定和管理办法》" + article;
  }

  public String intendedDecision(int banYears, int rectificationMonths) {
    return switch (this) {
      case WARNING -> "予以警告";
      case RECTIFICATION -> "责令限期整改（" + rectificationMonths + "个月）";
      case REVOCATION_VIOLATION, REVOCATION_ASSESSMENT -> "取消朔州市众创空间称号";
      case REVOCATION_FALSE_MATERIALS -> "取消朔州市众创空间称号，" + banYears + "年内不再受理其认定申请";
      case REJECTION_FALSE_MATERIALS -> "不予认定，" + banYears + "年内不再受理其认定申请";
      case BAN_FALSE_MATERIALS -> "自处理决定之日起" + banYears + "年内不再受理其认定申请";
    };
  }
}
