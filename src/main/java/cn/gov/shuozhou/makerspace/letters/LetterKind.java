package cn.gov.shuozhou.makerspace.letters;

/** The letters the lifecycle issues, each with its Chinese title. */
public enum LetterKind {
  ACCEPTANCE_RECEIPT("受理回执"),
  SUPPLEMENT_NOTICE("补正通知书"),
  NOT_ACCEPTED_NOTICE("不予受理通知书"),
  TERMINATION_NOTICE("终止办理通知书"),
  REJECTION_NOTICE("不予认定通知书"),
  CERTIFICATION_NOTICE("认定通知书"),
  CERTIFICATE("朔州市众创空间证书"),
  ASSESSMENT_RESULT("年度考核结果通知书"),
  RECTIFICATION_ORDER("整改通知书"),
  SANCTION_NOTICE("告知书"),
  REVOCATION_DECISION("取消称号决定书");

  private final String title;

  LetterKind(String title) {
    this.title = title;
  }

  /** The title printed on the letter and shown in lists. */
  public String title() {
    return title;
  }
}
