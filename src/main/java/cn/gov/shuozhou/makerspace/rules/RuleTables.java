package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleTable;
import cn.gov.shuozhou.makerspace.rules.RuleViews.TableInput;
import cn.gov.shuozhou.makerspace.rules.RuleViews.TableOutput;
import cn.gov.shuozhou.makerspace.rules.RuleViews.TableRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/** Turns a DMN file into the readable table of {@code GET /api/rules/{key}}. */
final class RuleTables {

  private RuleTables() {}

  static RuleTable view(String xml, String key) {
    DmnModelInstance model =
        RegressionCases.readModel(new ByteArrayInputStream(RuleXml.forUtf8(xml).getBytes(StandardCharsets.UTF_8)));
    if (!(model.getModelElementById(key) instanceof Decision decision)) {
      throw new IllegalStateException("decision '" + key + "' not in its DMN file");
    }
    return view(decision, new LinkedHashSet<>(), true);
  }

  /** The name of the decision in the file (null when absent). */
  static String name(String xml, String key) {
    DmnModelInstance model =
        RegressionCases.readModel(new ByteArrayInputStream(RuleXml.forUtf8(xml).getBytes(StandardCharsets.UTF_8)));
    return model.getModelElementById(key) instanceof Decision decision ? decision.getName() : null;
  }

  private static RuleTable view(Decision decision, Set<String> seen, boolean top) {
    seen.add(decision.getId());
    List<RuleTable> required = new ArrayList<>();
    for (InformationRequirement requirement : decision.getInformationRequirements()) {
      Decision requiredDecision = requirement.getRequiredDecision();
      if (requiredDecision != null && !seen.contains(requiredDecision.getId())) {
        required.add(view(requiredDecision, seen, false));
      }
    }
    List<RuleTable> requiredDecisions = top || !required.isEmpty() ? required : null;
    if (decision.getExpression() instanceof DecisionTable table) {
      List<TableInput> inputs = new ArrayList<>();
      for (Input input : table.getInputs()) {
        var expression = input.getInputExpression();
        inputs.add(new TableInput(input.getId(), input.getLabel(),
            expression == null ? null : text(expression.getText()),
            expression == null ? null : expression.getTypeRef()));
      }
      List<TableOutput> outputs = new ArrayList<>();
      for (Output output : table.getOutputs()) {
        outputs.add(new TableOutput(output.getId(), output.getLabel(), output.getName(), output.getTypeRef()));
      }
      List<TableRule> rules = new ArrayList<>();
      for (Rule rule : table.getRules()) {
        List<String> inputEntries = new ArrayList<>();
        for (InputEntry entry : rule.getInputEntries()) {
          inputEntries.add(text(entry.getText()));
        }
        List<String> outputEntries = new ArrayList<>();
        for (OutputEntry entry : rule.getOutputEntries()) {
          outputEntries.add(text(entry.getText()));
        }
        rules.add(new TableRule(rule.getId(), description(rule.getDescription()), inputEntries, outputEntries));
      }
      return new RuleTable(decision.getId(), decision.getName(), table.getHitPolicy().name(),
          table.getAggregation() == null ? null : table.getAggregation().name(), inputs, outputs, rules, null,
          requiredDecisions);
    }
    String literal = decision.getExpression() instanceof LiteralExpression expression ? text(expression.getText()) : null;
    return new RuleTable(decision.getId(), decision.getName(), null, null, List.of(), List.of(), List.of(), literal,
        requiredDecisions);
  }

  private static String text(Text text) {
    return text == null ? "" : text.getTextContent();
  }

  private static String description(Description description) {
    return description == null ? null : description.getTextContent();
  }
}
