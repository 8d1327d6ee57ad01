package cn.gov.shuozhou.makerspace.rules;

import java.util.List;

/**
 * A decision table shipped with the application: one DMN file, keyed by its main decision (the
 * decision no other decision of the file requires; {@code annual-assessment.dmn} also holds
 * {@code annual-assessment-score}).
 *
 * @param key the main decision's id, the key of the rule
 * @param fileName the file name, used as the resource name of every deployment of the rule
 * @param xml the file's text
 * @param checksum {@link RuleXml#checksum} of the text
 * @param decisionIds every decision of the file, main decision first
 * @param cases the decision's regression cases ({@code dmn/cases/<key>.json}); empty when none
 */
public record PackagedRule(
    String key, String fileName, String xml, String checksum, List<String> decisionIds, DecisionCaseSet cases) {

  public PackagedRule {
    decisionIds = List.copyOf(decisionIds);
  }
}
