package cn.gov.shuozhou.makerspace.registry;

/** Registry status of a certificate. */
public enum CertificateStatus {
  VALID("有效"),
  REVOKED("已取消"),
  EXPIRED("已到期");

  private final String displayName;

  CertificateStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
