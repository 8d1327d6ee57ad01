package cn.gov.shuozhou.makerspace.identity.demo;

import cn.gov.shuozhou.makerspace.common.CreditCode;
import cn.gov.shuozhou.makerspace.organisation.Organisation;
import java.util.List;

/** The demo operators' organisations (credit codes of series {@code DM}, valid check characters). */
public final class DemoOrganisations {

  public static final List<Organisation> ALL = List.of(
      new Organisation("operator1", creditCode(1), "朔州市众创示范运营有限公司", "申报人一", "13903490001",
          "operator1@demo.local", "shuocheng"),
      new Organisation("operator2", creditCode(2), "应县创客示范运营有限公司", "申报人二", "13903490002",
          "operator2@demo.local", "yingxian"));

  private DemoOrganisations() {}

  /** The demo credit code of the demo operator {@code userId}. */
  public static String creditCodeOf(String userId) {
    return ALL.stream().filter(o -> o.userId().equals(userId)).findFirst().orElseThrow().creditCode();
  }

  private static String creditCode(int number) {
    String first17 = String.format("91140600DM%07d", number);
    return first17 + CreditCode.checkCharacter(first17);
  }
}
