package cn.gov.shuozhou.makerspace.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.application.CreditCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.dmn.instance.Decision;

/** Packaged rules and edited tables for the rules tests. */
final class RuleFixtures {

  private static final AtomicInteger CREDIT_CODES = new AtomicInteger(7000);

  private RuleFixtures() {}

  /** A valid application of a non-university maker space with the given area (all else eligible). */
  static Map<String, Object> application(double totalArea) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("operatorName", "朔州规则测试运营有限公司");
    String first17 = String.format("91140600MR%07d", CREDIT_CODES.incrementAndGet());
    v.put("creditCode", first17 + CreditCode.checkCharacter(first17));
    v.put("spaceName", "规则测试创客空间");
    v.put("county", "shuocheng");
    v.put("hostType", "other");
    v.put("spaceFocus", "maker");
    v.put("totalArea", totalArea);
    v.put("publicServiceArea", totalArea * 0.95);
    v.put("premises", "leased");
    v.put("leaseYears", 6.0);
    v.put("seedFundAmount", 500000.0);
    v.put("mentorCount", 5);
    v.put("monthlyEvents", 2.0);
    v.put("activeMakers", 25);
    v.put("activeTeams", 4);
    v.put("independentOperator", true);
    v.put("sharedFacilities", true);
    v.put("onlineServices", true);
    v.put("lowCostOrFree", true);
    v.put("convertedOldBuilding", false);
    v.put("contactName", "李华");
    v.put("contactPhone", "13903497777");
    return v;
  }

  /** A packaged rule from the repository's {@code dmn/} folder. */
  static PackagedRule packaged(String key) {
    String xml = PackagedDecisions.xml(key);
    List<String> ids = new ArrayList<>();
    ids.add(key);
    for (Decision decision : PackagedDecisions.model(key).getModelElementsByType(Decision.class)) {
      if (!decision.getId().equals(key)) {
        ids.add(decision.getId());
      }
    }
    return new PackagedRule(key, key + ".dmn", xml, RuleXml.checksum(xml), ids,
        DecisionCaseSet.read(PackagedDecisions.caseFile(key)));
  }

  /** {@code article4-eligibility} with the non-university minimum area changed from 200 m² to {@code area}. */
  static String article4MinimumArea(int area) {
    String xml = PackagedDecisions.xml("article4-eligibility");
    String threshold = "<inputEntry id=\"rule-area-other-in-totalArea\">\n          <text>&lt; 200, null</text>";
    assertThat(xml).contains(threshold);
    return xml.replace(threshold, threshold.replace("200", Integer.toString(area)))
        .replace("非大专院校众创空间不低于200平方米", "非大专院校众创空间不低于" + area + "平方米");
  }
}
