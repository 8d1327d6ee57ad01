package cn.gov.shuozhou.makerspace.inspection;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code onSiteInspection} (Art. 5(2)): the team that inspected (at least two
 * members with their departments; one of them completes the task for all), the measured area and
 * founders, whether the space runs as declared, and whether materials look false. The measured
 * values are then judged by the same Art. 4 decision as the declared ones.
 *
 * <p>Art. 3: for a converted old building the team records whether the building structure was
 * left unchanged and building safety is unaffected; only when both hold does the preference
 * ({@code oldBuildingPreferred}: task priority 70) go on after the inspection.
 */
@Component("inspectionInput")
public class InspectionInputListener implements TaskListener {

  static final int MIN_TEAM = 2;
  private static final int MAX_TEAM = 20;
  private static final int MAX_DEPARTMENT = 100;
  /** "姓名，部门": the name, one separator (comma, colon or spaces), the department. */
  private static final Pattern MEMBER = Pattern.compile("([^，,：:\\s]+)\\s*[，,：:\\s]\\s*(\\S.*)");

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Double total = in.decimal(MEASURED_TOTAL_AREA, "实测场地总面积", true, 0, Inputs.MAX_AREA);
    Double publicArea = in.decimal(MEASURED_PUBLIC_SERVICE_AREA, "实测公共服务面积", true, 0, Inputs.MAX_AREA);
    if (total != null && publicArea != null && publicArea > total) {
      in.fail(MEASURED_PUBLIC_SERVICE_AREA, "实测公共服务面积（measuredPublicServiceArea）不得大于实测场地总面积");
    }
    Integer makers = in.integer(MEASURED_ACTIVE_MAKERS, "实测活跃创客人数", true, 0, Inputs.MAX_COUNT);
    Integer teams = in.integer(MEASURED_ACTIVE_TEAMS, "实测活跃创业团队数", true, 0, Inputs.MAX_COUNT);
    Boolean verified = in.bool(OPERATION_VERIFIED, "运营情况属实", true);
    Boolean suspected = in.bool(FALSE_MATERIALS_SUSPECTED, "疑似提供虚假材料", true);
    String comment = in.text(INSPECTION_COMMENT, "考察意见", true, Inputs.MAX_TEXT);
    String team = team(in);
    boolean converted = Boolean.TRUE.equals(task.getExecution().getVariable(CONVERTED_OLD_BUILDING));
    Boolean structureUnchanged = buildingFinding(in, converted, BUILDING_STRUCTURE_UNCHANGED, "未改变建筑结构");
    Boolean safetyUnaffected = buildingFinding(in, converted, BUILDING_SAFETY_UNAFFECTED, "不影响建筑安全");
    in.throwIfInvalid();
    task.setVariable(MEASURED_TOTAL_AREA, total);
    task.setVariable(MEASURED_PUBLIC_SERVICE_AREA, publicArea);
    task.setVariable(MEASURED_ACTIVE_MAKERS, makers);
    task.setVariable(MEASURED_ACTIVE_TEAMS, teams);
    task.setVariable(OPERATION_VERIFIED, verified);
    task.setVariable(FALSE_MATERIALS_SUSPECTED, suspected);
    task.setVariable(INSPECTION_COMMENT, comment);
    task.setVariable(INSPECTION_TEAM, team);
    task.setVariable(BUILDING_STRUCTURE_UNCHANGED, structureUnchanged);
    task.setVariable(BUILDING_SAFETY_UNAFFECTED, safetyUnaffected);
    task.setVariable(OLD_BUILDING_PREFERRED,
        converted && Boolean.TRUE.equals(structureUnchanged) && Boolean.TRUE.equals(safetyUnaffected));
  }

  /** The team, normalized to one "姓名，部门" per line; null (with an error) unless at least two distinct members. */
  private static String team(Inputs in) {
    String text = in.text(INSPECTION_TEAM, "考察组成员", true, Inputs.MAX_TEXT);
    if (text == null) {
      return null;
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    Set<String> names = new LinkedHashSet<>();
    List<String> members = new ArrayList<>();
    for (String line : lines) {
      Matcher m = MEMBER.matcher(line);
      if (!m.matches() || m.group(1).length() > Inputs.MAX_NAME || m.group(2).strip().length() > MAX_DEPARTMENT) {
        in.fail(INSPECTION_TEAM, "考察组成员（inspectionTeam）每行填写一人：姓名，所在部门（如：王明，市科技局）；无法识别：" + line);
        return null;
      }
      if (!names.add(m.group(1))) {
        in.fail(INSPECTION_TEAM, "考察组成员（inspectionTeam）重复：" + m.group(1));
        return null;
      }
      members.add(m.group(1) + "，" + m.group(2).strip());
    }
    if (members.size() < MIN_TEAM || members.size() > MAX_TEAM) {
      in.fail(INSPECTION_TEAM, "考察组成员（inspectionTeam）应为" + MIN_TEAM + "至" + MAX_TEAM
          + "人（第五条第（二）项：市科技局会同有关部门组成考察组），每行一人：姓名，所在部门");
      return null;
    }
    return String.join("\n", members);
  }

  /** Required for a converted old building (Art. 3); refused otherwise, as it has nothing to describe. */
  private static Boolean buildingFinding(Inputs in, boolean converted, String name, String label) {
    if (!converted) {
      if (in.has(name)) {
        in.fail(name, label + "（" + name + "）仅适用于申报利用老旧厂房、闲置房屋改建的众创空间（第三条）");
      }
      return null;
    }
    return in.bool(name, label + "（第三条，利用老旧厂房、闲置房屋改建）", true);
  }
}
