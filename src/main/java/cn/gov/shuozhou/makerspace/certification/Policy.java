package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;

import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Read access to the policy numbers of decision {@code certification-policy}, which every instance
 * evaluates once at its start into variable {@code policy}: an application is handled under the
 * policy in force when it was filed, and history shows which decision version that was.
 */
public final class Policy {

  /** The decision that holds the policy numbers. */
  public static final String DECISION_KEY = "certification-policy";

  private final Map<?, ?> values;

  private Policy(Map<?, ?> values) {
    this.values = values;
  }

  public static Policy of(VariableScope scope) {
    Object v = scope.getVariable(POLICY);
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalStateException("变量 policy 缺失：流程未读取认定政策参数（certification-policy）");
    }
    return new Policy(m);
  }

  /**
   * The policy in force now, outside any case: for doors that apply a number before a case exists
   * or across its steps (the upload limits), from the active version of the decision.
   */
  public static Policy current(StandaloneDecisions decisions) {
    return new Policy(decisions.evaluate(DECISION_KEY, Map.of()).get(0));
  }

  /** The policy of an instance read from outside it (its variable {@code policy}); null when absent. */
  public static Policy ofValue(Object value) {
    return value instanceof Map<?, ?> m ? new Policy(m) : null;
  }

  /** Art. 11: years a title is valid. */
  public int validityYears() {
    return intValue("validityYears");
  }

  /** Art. 9: years no application of an operator is accepted after false materials. */
  public int banYears() {
    return intValue("banYears");
  }

  /** Working days the applicant has to supplement a returned application. */
  public int supplementWorkingDays() {
    return intValue("supplementWorkingDays");
  }

  /** Art. 5(2): the smallest expert panel. */
  public int minExperts() {
    return intValue("minExperts");
  }

  /** Art. 11: days before expiry when the renewal window opens and the operator is reminded. */
  public int renewalReminderDays() {
    return intValue("renewalReminderDays");
  }

  /** Art. 8: months given for a rectification. */
  public int rectificationMonths() {
    return intValue("rectificationMonths");
  }

  /** Art. 8–10: working days the operator has to state its case before a decision. */
  public int statementWorkingDays() {
    return intValue("statementWorkingDays");
  }

  /** Working days past a staff task's due date after which it is escalated to the city bureau. */
  public int escalationWorkingDays() {
    return intValue("escalationWorkingDays");
  }

  /** Art. 4, 5: the largest accepted upload, in MB. */
  public int uploadMaxFileMb() {
    return intValue("uploadMaxFileMb");
  }

  /** Art. 4, 5: the most one application's materials may take, all versions together, in MB. */
  public int uploadMaxApplicationMb() {
    return intValue("uploadMaxApplicationMb");
  }

  /** Art. 5(3): the most evidence files one objection to a public notice may carry. */
  public int objectionEvidenceMaxFiles() {
    return intValue("objectionEvidenceMaxFiles");
  }

  /** Art. 5(3): the largest evidence file of an objection, in MB. */
  public int objectionEvidenceMaxFileMb() {
    return intValue("objectionEvidenceMaxFileMb");
  }

  /** Art. 3: the priority of a staff task, higher for an application in a preferred converted old building. */
  public int taskPriority(boolean convertedBuildingPreferred) {
    return intValue(convertedBuildingPreferred ? "convertedBuildingTaskPriority" : "standardTaskPriority");
  }

  /** Art. 7: working days of a year's report window that must remain for the year of certification to be reported. */
  public int firstReportMinWorkingDays() {
    return intValue("firstReportMinWorkingDays");
  }

  /** Art. 7: days before the report's due date when the operator is reminded. */
  public int annualReportReminderDays() {
    return intValue("annualReportReminderDays");
  }

  /** Art. 7: the month and day each year's report window opens (MM-DD). */
  public String annualReportOpens() {
    return text("annualReportOpens");
  }

  /** Art. 7: the month and day each year's report is due (MM-DD). */
  public String annualReportDue() {
    return text("annualReportDue");
  }

  private int intValue(String name) {
    Object v = values.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("认定政策参数 " + name + " 缺失或不是数字");
    }
    return n.intValue();
  }

  private String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("认定政策参数 " + name + " 缺失");
    }
    return v.toString();
  }
}
