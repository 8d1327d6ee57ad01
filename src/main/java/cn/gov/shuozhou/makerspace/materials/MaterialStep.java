package cn.gov.shuozhou.makerspace.materials;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The applicant's steps that carry materials, each with the task that binds its uploads (none for
 * the application: its filing binds them) and the material codes it accepts besides the checklist.
 */
public enum MaterialStep {
  APPLICATION("application", "认定申请", null),
  SUPPLEMENT("supplement", "补正申请材料", "supplementApplication"),
  ANNUAL_REPORT("annualReport", "年度工作报告", "submitAnnualReport"),
  RECTIFICATION("rectification", "整改报告", "rectify"),
  STATEMENT("statement", "陈述申辩", "submitStatement"),
  /** Art. 6: attachments of a county bureau's service record entry, bound by the entry (county/ServiceRecords). */
  SERVICE_RECORD("serviceRecord", "服务台账附件", null);

  private final String code;
  private final String label;
  private final String taskKey;

  MaterialStep(String code, String label, String taskKey) {
    this.code = code;
    this.label = label;
    this.taskKey = taskKey;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The applicant's task whose completion submits this step's uploads; null for the application. */
  public String taskKey() {
    return taskKey;
  }

  /** Uploaded by the bureau of the space's area, not by the applicant. */
  public boolean byAreaBureau() {
    return this == SERVICE_RECORD;
  }

  /** The checklist items prove the application and its supplement; later steps have one item of their own. */
  public boolean usesChecklist() {
    return this == APPLICATION || this == SUPPLEMENT;
  }

  /** The one material code of a step outside the checklist (e.g. {@code ANNUAL_REPORT}). */
  public String ownMaterialCode() {
    return usesChecklist() ? null : name();
  }

  public static Optional<MaterialStep> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  public static Optional<MaterialStep> ofTask(String taskKey) {
    return Arrays.stream(values()).filter(s -> taskKey != null && taskKey.equals(s.taskKey)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(MaterialStep::code).toList();
  }
}
