package cn.gov.shuozhou.makerspace.support;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.CreditCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Test applications: one valid application that every test varies, credit codes for it, and its inspection. */
public final class Applications {

  private static final AtomicLong SERIAL = new AtomicLong();

  private Applications() {}

  /**
   * A valid unified social credit code of a Shuozhou company (GB 32100-2015 check character):
   * {@code series} (two characters) followed by {@code number} (seven digits).
   */
  public static String creditCode(String series, long number) {
    String first17 = String.format("91140600%s%07d", series, number % 10_000_000);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** A credit code not used before in this JVM. */
  public static String newCreditCode() {
    return creditCode("MA", SERIAL.incrementAndGet());
  }

  /** A complete application in {@code county} that meets every condition of Art. 4, with a new credit code. */
  public static Map<String, Object> valid(String county) {
    return valid(county, newCreditCode());
  }

  /** The same with the given credit code. The map is the caller's to change. */
  public static Map<String, Object> valid(String county, String creditCode) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(OPERATOR_NAME, "朔州创新创业服务有限公司");
    v.put(CREDIT_CODE, creditCode);
    v.put(SPACE_NAME, "朔城创客之家");
    v.put(SPACE_ADDRESS, "朔州市朔城区民福街1号");
    v.put(COUNTY, county);
    v.put(HOST_TYPE, "other");
    v.put(SPACE_FOCUS, "maker");
    v.put(TOTAL_AREA, 260.0);
    v.put(PUBLIC_SERVICE_AREA, 240.0);
    v.put(PREMISES, "leased");
    v.put(LEASE_YEARS, 6.0);
    v.put(SEED_FUND_AMOUNT, 500000.0);
    v.put(MENTOR_COUNT, 5);
    v.put(MONTHLY_EVENTS, 2.0);
    v.put(ACTIVE_MAKERS, 25);
    v.put(ACTIVE_TEAMS, 4);
    v.put(INDEPENDENT_OPERATOR, true);
    v.put(SHARED_FACILITIES, true);
    v.put(ONLINE_SERVICES, true);
    v.put(LOW_COST_OR_FREE, true);
    v.put(CONVERTED_OLD_BUILDING, false);
    v.put(CONTACT_NAME, "王明");
    v.put(CONTACT_PHONE, "13903491234");
    return v;
  }

  /** The Art. 4 status an annual report gives for {@link #valid}'s space: every condition still met. */
  public static Map<String, Object> spaceStatus() {
    Map<String, Object> v = new LinkedHashMap<>(valid("shuocheng"));
    v.keySet().retainAll(SPACE_STATUS_FIELDS);
    return v;
  }

  /** The smallest inspection team (Art. 5(2)): the city bureau with one other department. */
  public static final String INSPECTION_TEAM_OF_TWO = "王明，市科技局\n李华，市住房和城乡建设局";

  /** What the inspection team measures on site for {@link #valid}: Art. 4 met, operation verified. */
  public static Map<String, Object> inspection(boolean verified, boolean suspected) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(MEASURED_TOTAL_AREA, 255.0);
    v.put(MEASURED_PUBLIC_SERVICE_AREA, 235.0);
    v.put(MEASURED_ACTIVE_MAKERS, 22);
    v.put(MEASURED_ACTIVE_TEAMS, 4);
    v.put(OPERATION_VERIFIED, verified);
    v.put(FALSE_MATERIALS_SUSPECTED, suspected);
    v.put(INSPECTION_COMMENT, "现场查验");
    v.put(INSPECTION_TEAM, INSPECTION_TEAM_OF_TWO);
    return v;
  }
}
