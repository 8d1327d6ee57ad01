package cn.gov.shuozhou.makerspace.registry;

/** What was imposed on a certified space (Art. 8–10). */
public enum SanctionKind {
  WARNING("警告"),
  RECTIFICATION("限期整改"),
  REVOCATION("取消称号");

  private final String displayName;

  SanctionKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
