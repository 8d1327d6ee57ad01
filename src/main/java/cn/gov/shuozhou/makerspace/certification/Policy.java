package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;

import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.util.Locale;
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

  /**
   * The whole-number outputs of the decision; each is read from the output column of its name in
   * camelCase ({@code BAN_YEARS}: {@code banYears}).
   */
  public enum Output {
    /** Art. 11: years a title is valid. */
    VALIDITY_YEARS,
    /** Art. 9: years no application of an operator is accepted after false materials. */
    BAN_YEARS,
    /** Working days the applicant has to supplement a returned application. */
    SUPPLEMENT_WORKING_DAYS,
    /** Art. 5(2): the smallest expert panel. */
    MIN_EXPERTS,
    /** Art. 11: days before expiry when the renewal window opens and the operator is reminded. */
    RENEWAL_REMINDER_DAYS,
    /** Art. 8: months given for a rectification. */
    RECTIFICATION_MONTHS,
    /** Art. 8–10: working days the operator has to state its case before a decision. */
    STATEMENT_WORKING_DAYS,
    /** Working days past a staff task's due date after which it is escalated to the city bureau. */
    ESCALATION_WORKING_DAYS,
    /** Art. 4, 5: the largest accepted upload, in MB. */
    UPLOAD_MAX_FILE_MB,
    /** Art. 4, 5: the most one application's materials may take, all versions together, in MB. */
    UPLOAD_MAX_APPLICATION_MB,
    /** Art. 5(3): the most evidence files one objection to a public notice may carry. */
    OBJECTION_EVIDENCE_MAX_FILES,
    /** Art. 5(3): the largest evidence file of an objection, in MB. */
    OBJECTION_EVIDENCE_MAX_FILE_MB,
    /** Art. 7: working days of a year's report window that must remain for the year of certification to be reported. */
    FIRST_REPORT_MIN_WORKING_DAYS,
    /** Art. 7: days before the report's due date when the operator is reminded. */
    ANNUAL_REPORT_REMINDER_DAYS,
    /** Art. 3: the priority of a staff task of an application in a preferred converted old building. */
    CONVERTED_BUILDING_TASK_PRIORITY,
    /** The priority of any other staff task. */
    STANDARD_TASK_PRIORITY;

    /** The decision's output column. */
    String column() {
      String[] words = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder column = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        column.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return column.toString();
    }
  }

  /** The number {@code output} of this policy. */
  public int number(Output output) {
    return intValue(output.column());
  }

  /** Art. 3: the priority of a staff task, higher for an application in a preferred converted old building. */
  public int taskPriority(boolean convertedBuildingPreferred) {
    return number(convertedBuildingPreferred ? Output.CONVERTED_BUILDING_TASK_PRIORITY : Output.STANDARD_TASK_PRIORITY);
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
