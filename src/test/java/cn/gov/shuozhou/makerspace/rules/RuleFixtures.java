package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.support.Applications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.instance.Decision;

/** Packaged rules and edited tables for the rules tests. */
final class RuleFixtures {


  private RuleFixtures() {}

  /** A valid application of a non-university maker space with the given area (all else eligible). */
  static Map<String, Object> application(double totalArea) {
    Map<String, Object> v = Applications.valid("shuocheng");
    v.put("totalArea", totalArea);
    v.put("publicServiceArea", totalArea * 0.95);
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
