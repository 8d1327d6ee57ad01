package cn.gov.shuozhou.makerspace.supervision;

/**
 * Why a title is revoked (Art. 8–10): the error code that starts the event subprocess 取消称号, the
 * {@code revocationReason} and the registry's status reason (contract values: never rename one).
 */
public enum Revocation {
  ASSESSMENT_FAILED,
  FALSE_MATERIALS,
  VIOLATION;

  /** The decision as the operator reads it. */
  public String headline(int banYears) {
    return switch (this) {
      case ASSESSMENT_FAILED -> "年度考核不合格，经限期整改仍不合格，取消朔州市众创空间称号（第八条）";
      case FALSE_MATERIALS -> "经核定提供虚假材料，取消朔州市众创空间称号，" + banYears + "年内不再受理其认定申请（第九条）";
      case VIOLATION -> "违反管理规定情节严重，取消朔州市众创空间称号（第十条）";
    };
  }
}
